import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draw, seededGenerator, type DrawInput } from '@shared/draw';
import { GOLDEN } from '../unit/draw/golden';
import { CHROMIUM, CHROMIUM_FLAGS } from './harness';

/** shared/draw bundled for the page exactly as the renderer would import it. */
async function drawBundle(): Promise<string> {
  const out = await build({
    entryPoints: ['shared/draw/index.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'SharedDraw',
    platform: 'browser',
  });
  return out.outputFiles[0]!.text;
}

/** Varied inputs: unicode seeds, uneven turns, both rules, up to 40 candidates. */
const cases: DrawInput[] = Array.from({ length: 200 }, (_, i) => {
  const n = 1 + (i % 40);
  return {
    seed: `${i}-Ω-${'x'.repeat(i % 7)}`,
    candidates: Array.from({ length: n }, (_, t) => ({ teamId: 100 + ((t * 7) % 97), turns: (t * i) % 3 })).filter(
      (c, idx, all) => all.findIndex((d) => d.teamId === c.teamId) === idx,
    ),
    teamsCount: 1,
    rule: i % 5 === 0 ? ('lifted' as const) : ('fewest-turns' as const),
  };
}).map((c, i) => ({ ...c, teamsCount: 1 + (i % c.candidates.length) }));

describe('the draw in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  });
  afterAll(async () => browser?.close());

  it('gives the same generator outputs and the same teams as Node for the same seeds and candidates', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>draw</title>');
    await page.addScriptTag({ content: await drawBundle() });
    const inPage = await page.evaluate(
      ({ golden, cases }) => {
        const d = (globalThis as unknown as { SharedDraw: typeof import('@shared/draw') }).SharedDraw;
        const g = d.seededGenerator('IE 7374');
        return {
          outputs: Array.from({ length: 8 }, () => g.next()),
          golden: golden.map((x) => d.draw(x.input)),
          cases: cases.map((c) => d.draw(c)),
        };
      },
      { golden: GOLDEN, cases },
    );
    const g = seededGenerator('IE 7374');
    expect(inPage.outputs).toEqual(Array.from({ length: 8 }, () => g.next()));
    expect(inPage.golden).toEqual(GOLDEN.map((x) => x.teams));
    expect(inPage.cases).toEqual(cases.map((c) => draw(c)));
    await page.close();
  });
});
