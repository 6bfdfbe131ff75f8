import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

/** While a modal dialog is open it owns the keyboard: the app's shortcuts open nothing on top of it. */
describe('keyboard shortcuts and open dialogs in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  const dialogs = () => app.page.getByRole('dialog');

  it('Ctrl+/ and Ctrl+O open their dialog, and nothing opens on top of an open one', async () => {
    const { page } = app;
    await page.keyboard.press('Control+/');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.waitFor();
    await page.keyboard.press('Control+o');
    await page.keyboard.press('Control+/');
    await page.keyboard.press('Control+z');
    expect(await dialogs().count()).toBe(1);
    expect(await shortcuts.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogs().count()).toBe(0);

    await page.keyboard.press('Control+o');
    await page.getByRole('dialog', { name: 'Open or create a course' }).waitFor();
    await page.keyboard.press('Control+/');
    await page.keyboard.press('Control+o');
    expect(await dialogs().count()).toBe(1);
    expect(await shortcuts.count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogs().count()).toBe(0);
  });
});
