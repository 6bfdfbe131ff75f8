import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

/** A US scale: cut-offs 3 points apart, close enough for their letters to collide on one row. */
const BANDS = [
  ['A', 93],
  ['A-', 90],
  ['B+', 87],
  ['B', 83],
  ['B-', 80],
  ['C+', 77],
  ['C', 73],
  ['C-', 70],
  ['D', 60],
  ['F', 0],
].map(([letter, min]) => ({ letter, min }));

describe('the histogram’s cut-off labels in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => {
      loadDemoClass(ws.course!);
      ws.course!.db.prepare(`UPDATE course SET policy_json = json_set(policy_json, '$.bands', json(?))`).run(JSON.stringify(BANDS));
    });
  });
  afterAll(async () => app?.close());

  it('never overlap, each above its own line', async () => {
    const { page } = app;
    await app.openScreen('Final grades');
    const labels = page.locator('.band-chart text.cutoff-label');
    await expect.poll(() => labels.count()).toBe(BANDS.length - 1);
    const boxes = await labels.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    expect(boxes.map((b) => b.text)).toEqual(BANDS.slice(0, -1).map((b) => b.letter));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `${a.text} and ${b.text} overlap`).toBe(false);
      }
    // Labels sit above the plot, not on the bars.
    const plot = await page.locator('.band-chart .recharts-cartesian-grid').last().boundingBox();
    for (const b of boxes) expect(b.bottom).toBeLessThanOrEqual(plot!.y + 1);
    await page.locator('.band-chart').scrollIntoViewIfNeeded();
    await app.screenshot('chart-labels');
  });
});
