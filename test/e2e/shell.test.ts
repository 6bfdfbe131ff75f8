import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type Harness } from './harness';

describe('app shell in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());

  it('opens the default IE 7374 course with its name and four weights', async () => {
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('IE 7374 Machine Learning Operations');
    const weights = page.getByRole('table', { name: 'Grade weights' });
    const rows = await weights.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual(['Homeworks25%', 'Reading assignments10%', 'Final project60%', 'Attendance5%']);
    await app.screenshot('shell-default-course');
  });

  it('has a navigation frame with every screen', async () => {
    const nav = app.page.getByRole('navigation', { name: 'Screens' });
    const names = await nav.getByRole('button').allTextContents();
    expect(names).toEqual(['Gradebook', 'Roster', 'Attendance', 'Presentations', 'Final grades', 'Settings', 'History']);
  });

  it('refuses RPC calls without the per-run token', async () => {
    const res = await fetch(`http://127.0.0.1:${app.server.port}/rpc/app.state`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});
