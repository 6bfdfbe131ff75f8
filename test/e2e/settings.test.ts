import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

describe('Settings screen in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.openScreen('Settings');
    await app.page.getByRole('form', { name: 'Course policy' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('shows the preset policy as a form', async () => {
    const { page } = app;
    expect(await page.getByLabel('Course name').inputValue()).toBe('IE 7374 Machine Learning Operations');
    expect(await page.getByLabel('Weight of Final project').inputValue()).toBe('60');
    expect(await page.getByLabel('Lower bound of A', { exact: true }).inputValue()).toBe('94');
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    expect(await page.getByText('The weights total 100%.').count()).toBe(1);
    await app.screenshot('settings');
  });

  it('refuses weights that do not total 100 with the message, and saves nothing', async () => {
    const { page } = app;
    const before = readSnapshot(app.workspace.course!.db);
    await page.getByLabel('Weight of Homeworks').fill('20');
    await expect.poll(() => page.getByText('The weights total 95%, 5% short of 100%').count()).toBe(1);
    await page.getByRole('button', { name: 'Save settings' }).click();
    const alert = page.getByRole('form', { name: 'Course policy' }).getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Category weights total 95%; they must total 100%.');
    expect(await alert.textContent()).toContain('The settings were not saved.');
    await app.screenshot('settings-refused');
    // The refusal is on screen next to the Save bar, with the focus on it, not below the fold.
    const box = (await alert.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing of the form shows below the Save bar.
    const bar = (await page.getByRole('button', { name: 'Save settings' }).boundingBox())!;
    const below = await page.evaluate((y) => {
      const main = document.querySelector('main')!.getBoundingClientRect();
      return main.bottom - y;
    }, bar.y + bar.height);
    expect(below).toBeLessThanOrEqual(24);
    const after = readSnapshot(app.workspace.course!.db);
    expect(after.categories).toEqual(before.categories);
    expect(after.policy).toEqual(before.policy);
  });

  it('saves a valid change as one step: weights, a band and the late rule', async () => {
    const { page } = app;
    await page.getByLabel('Weight of Reading assignments').fill('15');
    await page.getByLabel('Lower bound of A', { exact: true }).fill('93');
    await page.getByLabel('Step 1: deduction percent').fill('15');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Settings saved');
    const s = readSnapshot(app.workspace.course!.db);
    expect(s.categories.map((c) => c.weight)).toEqual([20, 15, 60, 5]);
    expect(s.policy.bands[0]).toEqual({ letter: 'A', min: 93 });
    expect(s.policy.late.steps[0]!.deduction).toBe(15);
    expect(await page.getByLabel('Weight of Homeworks').inputValue()).toBe('20');
  });

  it('adds an item and a weekly series on the Items tab, and deletes one with undo', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Items' }).click();
    await page.getByRole('button', { name: 'Add a weekly series to Homeworks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a weekly series' });
    await dialog.getByLabel('Name prefix (e.g. Homework)').fill('Quiz');
    await dialog.getByLabel('Numbered from').fill('1');
    await dialog.getByLabel('to', { exact: true }).fill('3');
    await dialog.getByLabel('First due date').fill('2026-09-10');
    await dialog.getByRole('button', { name: 'Add series' }).click();
    const table = page.getByRole('table', { name: 'Items in Homeworks' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Quiz 3' }).count()).toBe(1);
    expect(await table.getByRole('row').filter({ hasText: 'Quiz 2' }).textContent()).toContain('Thu 17 Sep, ');
    await page.getByRole('button', { name: 'Delete Quiz 2' }).click();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Quiz 2' }).count()).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Quiz 2' }).count()).toBe(1);
    await app.screenshot('settings-items');
  });
});
