import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

/** An error nothing handled is shown (and logged), never dropped. */
describe('uncaught errors in the renderer', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('an unhandled rejection shows a dismissible error notice with its message, and is logged', async () => {
    const { page } = app;
    const logged: string[] = [];
    page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
    await page.evaluate(() => {
      void Promise.reject(new Error('The export list went missing'));
    });
    const notice = page.getByRole('alert').filter({ hasText: 'The export list went missing' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('Something did not work: The export list went missing.');
    await expect.poll(() => logged.some((l) => l.includes('The export list went missing'))).toBe(true);
    await app.screenshot('fault-notice');
    // It stays through other actions until dismissed.
    await app.openScreen('Roster');
    expect(await notice.count()).toBe(1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('an uncaught error in an event handler shows the notice too', async () => {
    const { page } = app;
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('A handler broke');
      });
    });
    const notice = page.getByRole('alert').filter({ hasText: 'A handler broke' });
    await expect.poll(() => notice.count()).toBe(1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);
  });
});
