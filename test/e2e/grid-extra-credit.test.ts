import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

/** Grid rows: a group header row and the column header row come before the first student. */
const HEADER_ROWS = 2;
/** Homework 2, the second score column. */
const HW2 = 4;

describe('a score above points possible is kept as extra credit, said at once with Undo, or asked first', () => {
  let app: Harness;
  let grid: Locator;
  const cell = (row: number) => grid.locator(`[role=row][aria-rowindex="${row + HEADER_ROWS + 1}"] > [aria-colindex="${HW2}"]`);
  const shown = async (row: number) => ((await cell(row).textContent()) ?? '').replace(/[^\d.A-Z]/g, '');
  /** Homework 2 of the student on a grid row, as saved in the course file. */
  const saved = async (row: number) => {
    const name = (await grid.locator(`[role=row][aria-rowindex="${row + HEADER_ROWS + 1}"] > [aria-colindex="1"]`).textContent())!;
    const s = readSnapshot(app.workspace.course!.db);
    const st = s.students.find((x) => name.startsWith(`${x.lastName}, ${x.firstName}`))!;
    const it = s.items.find((x) => x.name === 'Homework 2')!;
    return s.scores.find((x) => x.studentId === st.id && x.itemId === it.id)?.value ?? null;
  };
  const type = async (row: number, text: string) => {
    await cell(row).click();
    await app.page.keyboard.type(text);
    await app.page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    grid = app.page.getByRole('grid', { name: 'Scores' });
    await cell(3).waitFor();
  });
  afterAll(async () => app?.close());

  it('keeps 15 on a /10 item, says so at once, and its Undo button puts the old score back', async () => {
    const before = await saved(2);
    await type(2, '15');
    const notice = app.page.getByRole('status').filter({ hasText: 'Kept as extra credit' });
    await expect.poll(() => notice.textContent()).toContain('Kept as extra credit: 15 on Homework 2 (out of 10).');
    expect(await saved(2)).toBe(15);
    await app.screenshot('grid-extra-credit-notice');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => saved(2)).toBe(before);
    await expect.poll(() => shown(2)).toBe(before === null ? '' : String(before));
  });

  it('a score within points possible says nothing', async () => {
    await type(4, '9');
    await expect.poll(() => saved(4)).toBe(9);
    expect(await app.page.getByText('Kept as extra credit').count()).toBe(0);
  });

  it('with the course setting on, asks first: Cancel saves nothing, Save keeps it as extra credit', async () => {
    const { page } = app;
    await app.openScreen('Settings');
    await page.getByLabel(/Ask before saving a score above points possible/).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => readSnapshot(app.workspace.course!.db).policy.confirmExtraCredit).toBe(true);
    await app.openScreen('Gradebook');
    await cell(3).waitFor();

    const before = await saved(3);
    await type(3, '12');
    const dialog = page.getByRole('dialog', { name: 'Keep as extra credit?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('12 on Homework 2 (out of 10) is above points possible.');
    await app.screenshot('grid-extra-credit-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await saved(3)).toBe(before);
    await expect.poll(() => shown(3)).toBe(before === null ? '' : String(before));

    await type(3, '12');
    await dialog.getByRole('button', { name: 'Save as extra credit' }).click();
    await expect.poll(() => saved(3)).toBe(12);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Kept as extra credit' }).count()).toBe(1);
  });
});
