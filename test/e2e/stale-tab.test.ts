import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/backend/rpc/dispatch';
import { startWebServer, type WebServer } from '../../main/web/server';
import { startApp, type Harness } from './harness';

/** A browser tab outliving its `npm run web`: it says so, and takes a pasted new token at once. */
describe('a stale tab in Chromium', () => {
  let app: Harness;
  let restarted: WebServer | null = null;
  beforeAll(async () => {
    app = await startApp();
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => {
    await restarted?.close();
    await app?.close();
  });

  const banner = () => app.page.getByRole('alert').filter({ has: app.page.getByRole('button', { name: 'Reload' }) });
  /** The tab is looked at again (as when the instructor comes back to it). */
  const lookAgain = () => app.page.evaluate(() => window.dispatchEvent(new Event('focus')));

  it('says the server has gone away, then that it refuses the old token, with a Reload action', async () => {
    const { page } = app;
    expect(await banner().count()).toBe(0);
    await app.server.close();
    await lookAgain();
    await expect.poll(() => banner().textContent()).toContain('The server is not answering');

    // npm run web again: the same port, a new token.
    restarted = await startWebServer({
      staticDir: path.resolve('out/renderer'),
      dispatch: (m, i) => dispatch({ workspace: app.workspace }, m, i),
      port: app.server.port,
    });
    await lookAgain();
    await expect.poll(() => banner().textContent()).toContain('The server was restarted and refuses this tab');
    expect(await banner().count()).toBe(1);
    await app.screenshot('stale-tab');

    // The new address pasted into the same tab: picked up without a reload.
    const marker = await page.evaluate(() => ((window as unknown as { stale: number }).stale = 1));
    await page.evaluate((token) => (window.location.hash = `token=${token}`), restarted.token);
    await expect.poll(() => banner().count()).toBe(0);
    await app.openScreen('Roster');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { stale?: number }).stale)).toBe(marker);
    expect(await page.evaluate(() => window.location.hash)).toBe('');
  });
});
