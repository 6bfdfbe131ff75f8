import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

/** The shell as a new instructor meets it: the course picker and the messages. */
describe('shell messages and course picker in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1 }).filter({ hasText: 'IE 7374' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('the picker marks the open course, refuses a blank course without a name, and closes on Esc', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open or create course…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open or create a course' });
    await dialog.waitFor();
    const files = dialog.getByRole('region', { name: /Course files/ }).or(dialog.locator('section').nth(1));
    await expect.poll(() => dialog.getByText('(open now)').count()).toBeGreaterThan(0);
    expect(await files.getByRole('listitem').filter({ hasText: 'open now' }).textContent()).toContain('IE 7374');

    await dialog.getByRole('button', { name: 'Create a blank course' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Enter a course name first.');
    expect(await dialog.getByLabel('Course name').getAttribute('aria-invalid')).toBe('true');
    await app.screenshot('shell-picker-no-name');
    await dialog.getByLabel('Course name').fill('Stats 101');
    expect(await dialog.getByRole('alert').count()).toBe(0);

    // Esc closes the picker with the focus anywhere, like the shortcuts dialog.
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 }, force: true })
      .catch(() => undefined);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('an error stays until dismissed or another screen; a notice goes away by itself, and at once on another screen', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Screens' });
    // A course file that is not there: the error stays past the notice time.
    await page.getByRole('button', { name: 'Open or create course…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open or create a course' });
    await dialog.getByLabel('Course file path').fill('/nowhere/missing.gradebook');
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Opening the course failed' });
    await alert.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.waitForTimeout(6500);
    expect(await alert.count()).toBe(1);
    await nav.getByRole('button', { name: 'Roster' }).click();
    await expect.poll(() => alert.count()).toBe(0);

    // A notice (settings saved) goes away after about 6 s.
    await nav.getByRole('button', { name: 'Settings' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'Settings saved' });
    const save = async (percent: string) => {
      await page.getByLabel('Step 1: deduction percent').fill(percent);
      await page.getByRole('button', { name: 'Save settings' }).click();
      await saved.waitFor();
    };
    await save('15');
    await app.screenshot('shell-notice');
    await expect.poll(() => saved.count(), { timeout: 9000, interval: 500 }).toBe(0);
    // And at once when the instructor goes to another screen.
    await save('20');
    await nav.getByRole('button', { name: 'Gradebook' }).click();
    await expect.poll(() => saved.count(), { timeout: 1000 }).toBe(0);
  });
});
