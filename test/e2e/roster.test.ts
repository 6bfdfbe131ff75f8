import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { readSnapshot } from '../../main/backend/services/course';
import { startApp, type Harness } from './harness';

describe('Roster screen in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.openScreen('Roster');
    await app.page.getByRole('table', { name: 'Students' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('adds a student through the form and lists them', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add student', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a student' });
    await dialog.getByLabel('Registrar ID').fill('900123456');
    await dialog.getByLabel('Last name').fill('Zuniga');
    await dialog.getByLabel('First name').fill('Ana');
    await dialog.getByLabel('Email').fill('ana.zuniga@university.example');
    await dialog.getByLabel('Extension days').fill('3');
    await dialog.getByRole('button', { name: 'Add student' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const row = page.getByRole('table', { name: 'Students' }).getByRole('row').filter({ hasText: '900123456' });
    await expect.poll(() => row.textContent()).toContain('Zuniga');
    expect(await row.textContent()).toContain('ana.zuniga@university.example');
    expect(await page.getByRole('status').textContent()).toContain('Added Ana Zuniga to the roster.');
    const saved = readSnapshot(app.workspace.course!.db).students.find((s) => s.registrarId === '900123456');
    expect(saved).toMatchObject({ lastName: 'Zuniga', firstName: 'Ana', extensionDays: 3 });
    await app.screenshot('roster');
  });

  it('shows the clear message for a duplicate registrar ID and keeps the dialog open', async () => {
    const { page } = app;
    const before = readSnapshot(app.workspace.course!.db).students.length;
    await page.getByRole('button', { name: 'Add student', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a student' });
    await dialog.getByLabel('Registrar ID').fill('900123456');
    await dialog.getByLabel('Last name').fill('Other');
    await dialog.getByRole('button', { name: 'Add student' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Registrar ID 900123456 is already used by');
    expect(await alert.textContent()).toContain('Zuniga');
    expect(readSnapshot(app.workspace.course!.db).students.length).toBe(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('says what is missing when the form is empty', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add student', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a student' });
    await dialog.getByRole('button', { name: 'Add student' }).click();
    await expect.poll(() => dialog.textContent()).toContain('A registrar ID is required');
    expect(await dialog.getByLabel('Registrar ID').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('withdraws a student (dimmed, hidden by the toggle) and reinstates them', async () => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Students' });
    await page.getByRole('button', { name: 'Withdraw Ana Zuniga' }).click();
    const row = table.getByRole('row').filter({ hasText: '900123456' });
    await expect.poll(() => row.getAttribute('class')).toBe('dim');
    await page.getByLabel(/Show withdrawn students/).uncheck();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByLabel(/Show withdrawn students/).check();
    await page.getByRole('button', { name: 'Reinstate Ana Zuniga' }).click();
    await expect.poll(() => row.textContent()).toContain('Enrolled');
  });

  it('assigns a team with the per-student picker', async () => {
    const { page } = app;
    await page.getByLabel('Team of Ana Zuniga').selectOption({ label: 'Demo team 2' });
    const s = readSnapshot(app.workspace.course!.db);
    const id = s.students.find((x) => x.registrarId === '900123456')!.id;
    await expect
      .poll(() => {
        const snap = readSnapshot(app.workspace.course!.db);
        const team = snap.memberships.find((m) => m.studentId === id && m.to === null);
        return snap.teams.find((t) => t.id === team?.teamId)?.name;
      })
      .toBe('Demo team 2');
  });

  it('creates and renames a team', async () => {
    const { page } = app;
    await page.getByLabel('New team name').fill('Gradient Descenders');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('button', { name: 'Rename Gradient Descenders' }).click();
    await page.getByLabel('New name for Gradient Descenders').fill('Overfitters');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => readSnapshot(app.workspace.course!.db).teams.map((t) => t.name)).toContain('Overfitters');
    // The roster's team menus refresh after the answer: on a loaded machine, a moment after the file has the name.
    await expect.poll(() => page.getByLabel('Team of Ana Zuniga').locator('option').allTextContents()).toContain('Overfitters');
  });
});

describe('Roster of an empty course', () => {
  it('says what to do next and offers Add student', async () => {
    const app = await startApp();
    try {
      await app.openScreen('Roster');
      await expect.poll(() => app.page.getByText('No students yet. Import a class list (Excel or CSV) or add a student.').count()).toBe(1);
      await app.page.getByRole('button', { name: 'Add student' }).click();
      expect(await app.page.getByRole('dialog', { name: 'Add a student' }).count()).toBe(1);
    } finally {
      await app.close();
    }
  });
});
