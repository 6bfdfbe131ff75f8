import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadDemoClass } from '../../main/backend/services/demo';
import { startApp, type Harness } from './harness';

/** Whether a control can be used where it is: on screen and not covered (after scrolling its own area to it). */
async function reachable(control: Locator): Promise<boolean> {
  await control.scrollIntoViewIfNeeded();
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** The page itself never scrolls: only a screen's own area does. */
const pageScroll = (page: Page) =>
  page.evaluate(() => {
    const s = document.scrollingElement!;
    return { height: s.scrollHeight - innerHeight, width: s.scrollWidth - innerWidth };
  });

/** The navigation's screens, in its order (renderer/src/stores/app.ts SCREENS). */
const SCREENS = ['Gradebook', 'Roster', 'Attendance', 'Presentations', 'Final grades', 'Settings', 'History'];

describe('layout at 1280×720: the shell stays, each screen scrolls in its own area', () => {
  let app: Harness;
  let page: Page;

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('grid', { name: 'Scores' }).waitFor();
  });
  afterAll(async () => app?.close());

  it.each(SCREENS)('%s: no page-level scroll, and the top bar and navigation stay in view', async (screen) => {
    await app.openScreen(screen);
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await pageScroll(page)).toEqual({ height: 0, width: 0 });
    // It opens at its top, whatever the previous screen's area was scrolled to.
    expect(await page.locator('main.content').evaluate((el) => el.scrollTop)).toBe(0);
    // What README.md shows (test/screenshots/), at the size it promises.
    await app.screenshot(`screen-${screen.toLowerCase().replace(' ', '-')}`);
    // Scroll the screen's area as far as it goes: the shell does not move.
    await page.locator('main.content').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.mouse.wheel(0, 5000);
    expect(await pageScroll(page)).toEqual({ height: 0, width: 0 });
    const top = await page.getByRole('banner').boundingBox();
    expect(top?.y).toBe(0);
    expect(await reachable(page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }))).toBe(true);
    await app.screenshot(`layout-${screen.toLowerCase().replace(' ', '-')}`);
  });

  it('the Gradebook grid scrolls itself: its screen area does not scroll as well', async () => {
    await app.openScreen('Gradebook');
    const area = page.locator('main.content');
    await page.getByRole('grid', { name: 'Scores' }).waitFor();
    expect(await area.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(0);
  });

  it('Final grades at 1280 px: the table fits across, each name on one line', async () => {
    await app.openScreen('Final grades');
    const table = page.getByRole('table', { name: 'Final grades' });
    await table.waitFor();
    const wrap = await table.evaluate((t) => {
      const box = t.closest('.table-wrap')!;
      return { overflow: box.scrollWidth - box.clientWidth };
    });
    expect(wrap.overflow).toBeLessThanOrEqual(0);
    const heights = await table.locator('tbody td.student').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(10);
    expect(Math.max(...heights)).toBeLessThan(1.5 * Math.min(...heights) + 1);
  });

  it('Final grades: every row’s Actions can be reached', async () => {
    await app.openScreen('Final grades');
    const table = page.getByRole('table', { name: 'Final grades' });
    await table.waitFor();
    expect(await reachable(table.getByRole('button', { name: /^Override / }).first())).toBe(true);
    expect(await reachable(table.getByRole('button', { name: /^Override / }).last())).toBe(true);
  });

  it.each([1280, 1440])(
    'Roster at %i px: the table fits, Status and every row’s buttons in view without scrolling sideways',
    async (width) => {
      await page.setViewportSize({ width, height: 720 });
      await app.openScreen('Roster');
      const table = page.getByRole('table', { name: 'Students' });
      await table.waitFor();
      const box = table.locator('xpath=..');
      expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      const right = await box.evaluate((el) => el.getBoundingClientRect().right);
      for (const button of [
        page.getByRole('button', { name: /^Withdraw / }).first(),
        page.getByRole('button', { name: /^Withdraw / }).last(),
      ]) {
        expect(await reachable(button)).toBe(true);
        expect((await button.boundingBox())!.x + (await button.boundingBox())!.width).toBeLessThanOrEqual(right);
      }
      expect(await reachable(page.getByRole('columnheader', { name: 'Status' }).first())).toBe(true);
      await page.setViewportSize({ width: 1280, height: 720 });
    },
  );

  it('the record dialog scrolls inside: its Save can be reached', async () => {
    await app.openScreen('Presentations');
    await page.getByRole('tab', { name: 'Records' }).click();
    // A recorded presentation of the demo class, with its readings, members and rubric: the longest form.
    await page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit the presentation' });
    await dialog.getByText('Who presented').waitFor();
    expect(await dialog.evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(720);
    expect(await reachable(dialog.getByRole('button', { name: 'Save' }))).toBe(true);
    await page.keyboard.press('Escape');
  });
});
