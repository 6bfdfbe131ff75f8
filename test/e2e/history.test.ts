import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

describe('History screen in Chromium', () => {
  let app: Harness;
  const nav = (name: string) => app.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();
  const sectionOf = (id: string) => readSnapshot(app.workspace.course!.db).students.find((s) => s.registrarId === id)?.section;
  let student: { registrarId: string; first: string; last: string };

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    const s = readSnapshot(app.workspace.course!.db).students[0]!;
    student = { registrarId: s.registrarId, first: s.firstName, last: s.lastName };
  });
  afterAll(async () => app?.close());

  it('shows an edit made on the Roster, and Undo reverts it', async () => {
    const { page } = app;
    const original = sectionOf(student.registrarId);
    await nav('Roster');
    await page.getByRole('button', { name: `Edit ${student.first} ${student.last}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Section').fill('07');
    await dialog.getByRole('button', { name: 'Save student' }).click();
    await expect.poll(() => sectionOf(student.registrarId)).toBe('07');

    await nav('History');
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

  it('filters by student', async () => {
    const { page } = app;
    const id = readSnapshot(app.workspace.course!.db).students.find((s) => s.registrarId === student.registrarId)!.id;
    await page.getByLabel('Student').selectOption(String(id));
    const rows = page.getByRole('table', { name: 'Change history' }).locator('tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => t.includes(student.last))).toBe(true);
  });
});
