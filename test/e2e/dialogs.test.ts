import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

describe('dialogs (native <dialog>, modal)', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  const insideDialog = () => app.page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));

  it('keeps Tab and Shift+Tab inside the dialog, closes on Esc and gives focus back to the opener', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await insideDialog()).toBe(true);
    }
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await insideDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keyboard shortcuts');
  });

  it('makes the page behind inert while a dialog is open', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Restore from backup…' }).click();
    await page.getByRole('dialog').first().waitFor();
    const clicked = await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: 'Roster' })
      .click({ timeout: 1500 })
      .then(
        () => true,
        () => false,
      );
    expect(clicked).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });
});
