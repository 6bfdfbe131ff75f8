import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { readSnapshot } from '../../main/backend/services/course';
import { bandDistribution } from '@shared/charts/distribution';
import { computeCourse } from '@shared/grading';
import { startApp, type Harness } from './harness';

/** Student counts per letter, read from the chart's text alternative. */
async function bandCounts(app: Harness): Promise<Record<string, number>> {
  const rows = await app.page.getByRole('table', { name: 'Band distribution' }).locator('tbody tr').all();
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const cells = await r.locator('th, td').allTextContents();
    counts[cells[0]!] = Number(cells[2]);
  }
  return counts;
}

describe('Final grades screen in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.openScreen('Final grades');
    await app.page.getByRole('table', { name: 'Final grades' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('lists every enrolled student with a letter, and the band chart counts all of them', async () => {
    const rows = app.page.getByRole('table', { name: 'Final grades' }).locator('tbody tr');
    expect(await rows.count()).toBe(40);
    const counts = await bandCounts(app);
    expect(Object.keys(counts)).toEqual(['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'F']);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(40);
    await app.page.getByRole('heading', { name: 'Distribution' }).scrollIntoViewIfNeeded();
    await app.screenshot('final-grades-chart');
  });

  it('overrides a final grade with a reason and shows the pin and the letter', async () => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Final grades' });
    const first = table.locator('tbody tr').first();
    const name = (await first.locator('td').first().textContent())!;
    await page.getByRole('button', { name: `Override ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('A reason is required');
    await dialog.getByLabel('Letter').selectOption('C-');
    await dialog.getByLabel('Reason').fill('Academic standing committee decision');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = table.locator('tbody tr').filter({ hasText: name });
    await expect.poll(() => row.textContent()).toContain('Overridden');
    const cells = await row.locator('td').allTextContents();
    expect(cells).toContain('C-');
    expect(await page.getByRole('status').textContent()).toContain(`Override saved for ${name}: C-.`);
    // Category percentages carry their sign, like the final percentage.
    const categoryCells = cells.slice(2, 2 + readSnapshot(app.workspace.course!.db).categories.length);
    expect(categoryCells.length).toBeGreaterThan(0);
    for (const c of categoryCells) expect(c).toMatch(/^(\d+\.\d\d%|—)$/);
    const overrides = readSnapshot(app.workspace.course!.db).overrides;
    expect(overrides).toEqual([expect.objectContaining({ letter: 'C-', reason: 'Academic standing committee decision' })]);
    await page.getByRole('button', { name: `Clear override of ${name}` }).click();
    await page.getByRole('dialog').getByLabel('Reason').fill('Entered by mistake');
    await page.getByRole('dialog').getByRole('button', { name: 'Clear override' }).click();
    await expect.poll(() => row.textContent()).not.toContain('Overridden');
    expect(await page.getByRole('status').textContent()).toContain(`Override cleared for ${name}.`);
  });

  it('explains a student’s grade with the engine’s trail', async () => {
    const { page } = app;
    const name = (await page.getByRole('table', { name: 'Final grades' }).locator('tbody tr').nth(1).locator('td').first().textContent())!;
    await page.getByRole('button', { name: `Explain ${name}` }).click();
    const panel = page.getByRole('region', { name: `Explain: ${name}` });
    const lines = panel.getByRole('list', { name: 'How the grade was computed' }).getByRole('listitem');
    await expect.poll(() => lines.count()).toBeGreaterThan(4);
    const text = (await lines.allTextContents()).join('\n');
    expect(text).toMatch(/Homeworks/);
    expect(text).toMatch(/%/);
    const items = panel.getByRole('table', { name: `Items of ${name}` }).locator('tbody tr');
    expect(await items.count()).toBeGreaterThan(20);
    // The weeks the student's team did not present: one line for them all, not one a week.
    const weeks = (await lines.allTextContents()).filter((t) => t.startsWith('Presentation week'));
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatch(/^Presentation week \d+(, Presentation week \d+)*,? and Presentation week \d+: excused — not counted$/);
    await app.screenshot('final-grades-explain');
  });

  it('previews an edited cut-off: the chart counts change before anything is saved', async () => {
    const { page } = app;
    const before = await bandCounts(app);
    const policyBefore = readSnapshot(app.workspace.course!.db).policy;
    const preview = page.getByRole('table', { name: 'Preview bands' });
    // B+ from 70: the B- students (70-76) move up into B+; B (76-82) stays above it.
    await preview.getByLabel('Lower bound of B+', { exact: true }).fill('70');
    const snap = readSnapshot(app.workspace.course!.db);
    const bands = snap.policy.bands.map((b) => (b.letter === 'B+' ? { ...b, min: 70 } : b));
    const engine = computeCourse({ ...snap, policy: { ...snap.policy, bands } });
    const expected = Object.fromEntries(
      bandDistribution(
        bands,
        engine.students.map((r) => r.final.letter),
      ).bands.map((b) => [b.letter, b.count]),
    );
    expect(expected).not.toEqual(before);
    await expect.poll(() => bandCounts(app)).toEqual(expected);
    const after = await bandCounts(app);
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(40);
    expect(after['B-']).toBe(0);
    expect(await page.getByText('Preview with the edited cut-offs (not saved)').count()).toBe(1);
    expect(readSnapshot(app.workspace.course!.db).policy).toEqual(policyBefore);
    await app.screenshot('final-grades-preview');
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(async () => bandCounts(app)).toEqual(before);
  });

  it('exports the chart as a PNG image', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export chart as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('IE 7374 Machine Learning Operations band distribution.png');
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.length).toBeGreaterThan(5000);
  });
});
