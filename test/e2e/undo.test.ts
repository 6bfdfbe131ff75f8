import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

/** One undo path on every screen: the top bar's buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. */
describe('undo and redo on every screen', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  const saved = () => readSnapshot(app.workspace.course!.db);
  const topUndo = () => app.page.getByRole('banner').getByRole('button', { name: /^(Undo |Nothing to undo)/ });
  const topRedo = () => app.page.getByRole('banner').getByRole('button', { name: /^(Redo |Nothing to redo)/ });

  it('Ctrl+Z on Final grades takes back an override, and Ctrl+Y puts it back', async () => {
    const { page } = app;
    await app.openScreen('Final grades');
    const table = page.getByRole('table', { name: 'Final grades' });
    const name = (await table.locator('tbody tr').first().locator('td').first().textContent())!;
    await page.getByRole('button', { name: `Override ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Letter').selectOption('C-');
    await dialog.getByLabel('Reason').fill('Committee decision');
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = table.locator('tbody tr').filter({ hasText: name });
    await expect.poll(() => row.textContent()).toContain('Overridden');
    expect(saved().overrides).toHaveLength(1);
    await expect.poll(() => topUndo().textContent()).toMatch(/^Undo .*Override/i);

    await page.keyboard.press('Control+z');
    await expect.poll(() => saved().overrides.length).toBe(0);
    await expect.poll(() => row.textContent()).not.toContain('Overridden');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Undid: /);
    await page.keyboard.press('Control+y');
    await expect.poll(() => saved().overrides.length).toBe(1);
    await expect.poll(() => row.textContent()).toContain('Overridden');
    await page.keyboard.press('Control+z');
    await expect.poll(() => saved().overrides.length).toBe(0);
  });

  it('the top-bar Undo takes back a roster edit, and names it', async () => {
    const { page } = app;
    await app.openScreen('Roster');
    const student = saved().students[0]!;
    await page.getByRole('button', { name: `Edit ${student.firstName} ${student.lastName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${student.lastName}, ${student.firstName}` });
    await dialog.getByLabel('Email').fill('changed@university.example');
    await dialog.getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => saved().students[0]!.email).toBe('changed@university.example');
    const rosterRow = page.getByRole('table', { name: 'Students' }).getByRole('row').filter({ hasText: student.registrarId });
    await expect.poll(() => rosterRow.textContent()).toContain('changed@university.example');

    await expect.poll(() => topUndo().textContent()).toContain(student.lastName);
    await app.screenshot('undo-top-bar');
    await topUndo().click();
    await expect.poll(() => saved().students[0]!.email).toBe(student.email);
    await expect.poll(() => rosterRow.textContent()).not.toContain('changed@university.example');
    expect(await topRedo().textContent()).toContain(student.lastName);
    await topRedo().click();
    await expect.poll(() => rosterRow.textContent()).toContain('changed@university.example');
  });

  it('Ctrl+Z on Settings takes back a saved change and refills the form; in a text field it is the field’s own', async () => {
    const { page } = app;
    await app.openScreen('Settings');
    const weight = page.getByLabel('Weight of Homeworks');
    await weight.fill('20');
    await page.getByLabel('Weight of Reading assignments').fill('15');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => saved().categories.map((c) => c.weight)).toEqual([20, 15, 60, 5]);

    // Typing in a field: Ctrl+Z is the browser's text undo, the course is left alone.
    await page.getByLabel('Course name').fill('Renamed');
    await page.getByLabel('Course name').press('Control+z');
    expect(saved().categories.map((c) => c.weight)).toEqual([20, 15, 60, 5]);

    await page.getByRole('heading', { name: 'Settings', level: 2 }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => saved().categories.map((c) => c.weight)).toEqual([25, 10, 60, 5]);
    await expect.poll(() => page.getByLabel('Weight of Homeworks').inputValue()).toBe('25');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => saved().categories.map((c) => c.weight)).toEqual([20, 15, 60, 5]);
  });
});
