/**
 * The first full recompute after opening, measured in headless Chromium: the app runs the engine
 * in its renderer, whose V8 is newer than Node 20's (and has its Maglev tier), so the cold first
 * pass there is what an instructor waits for. A fresh browser per run, so the JIT starts cold.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from '../e2e/harness';
import type { PageFigures } from './engine-page-probe';
import { median } from './stats';

/** Median figures of `runs` fresh browsers on the course JSON at `course`; null without Chromium. */
export async function firstInChromium(dir: string, course: string, runs: number): Promise<PageFigures | null> {
  if (!fs.existsSync(CHROMIUM)) return null;
  const bundle = path.join(dir, 'engine-page-probe.js');
  buildSync({
    entryPoints: [path.join(__dirname, 'engine-page-probe.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    logLevel: 'warning',
  });
  const json = fs.readFileSync(course, 'utf8');
  const figures: PageFigures[] = [];
  for (let k = 0; k < runs; k++) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ path: bundle });
      figures.push(
        await page.evaluate(
          (text) => (globalThis as unknown as { firstRecompute: (json: string) => PageFigures }).firstRecompute(text),
          json,
        ),
      );
    } finally {
      await browser.close();
    }
  }
  return { prepareMs: median(figures.map((f) => f.prepareMs)), firstMs: median(figures.map((f) => f.firstMs)) };
}
