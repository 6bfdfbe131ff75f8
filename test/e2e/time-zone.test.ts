import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { listHistory } from '../../main/backend/services/history';
import { exportRegistrar, listRegistrarExports } from '../../main/backend/excel/registrar-export';
import { formatInstant } from '@shared/time/format';
import { itemDue } from '@shared/screens/due';
import { startApp, type Harness } from './harness';

/** Far from the browser's zone below (and from UTC, where CI machines usually run). */
const COURSE_ZONE = 'Pacific/Auckland';
const BROWSER_ZONE = 'America/Los_Angeles';

describe('one time zone everywhere: the course’s, whatever the machine’s', () => {
  let app: Harness;
  let page: Page;
  const nav = (name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name }).click();

  beforeAll(async () => {
    app = await startApp((ws) => {
      loadDemoClass(ws.course!);
      ws.course!.db.prepare(`UPDATE course SET policy_json = json_set(policy_json, '$.timeZone', ?)`).run(COURSE_ZONE);
    });
    await exportRegistrar(app.workspace.course!, 'banner', { termCode: '202610', crn: '12345', confirm: true });
    // A browser on another continent from the course.
    const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: BROWSER_ZONE });
    page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole('navigation', { name: 'Screens' }).waitFor();
  });
  afterAll(async () => app?.close());

  it('History, the export log, the course picker and the cell menu all read in the course zone', async () => {
    const db = app.workspace.course!.db;
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);

    await nav('History');
    const newest = listHistory(db, { limit: 1, offset: 0 }).entries[0]!;
    const when = page.getByRole('table', { name: 'Change history' }).locator('tbody tr').first().locator('td').first();
    await expect.poll(() => when.textContent()).toBe(formatInstant(newest.at, COURSE_ZONE));
    expect(await when.textContent()).toMatch(/ GMT\+1[23]$/);

    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    const sent = exportDialog.getByRole('table', { name: 'Registrar exports' }).locator('tbody tr').first().locator('td').first();
    await expect.poll(() => sent.textContent()).toBe(formatInstant(listRegistrarExports(app.workspace.course!)[0]!.at, COURSE_ZONE));
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Open or create course…' }).click();
    const picker = page.getByRole('dialog', { name: 'Open or create a course' });
    const modified = fs.statSync(app.workspace.course!.file).mtime.toISOString();
    await expect.poll(() => picker.textContent()).toContain(`changed ${formatInstant(modified, COURSE_ZONE)}`);
    await page.keyboard.press('Escape');

    await nav('Gradebook');
    const snapshot = readSnapshot(db);
    const item = snapshot.items.find((i) => i.dueDate && !i.teamGraded)!;
    const grid = page.getByRole('grid', { name: 'Scores' });
    const colIndex = await grid
      .getByRole('columnheader', { name: new RegExp(`^${item.name}\\b`) })
      .first()
      .getAttribute('aria-colindex');
    await grid.locator(`[role=row][aria-rowindex="3"] > [aria-colindex="${colIndex}"]`).click();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('dialog', { name: /^Cell details/ });
    await expect.poll(() => menu.textContent()).toContain(`due ${itemDue(item, snapshot.policy)}`);
    expect(itemDue(item, snapshot.policy)).toMatch(/ GMT\+1[23]$/);
    await page.keyboard.press('Escape');
  });
});
