import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

/** The cell menu: a native modal dialog whose fields are checked before anything is sent. */
describe('the cell menu in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.page.getByRole('grid', { name: 'Scores' }).locator('[role=row][aria-rowindex="5"]').waitFor();
  });
  afterAll(async () => app?.close());

  const scores = () => JSON.stringify(readSnapshot(app.workspace.course!.db).scores);

  it('says which field is wrong for a 6-digit year in "Submitted at", and saves nothing', async () => {
    const { page } = app;
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const before = scores();
    await page.getByRole('grid', { name: 'Scores' }).locator('[role=row][aria-rowindex="3"] > [aria-colindex="3"]').click();
    await page.keyboard.press('Shift+F10');
    const dialog = page.getByRole('dialog', { name: /^Cell details: / });
    await dialog.waitFor();
    // On the common Dialog: the native <dialog>, opened modal, focus on its first field.
    expect(await dialog.evaluate((el) => el.tagName === 'DIALOG' && (el as HTMLDialogElement).open && el.matches(':modal'))).toBe(true);
    const submitted = dialog.getByLabel(/^Submitted at/);
    expect(await submitted.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typed as the instructor would (US order): month, day, a year with six digits, then the time.
    await page.keyboard.type('09152026121000a');
    expect(await submitted.inputValue()).toMatch(/^202612-09-15T/);
    await dialog.getByRole('button', { name: 'Save' }).click();

    const message = `Submitted at: '${await submitted.inputValue()}' is not a real date and time. Type a date with a 4-digit year and a time, or clear the field.`;
    await expect.poll(() => dialog.locator('.field-error').textContent()).toBe(message);
    expect(await submitted.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByRole('alert').textContent()).toBe('Not saved: 1 field to fix, marked above.');
    await app.screenshot('cell-menu-bad-date');
    expect(await dialog.count()).toBe(1);
    expect(scores()).toBe(before);
    expect(errors.filter((e) => /Invalid time value/.test(e))).toEqual([]);

    // Fixed, it saves and the dialog closes.
    await submitted.fill('2026-09-16T10:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(scores()).not.toBe(before);
    expect(readSnapshot(app.workspace.course!.db).scores.some((s) => s.submittedAt === '2026-09-16T14:00:00.000Z')).toBe(true);
  });

  it('closes on Esc and no second dialog opens on top of it by keyboard', async () => {
    const { page } = app;
    await page.getByRole('grid', { name: 'Scores' }).locator('[role=row][aria-rowindex="4"] > [aria-colindex="3"]').click();
    await page.keyboard.press('Shift+F10');
    const dialog = page.getByRole('dialog', { name: /^Cell details: / });
    await dialog.waitFor();
    await page.keyboard.press('Shift+F10');
    expect(await page.getByRole('dialog').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});
