import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { createItem } from '../../main/backend/services/items';
import { addStudent } from '../../main/backend/services/roster';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

const LONG = 'Homework 13 (bonus lab): a reproducible training pipeline with data versioning and CI';
const LONG_ID = 'WMW0012345678';

describe('grid headers, IDs and the missing cell', () => {
  let app: Harness;
  let grid: Locator;
  const head = (name: string) => grid.getByRole('columnheader', { name });

  beforeAll(async () => {
    app = await startApp((ws) => {
      const db = ws.course!.db;
      loadDemoClass(ws.course!);
      const homeworks = readSnapshot(db).categories.find((c) => c.name === 'Homeworks')!;
      createItem(db, { categoryId: homeworks.id, name: LONG, pointsPossible: 10 });
      // Sorted first by name, so it is on screen.
      addStudent(db, { registrarId: LONG_ID, firstName: 'Zed', lastName: 'Aaronson' });
    });
    grid = app.page.getByRole('grid', { name: 'Scores' });
    await grid.locator('[role=row][aria-rowindex="8"]').waitFor();
  });
  afterAll(async () => app?.close());

  it('shows a long item name on two lines with an ellipsis, the whole name in its tooltip and accessible name', async () => {
    // The new item is the last Homework: scroll until its header is rendered.
    await expect
      .poll(async () => {
        await grid.evaluate((el) => (el.scrollLeft += 300));
        return head('Homework 13').count();
      })
      .toBe(1);
    // Found by its whole name: the accessible name is not cut.
    const header = head(LONG);
    expect(await header.locator('.gb-colhead').getAttribute('title')).toMatch(new RegExp(`^${LONG.replace(/[()]/g, '\\$&')}: out of 10`));
    const name = header.locator('.gb-colhead-name');
    const box = await name.evaluate((el) => ({
      lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
      cut: el.scrollHeight > el.clientHeight,
    }));
    expect(box).toEqual({ lines: 2, cut: true });
    await app.screenshot('grid-long-header');
  });

  it('shows a medium-length item name whole, on two lines', async () => {
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const name = head('Final delivery and presentation').locator('.gb-colhead-name');
    await name.waitFor();
    await app.screenshot('grid-headers-right');
    expect(await name.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
  });

  it('never cuts a student ID', async () => {
    const ids = grid.locator('[role=gridcell].gb-id');
    await expect.poll(() => ids.filter({ hasText: LONG_ID }).count()).toBe(1);
    const cut = await ids.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(cut).toEqual([]);
  });

  it('draws a missing cell with a hatched fill and its letters, never the active cell’s outline', async () => {
    await grid.evaluate((el) => (el.scrollLeft = 0));
    const missing = grid.locator('.gb-cell.is-missing').first();
    await missing.waitFor();
    const look = await missing.evaluate((el) => {
      const s = getComputedStyle(el);
      const cell = getComputedStyle(el.closest('[role=gridcell]')!);
      return { text: el.textContent, outline: s.outlineStyle, cellOutline: cell.outlineStyle, fill: s.backgroundImage };
    });
    expect(look.text).toContain('MI');
    expect(look.outline).toBe('none');
    expect(look.cellOutline).toBe('none');
    expect(look.fill).toContain('repeating-linear-gradient');
    // Made active, it gains the outline on top of its own look, so the two stay told apart.
    await missing.click();
    const active = missing.locator('xpath=ancestor::*[@role="gridcell"]');
    await expect.poll(() => active.getAttribute('aria-selected')).toBe('true');
    expect(await active.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await app.page.keyboard.press('ArrowRight');
    await app.screenshot('grid-missing');
  });

  it('passes axe (contrast included) on the grid', async () => {
    expect(await seriousViolations(app.page, '[role=grid]')).toEqual([]);
  });
});
