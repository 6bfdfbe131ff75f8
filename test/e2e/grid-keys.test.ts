import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { listHistory } from '../../main/backend/services/history';
import { startApp, type Harness } from './harness';

/** Grid rows: a group header row and the column header row come before the first student. */
const HEADER_ROWS = 2;

describe('the grid like Excel: copy what is shown, Tab, Enter, Ctrl+Home/End, leaving for the toolbar', () => {
  let app: Harness;
  let grid: Locator;
  /** Grid column (aria-colindex) of each item, category % and grade column, numbered from the course. */
  const col: Record<string, number> = {};
  let items: string[] = [];
  let students = 0;
  col.Student = 1;

  const cell = (row: number, name: string) =>
    grid.locator(`[role=row][aria-rowindex="${row + HEADER_ROWS + 1}"] > [aria-colindex="${col[name]}"]`);
  const selected = (row: number, name: string) => cell(row, name).getAttribute('aria-selected');
  const focused = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);
  const batches = () => listHistory(app.workspace.course!.db, { limit: 1, offset: 0 }).total;

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    grid = app.page.getByRole('grid', { name: 'Scores' });
    await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 5}"]`).waitFor();
    const snap = readSnapshot(app.workspace.course!.db);
    const cats = [...snap.categories].sort((a, b) => a.position - b.position);
    items = cats.flatMap((c) => snap.items.filter((i) => i.categoryId === c.id).sort((a, b) => a.position - b.position)).map((i) => i.name);
    [...items, ...cats.map((c) => `${c.name} %`), 'Current %', 'Letter'].forEach((name, i) => (col[name] = 3 + i));
    students = snap.students.filter((s) => s.status !== 'withdrawn').length;
  });
  afterAll(async () => app?.close());

  it('Ctrl+C copies grade columns as shown, rows scrolled out of view included', async () => {
    const { page } = app;
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await cell(0, 'Attendance %').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    for (let i = 1; i < students; i++) await page.keyboard.press('Shift+ArrowDown');
    // The first rows are now scrolled away and no longer in the DOM.
    await expect.poll(() => cell(0, 'Letter').count()).toBe(0);
    await page.evaluate(() => {
      const w = window as unknown as { copied?: string };
      window.addEventListener('copy', (e) => (w.copied = e.clipboardData?.getData('text/plain')), { once: true });
    });
    await page.keyboard.press('Control+c');
    const lines = (await page.evaluate(() => (window as unknown as { copied?: string }).copied))!.split('\r\n');
    expect(lines).toHaveLength(students);
    for (const line of lines) expect(line).toMatch(/^(\d+\.\d\d%|—)\t\d+\.\d\d%\t[A-F][+-]?$/);
    const last = students - 1;
    const shown = await Promise.all(['Attendance %', 'Current %', 'Letter'].map(async (n) => (await cell(last, n).textContent())!.trim()));
    expect(lines[last]).toBe(shown.join('\t'));
  });

  it('Tab from a row’s last score goes to the next row’s first score, Shift+Tab back, typing included', async () => {
    const { page } = app;
    const lastItem = items[items.length - 1]!;
    await page.keyboard.press('Control+Home');
    await expect.poll(() => selected(0, items[0]!)).toBe('true');
    await page.keyboard.press('Shift+Tab');
    // Before the first score cell the focus leaves the grid.
    await expect.poll(() => grid.evaluate((el) => el.contains(document.activeElement))).toBe(false);

    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await cell(2, lastItem).click();
    await page.keyboard.press('Tab');
    await expect.poll(() => selected(3, items[0]!)).toBe('true');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => selected(2, lastItem)).toBe('true');
    // From a grade column after the scores too.
    await cell(2, 'Letter').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => selected(3, items[0]!)).toBe('true');

    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await cell(4, lastItem).click();
    await page.keyboard.type('1');
    await page.keyboard.press('Tab');
    await expect.poll(() => selected(5, items[0]!)).toBe('true');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => selected(4, lastItem)).toBe('true');
    expect((await cell(4, lastItem).textContent())?.replace(/[^\d.]/g, '')).toBe('1');
  });

  it('Ctrl+End goes to the last row’s last cell, Ctrl+Home to the first score cell', async () => {
    const { page } = app;
    await page.keyboard.press('Control+End');
    await expect.poll(() => selected(students - 1, 'Letter')).toBe('true');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => selected(0, items[0]!)).toBe('true');
    await app.screenshot('grid-keys-home');
  });

  it('Enter on a cell not being edited commits nothing and moves down; F2 edits, Esc cancels', async () => {
    const { page } = app;
    await cell(6, items[0]!).click();
    const before = { text: await cell(6, items[0]!).textContent(), history: batches() };
    await page.keyboard.press('Enter');
    await expect.poll(() => selected(7, items[0]!)).toBe('true');
    expect(await grid.getByRole('textbox').count()).toBe(0);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => selected(6, items[0]!)).toBe('true');
    expect(await cell(6, items[0]!).textContent()).toBe(before.text);
    expect(batches()).toBe(before.history);

    await page.keyboard.press('F2');
    await expect.poll(() => grid.getByRole('textbox').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => grid.getByRole('textbox').count()).toBe(0);
    expect(await selected(6, items[0]!)).toBe('true');
    expect(batches()).toBe(before.history);
  });

  it('Esc (not editing) and F6 take focus to the toolbar; F6 brings it back to the same cell', async () => {
    const { page } = app;
    await cell(8, items[1]!).click();
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Search students');
    await page.keyboard.press('F6');
    await expect.poll(() => cell(8, items[1]!).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('F6');
    await expect.poll(focused).toBe('Search students');
  });
});
