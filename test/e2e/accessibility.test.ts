import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoClass } from '../../main/backend/services/demo';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

describe('accessibility (axe-core) on the demo class', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('catches a serious violation when one is on the page', async () => {
    await app.page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'axe-self-test';
      document.body.append(b);
    });
    const found = await seriousViolations(app.page);
    await app.page.evaluate(() => document.getElementById('axe-self-test')?.remove());
    expect(found.map((v) => v.id)).toContain('button-name');
  });

  it.each(['Gradebook', 'Roster', 'Attendance', 'Presentations', 'Final grades', 'Settings', 'History'])(
    'reports no serious violation on %s',
    async (screen) => {
      await app.openScreen(screen);
      await expect.poll(() => app.page.locator('main h2, main [role=grid], main table').count()).toBeGreaterThan(0);
      expect(await seriousViolations(app.page)).toEqual([]);
    },
  );
});
