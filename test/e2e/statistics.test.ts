import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { computeCourse } from '@shared/grading';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

/** Grid rows: a group header row and the column header row come before the first student. */
const HEADER_ROWS = 2;

/** The figures worked out here in plain doubles from the engine's effective scores, as a hand calculation would. */
function byHand(values: number[]) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  const two = (x: number) => String(Number(x.toFixed(2)));
  return { n, mean: two(mean), median: two(median), sd: two(sd), min: two(sorted[0]!), max: two(sorted[n - 1]!) };
}

describe('column statistics in Chromium', () => {
  let app: Harness;

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.page
      .getByRole('grid', { name: 'Scores' })
      .locator(`[role=row][aria-rowindex="${HEADER_ROWS + 5}"]`)
      .waitFor();
  });
  afterAll(async () => app?.close());

  /** Whether the page has fetched the chunk holding the chart components (named after ChartPanel.tsx). */
  const chartCodeLoaded = () =>
    app.page.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/ChartPanel-[^/]*\.js$/.test(e.name)));

  it('opens an item’s statistics from its header by keyboard, with the demo course’s numbers, and Esc goes back', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Scores' });
    // The first score cell, then up into its header: the header's Statistics button takes the focus.
    await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 1}"] > [aria-colindex="3"]`).click();
    await page.keyboard.press('ArrowUp');
    const button = page.getByRole('button', { name: 'Statistics for Homework 1' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    // The chart code (recharts) is not part of opening the grid: it loads with the first dialog.
    expect(await chartCodeLoaded()).toBe(false);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Statistics for Homework 1' });
    await dialog.waitFor();
    expect(await chartCodeLoaded()).toBe(true);
    const snap = readSnapshot(app.workspace.course!.db);
    const hw1 = snap.items.find((i) => i.name === 'Homework 1')!;
    const results = computeCourse(snap).students;
    const values = snap.students.flatMap((s, i) => {
      const r = results[i]!.items.find((x) => x.itemId === hw1.id)!;
      return s.status === 'withdrawn' || r.effective === null ? [] : [r.effective];
    });
    expect(values.length).toBeGreaterThan(10);
    const want = byHand(values);
    const figures = Object.fromEntries(
      await dialog
        .getByRole('table', { name: 'Figures for Homework 1' })
        .getByRole('row')
        .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, r.querySelector('td')!.textContent])),
    );
    expect(figures).toEqual({
      'Scores counted': String(want.n),
      Mean: want.mean,
      Median: want.median,
      'Standard deviation (population)': want.sd,
      Lowest: want.min,
      Highest: want.max,
    });
    // The histogram's table counts every score once.
    const counts = await dialog.getByRole('table', { name: 'Counts per band for Homework 1' }).locator('tbody td').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(want.n);
    expect(await dialog.getByRole('img').getAttribute('aria-label')).toMatch(/^Bar chart of scores per 10-point band: 0–10% \d+/);
    await app.screenshot('statistics-item');
    expect(await seriousViolations(page, 'dialog[open]')).toEqual([]);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    // The header did not sort: the rows are still in roster order.
    expect(await grid.locator('[role=columnheader][aria-sort]').count()).toBe(0);
  });

  it('a category’s statistics follow the grid’s view', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: 'Scores' });
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.getByRole('button', { name: 'Statistics for Homeworks %' }).click();
    const dialog = page.getByRole('dialog', { name: 'Statistics for Homeworks %' });
    await dialog.waitFor();
    const snap = readSnapshot(app.workspace.course!.db);
    const hw = snap.categories.find((c) => c.name === 'Homeworks')!;
    const results = computeCourse(snap).students;
    const percents = snap.students.flatMap((s, i) => {
      const p = results[i]!.categories.find((c) => c.categoryId === hw.id)!.current.percent;
      return s.status === 'withdrawn' || p === null ? [] : [p];
    });
    const mean = await dialog.getByRole('row', { name: /^Mean/ }).locator('td').textContent();
    expect(mean).toBe(`${Number(byHand(percents).mean).toFixed(2)}%`);
    expect(await dialog.textContent()).toContain('current grade: only graded work counts');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
