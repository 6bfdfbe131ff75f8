import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

describe('History screen in Chromium', () => {
  let app: Harness;
  const sectionOf = (id: string) => readSnapshot(app.workspace.course!.db).students.find((s) => s.registrarId === id)?.section;
  let student: { registrarId: string; first: string; last: string };

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    const s = readSnapshot(app.workspace.course!.db).students[0]!;
    student = { registrarId: s.registrarId, first: s.firstName, last: s.lastName };
  });
  afterAll(async () => app?.close());

  it('reads in plain words: no JSON, column names, stored timestamps or ids', async () => {
    const { page } = app;
    await app.openScreen('History');
    const table = page.getByRole('table', { name: 'Change history' });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(10);
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const text = await table.locator('tbody').innerText();
      expect(text).not.toMatch(/[a-z]+_[a-z]+|[{[]|\d{4}-\d{2}-\d{2}|#\d/);
      await page.getByRole('button', { name: 'Older' }).click();
    }
  });

  it('shows an edit made on the Roster, and Undo reverts it', async () => {
    const { page } = app;
    const original = sectionOf(student.registrarId);
    await app.openScreen('Roster');
    await page.getByRole('button', { name: `Edit ${student.first} ${student.last}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Section').fill('07');
    await dialog.getByRole('button', { name: 'Save student' }).click();
    await expect.poll(() => sectionOf(student.registrarId)).toBe('07');

    await app.openScreen('History');
    const table = page.getByRole('table', { name: 'Change history' });
    const first = table.locator('tbody tr').first();
    await expect.poll(() => first.textContent()).toContain(`Section: ${original} → 07`);
    const undo = page.getByRole('button', { name: /^Undo / });
    expect(await undo.textContent()).toMatch(/^Undo .+/);
    await app.screenshot('history');
    await undo.click();
    await expect.poll(() => sectionOf(student.registrarId)).toBe(original);
    await expect.poll(() => first.textContent()).toContain(`Section: 07 → ${original}`);
    expect(await first.textContent()).toContain('Undo');
  });

  it('redoes with Ctrl+Shift+Z and undoes with Ctrl+Z on this screen', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'History' }).click();
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => sectionOf(student.registrarId)).toBe('07');
    await page.keyboard.press('Control+z');
    await expect.poll(() => sectionOf(student.registrarId)).not.toBe('07');
    await page.keyboard.press('Control+y');
    await expect.poll(() => sectionOf(student.registrarId)).toBe('07');
  });

  it('shows times in the course time zone, and reverts one chosen change', async () => {
    const { page } = app;
    const first = page.getByRole('table', { name: 'Change history' }).locator('tbody tr').first();
    // "Tue 16 Sep, 2:58 pm EDT" (or EST), not the browser's "9/16/2026, 2:58:00 PM".
    expect(await first.locator('td').first().textContent()).toMatch(/^\w{3} \d{1,2} \w{3}, \d{1,2}:\d\d [ap]m E[DS]T$/);
    // An earlier edit, then a later one on another record: revert the earlier one alone.
    await app.openScreen('Roster');
    const other = readSnapshot(app.workspace.course!.db).students[1]!;
    await page.getByRole('button', { name: `Edit ${other.firstName} ${other.lastName}` }).click();
    await page.getByRole('dialog').getByLabel('Section').fill('09');
    await page.getByRole('dialog').getByRole('button', { name: 'Save student' }).click();
    await expect.poll(() => sectionOf(other.registrarId)).toBe('09');
    await app.openScreen('History');
    const revert = page.getByRole('button', { name: `Revert Edit student ${student.last}, ${student.first}`, exact: true });
    expect(sectionOf(student.registrarId)).toBe('07');
    await revert.click();
    await expect.poll(() => sectionOf(student.registrarId)).not.toBe('07');
    expect(sectionOf(other.registrarId)).toBe('09');
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Reverted: Edit student ${student.last}, ${student.first}`);
    expect(await page.getByRole('button', { name: /^Undo / }).textContent()).toBe(
      `Undo Revert: Edit student ${student.last}, ${student.first}`,
    );
    await app.screenshot('history-revert');
    // Reverting it again is refused in words: the revert changed that student since.
    await revert.click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(new RegExp(`${student.last}, ${student.first} was changed again on \\w{3} \\d+ \\w{3}, .*; revert that later change first`));
    await app.screenshot('history-revert-refused');
    expect(sectionOf(other.registrarId)).toBe('09');
    // The revert is one undo step.
    await page.getByRole('button', { name: /^Undo Revert/ }).click();
    await expect.poll(() => sectionOf(student.registrarId)).toBe('07');
  });

  it('filters by student', async () => {
    const { page } = app;
    const id = readSnapshot(app.workspace.course!.db).students.find((s) => s.registrarId === student.registrarId)!.id;
    await page.getByRole('form', { name: 'Filter the history' }).getByLabel('Student').selectOption(String(id));
    const rows = page.getByRole('table', { name: 'Change history' }).locator('tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes(student.last))).toBe(true);
  });
});
