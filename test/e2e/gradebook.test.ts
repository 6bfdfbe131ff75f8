import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { readSnapshot } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { createItem, deleteItem } from '../../main/backend/services/items';
import { addStudent } from '../../main/backend/services/roster';
import { listHistory } from '../../main/backend/services/history';
import { computeCourse } from '@shared/grading';
import { cellText } from '@shared/grid';
import { startApp, type Harness } from './harness';

/** Grid rows: a group header row and the column header row come before the first student. */
const HEADER_ROWS = 2;

describe('gradebook grid in Chromium', () => {
  let app: Harness;
  let grid: Locator;
  const col: Record<string, number> = {};

  /** Scrolls a score column into view; virtualization renders only the visible ones. */
  const reveal = async (name: string) => {
    await grid.evaluate((el, x) => (el.scrollLeft = x), Math.max(0, (col[name]! - 3) * 104 - 200));
    await cell(0, name).waitFor();
  };
  const cell = (row: number, name: string) =>
    grid.locator(`[role=row][aria-rowindex="${row + HEADER_ROWS + 1}"] > [aria-colindex="${col[name]}"]`);
  const text = async (row: number, name: string) => ((await cell(row, name).textContent()) ?? '').replace(/[^\w.%+-]/g, '');
  const studentName = (row: number) => cell(row, 'Student').textContent();
  /** The saved cell in the course file, read straight from the backend. */
  const saved = (student: string, item: string) => {
    const s = readSnapshot(app.workspace.course!.db);
    const st = s.students.find((x) => `${x.lastName}, ${x.firstName}` === student)!;
    const it = s.items.find((x) => x.name === item)!;
    return s.scores.find((x) => x.studentId === st.id && x.itemId === it.id) ?? null;
  };

  beforeAll(async () => {
    app = await startApp((ws) => loadDemoClass(ws.course!));
    grid = app.page.getByRole('grid', { name: 'Scores' });
    await grid.waitFor();
    await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS + 5}"]`).waitFor();
    const heads = grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS}"] > [role=columnheader]`);
    for (const h of await heads.all()) {
      const title = (await h.locator('.gb-colhead-name').count())
        ? await h.locator('.gb-colhead-name').textContent()
        : await h.textContent();
      col[(title ?? '').replace('👥', '').trim()] = Number(await h.getAttribute('aria-colindex'));
    }
    // Score columns outside the viewport are not rendered (virtualized): number them from the course.
    const snap = readSnapshot(app.workspace.course!.db);
    const cats = [...snap.categories].sort((a, b) => a.position - b.position);
    const items = cats.flatMap((c) => snap.items.filter((i) => i.categoryId === c.id).sort((a, b) => a.position - b.position));
    items.forEach((it, i) => (col[it.name] = 3 + i));
    expect(col['Student']).toBe(1);
    expect(col['Homework 1']).toBe(3);
    expect(col['Current %']).toBeGreaterThan(3);
    expect(col['Letter']).toBe(col['Current %']! + 1);
  });
  afterAll(async () => app?.close());

  it('shows the weights, students as rows and live grades', async () => {
    const rows = await app.page.getByRole('table', { name: 'Grade weights' }).getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual(['Homeworks25%', 'Reading assignments10%', 'Final project60%', 'Attendance5%']);
    expect(await text(0, 'Current %')).toMatch(/^\d+\.\d\d%$/);
    expect(await text(0, 'Letter')).toMatch(/^[A-F][+-]?$/);
    await app.screenshot('grid');
  });

  it('every grade column follows one view: Current by default, Final on the toggle, and a row adds up', async () => {
    const { page } = app;
    const view = page.getByRole('radiogroup', { name: 'Grade view' });
    expect(await view.getByRole('radio', { name: 'Current' }).isChecked()).toBe(true);
    // Category columns sit at the right end (columns out of view are not rendered).
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const snap = readSnapshot(app.workspace.course!.db);
    const heads = async () =>
      (await grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS}"] > [role=columnheader].gb-grade-head`).allTextContents()).map((t) =>
        t.trim(),
      );
    await expect.poll(heads).toEqual(['Homeworks %', 'Reading assignments %', 'Final project %', 'Attendance %', 'Current %', 'Letter']);
    const shownRow = async () => ({ total: await text(0, 'Current %'), letter: await text(0, 'Letter') });
    const name = (await studentName(0))!;
    const result = computeCourse(snap).students.find((r) => {
      const st = snap.students.find((x) => x.id === r.studentId)!;
      return `${st.lastName}, ${st.firstName}` === name;
    })!;
    expect(await shownRow()).toEqual({ total: `${result.current.display}%`, letter: result.current.letter ?? '' });

    await view.getByText('Final (ungraded work counts 0)').click();
    await expect.poll(heads).toEqual(['Homeworks %', 'Reading assignments %', 'Final project %', 'Attendance %', 'Final %', 'Letter']);
    expect(await text(0, 'Current %')).toBe(`${result.display}%`);
    expect(await text(0, 'Letter')).toBe(result.letter);
    await app.screenshot('grid-final-view');
    await view.getByText('Current (graded work only)', { exact: true }).click();
    await expect.poll(heads).toContain('Current %');
    await reveal('Homework 1');
  });

  it('the last category % column is not hidden under the frozen total and letter', async () => {
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const snap = readSnapshot(app.workspace.course!.db);
    const name = (await studentName(0))!;
    const id = snap.students.find((x) => `${x.lastName}, ${x.firstName}` === name)!.id;
    const homeworks = computeCourse(snap)
      .students.find((r) => r.studentId === id)!
      .categories.find((c) => c.name === 'Homeworks')!;
    await expect
      .poll(() =>
        grid
          .locator(`[role=row][aria-rowindex="${HEADER_ROWS + 1}"] > .gb-grade`)
          .first()
          .textContent(),
      )
      .toBe(`${homeworks.current.display}%`);
    const last = grid
      .locator(`[role=row][aria-rowindex="${HEADER_ROWS}"] > [role=columnheader].gb-grade-head`)
      .filter({ hasText: 'Attendance %' });
    const total = grid
      .locator(`[role=row][aria-rowindex="${HEADER_ROWS}"] > [role=columnheader].gb-grade-head`)
      .filter({ hasText: 'Current %' });
    await expect
      .poll(async () => (await last.boundingBox())!.x + (await last.boundingBox())!.width)
      .toBeLessThanOrEqual((await total.boundingBox())!.x + 1);
    await app.screenshot('grid-scrolled-right');
    await reveal('Homework 1');
  });

  it('typing a team score updates the final % and letter at once, and every member sees it', async () => {
    const { page } = app;
    const before = { final: await text(0, 'Current %'), letter: await text(0, 'Letter') };
    await reveal('Milestone 1: Scoping');
    await cell(0, 'Milestone 1: Scoping').click();
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(0, 'Current %')).not.toBe(before.final);
    expect(parseFloat(await text(0, 'Current %'))).toBeLessThan(parseFloat(before.final));
    expect(await text(0, 'Letter')).not.toBe(before.letter);
    expect(await text(0, 'Milestone 1: Scoping')).toBe('0');
    // Enter moved the active cell down.
    await expect.poll(() => cell(1, 'Milestone 1: Scoping').getAttribute('aria-selected')).toBe('true');
    const snap = readSnapshot(app.workspace.course!.db);
    const zeroed = snap.teamScores.filter(
      (t) => t.value === 0 && snap.items.find((i) => i.id === t.itemId)?.name === 'Milestone 1: Scoping',
    );
    expect(zeroed).toHaveLength(1);
    const members = snap.memberships.filter((m) => m.teamId === zeroed[0]!.teamId).length;
    const rows = await grid.locator(`[role=row] > [aria-colindex="${col['Milestone 1: Scoping']}"]`).allTextContents();
    expect(rows.filter((t) => t.replace(/[^\d]/g, '') === '0').length).toBeGreaterThanOrEqual(Math.min(members, 2));
    await app.screenshot('grid-team');
    await reveal('Homework 1');
  });

  it('EX marks a cell excused; a refused word changes nothing and says why', async () => {
    const { page } = app;
    await cell(2, 'Homework 1').click();
    await page.keyboard.type('ex');
    await page.keyboard.press('Tab');
    await expect.poll(() => text(2, 'Homework 1')).toBe('EX');
    expect(await cell(2, 'Homework 1').locator('.gb-cell').getAttribute('class')).toContain('is-excused');
    await expect.poll(() => cell(2, 'Homework 2').getAttribute('aria-selected')).toBe('true');
    expect(saved((await studentName(2))!, 'Homework 1')?.status).toBe('excused');

    const old = await text(3, 'Homework 1');
    await cell(3, 'Homework 1').click();
    await page.keyboard.type('ten');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("'ten' is not a score");
    // The editor stays open with the typed text, to correct it.
    const editor = grid.getByRole('textbox');
    expect(await editor.inputValue()).toBe('ten');
    await app.screenshot('grid-refused-word');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await text(3, 'Homework 1')).toBe(old);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
  });

  it('refuses a negative score at once, and marks a score above the maximum as extra credit', async () => {
    const { page } = app;
    const student = (await studentName(3))!;
    const before = saved(student, 'Homework 2');
    await cell(3, 'Homework 2').click();
    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("'-3' is negative: a score cannot be below 0");
    expect(await grid.getByRole('textbox').inputValue()).toBe('-3');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('15');
    await page.keyboard.press('Enter');
    await expect.poll(() => saved(student, 'Homework 2')?.value).toBe(15);
    expect(before?.value).not.toBe(15);
    const shown = cell(3, 'Homework 2').locator('.gb-cell');
    await expect.poll(() => shown.getAttribute('data-marks')).toBe('extra-credit');
    expect(await shown.getAttribute('title')).toBe('Extra credit: 15 of 10');
    expect(await shown.getByRole('img', { name: 'extra credit' }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('pastes a 3x4 block as one step and undoes it in one Ctrl+Z', async () => {
    const { page } = app;
    const names = ['Homework 2', 'Homework 3', 'Homework 4', 'Homework 5'];
    const before: string[] = [];
    for (let r = 4; r < 7; r++) for (const n of names) before.push(await text(r, n));
    await cell(4, 'Homework 2').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t9.5\tEX\tMI\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const after = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9.5', 'EX', 'MI'];
    const read = async () => {
      const out: string[] = [];
      for (let r = 4; r < 7; r++) for (const n of names) out.push(await text(r, n));
      return out;
    };
    await expect.poll(read).toEqual(after);
    const student = (await studentName(6))!;
    await expect.poll(() => saved(student, 'Homework 3')?.value).toBe(9.5);
    expect(saved(student, 'Homework 5')?.status).toBe('missing');
    await app.screenshot('grid-pasted');

    await cell(4, 'Homework 2').click();
    await page.keyboard.press('Control+z');
    await expect.poll(read).toEqual(before);
    expect(saved(student, 'Homework 3')?.value ?? null).not.toBe(9.5);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(read).toEqual(after);
    await page.keyboard.press('Control+z');
    await expect.poll(read).toEqual(before);
  });

  it('marks a cell late from the cell menu (Shift+F10) with a submission time', async () => {
    const { page } = app;
    await cell(7, 'Homework 1').click();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(7, 'Homework 1')).toBe('10');
    await cell(7, 'Homework 1').click();
    await page.keyboard.press('Shift+F10');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Homework 1 is due Tue 15 Sep 2026, 11:59 pm in the course's zone; this is two days late.
    await dialog.getByLabel(/Submitted at/).fill('2026-09-17T20:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => cell(7, 'Homework 1').locator('.gb-cell').getAttribute('data-marks')).toMatch(/late|not-accepted/);
    const title = await cell(7, 'Homework 1').locator('.gb-cell').getAttribute('title');
    // Said in the course's zone: when it came in and how late, then what was taken off.
    expect(title).toMatch(/^(Not accepted: )?Submitted Thu 17 Sep, 8:00 pm EDT, 44 h 1 min late[;: (]/);
    expect(saved((await studentName(7))!, 'Homework 1')?.submittedAt).toBe('2026-09-18T00:00:00.000Z');
    await app.screenshot('grid-late');
    await cell(7, 'Homework 1').click();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('dialog', { name: `Cell details: ${await studentName(7)} · Homework 1` }).waitFor();
    await dialog.getByText('History').click();
    await expect.poll(() => dialog.getByRole('list', { name: 'Cell history' }).getByRole('listitem').count()).toBeGreaterThan(0);
    await app.screenshot('grid-cell-menu');
    await page.keyboard.press('Escape');
  });

  it('keeps everything after a reload, and search finds a student by name', async () => {
    const { page } = app;
    const student = (await studentName(2))!;
    await page.reload();
    await grid.waitFor();
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search students');
    await page.keyboard.type(student.split(',')[0]!.normalize('NFD').replace(/\p{M}/gu, ''));
    const match = grid.locator('[role=row]').filter({ hasText: student });
    await expect.poll(() => match.count()).toBe(1);
    expect(await match.locator(`[aria-colindex="${col['Homework 1']}"]`).textContent()).toContain('EX');
  });
  /** The students the grid lists: "N of M students". */
  const shown = async () => Number(/^(\d+) of/.exec((await app.page.locator('.gb-count').textContent()) ?? '')?.[1]);
  const cellOf = (student: string, item: string) => {
    const c = saved(student, item);
    return c ? cellText(c.value, c.status) : '';
  };

  it('Ctrl+C copies the selected block as tab-separated text', async () => {
    const { page } = app;
    await page.getByLabel('Search students').fill('');
    await expect.poll(shown).toBe(readSnapshot(app.workspace.course!.db).students.length);
    await cell(8, 'Homework 1').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.evaluate(() => {
      const w = window as unknown as { copied?: string };
      window.addEventListener('copy', (e) => (w.copied = e.clipboardData?.getData('text/plain')), { once: true });
    });
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(() => (window as unknown as { copied?: string }).copied);
    const lines = [];
    for (const r of [8, 9]) {
      const student = (await studentName(r))!;
      lines.push(`${cellOf(student, 'Homework 1')}\t${cellOf(student, 'Homework 2')}`);
    }
    expect(copied).toBe(lines.join('\r\n'));
    expect(copied).toMatch(/^[^\t\r\n]*\t[^\t\r\n]*\r\n[^\t\r\n]*\t[^\t\r\n]*$/);
  });

  it('Ctrl+D fills the top cell down the selection as one undo step', async () => {
    const { page } = app;
    await cell(10, 'Homework 3').click();
    await page.keyboard.type('4.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(10, 'Homework 3')).toBe('4.5');
    await cell(10, 'Homework 3').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect.poll(async () => [await text(11, 'Homework 3'), await text(12, 'Homework 3')]).toEqual(['4.5', '4.5']);
    await expect.poll(async () => saved((await studentName(12))!, 'Homework 3')?.value).toBe(4.5);
    expect(saved((await studentName(11))!, 'Homework 3')?.value).toBe(4.5);
    await expect
      .poll(() =>
        page
          .getByRole('banner')
          .getByRole('button', { name: /^Undo / })
          .textContent(),
      )
      .toBe('Undo Fill down 2 cells');
    await app.screenshot('grid-fill-down');
  });

  it('Delete clears a cell, and the clearing is in the cell history', async () => {
    const { page } = app;
    const student = (await studentName(13))!;
    await cell(13, 'Homework 4').click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => saved(student, 'Homework 4')?.value).toBe(7);
    await cell(13, 'Homework 4').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => text(13, 'Homework 4')).toBe('');
    await expect.poll(() => saved(student, 'Homework 4')?.value ?? null).toBeNull();
    const snap = readSnapshot(app.workspace.course!.db);
    const studentId = snap.students.find((x) => `${x.lastName}, ${x.firstName}` === student)!.id;
    const itemId = snap.items.find((x) => x.name === 'Homework 4')!.id;
    const [latest] = listHistory(app.workspace.course!.db, { studentId, itemId, limit: 1, offset: 0 }).entries;
    expect(latest).toMatchObject({ label: `Clear ${student}, Homework 4`, before: { value: 7 }, after: { value: null } });
  });

  it('Esc leaves the cell as it was', async () => {
    const { page } = app;
    const student = (await studentName(14))!;
    const before = { shown: await text(14, 'Homework 2'), saved: saved(student, 'Homework 2') };
    await cell(14, 'Homework 2').click();
    await page.keyboard.type('3');
    await expect.poll(() => grid.locator('input').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => grid.locator('input').count()).toBe(0);
    expect(await text(14, 'Homework 2')).toBe(before.shown);
    expect(saved(student, 'Homework 2')).toEqual(before.saved);
  });

  it('sorting by Current % orders the rows, up then down', async () => {
    const header = grid.locator(`[role=row][aria-rowindex="${HEADER_ROWS}"] > [aria-colindex="${col['Current %']}"]`);
    const finals = async () => {
      const out: number[] = [];
      for (let r = 0; r < 8; r++) out.push(parseFloat(await text(r, 'Current %')));
      return out;
    };
    const sorted = (xs: number[], dir: 1 | -1) => xs.every((x, i) => i === 0 || dir * (x - xs[i - 1]!) >= 0);
    await header.click();
    await expect.poll(async () => sorted(await finals(), 1)).toBe(true);
    const up = await finals();
    await header.click();
    await expect.poll(async () => sorted(await finals(), -1)).toBe(true);
    const down = await finals();
    expect(down[0]!).toBeGreaterThan(up[0]!);
    await app.screenshot('grid-sorted');
    await header.click();
  });

  it('filters by section, team and status narrow the rows to the matching students', async () => {
    const { page } = app;
    const snap = readSnapshot(app.workspace.course!.db);
    const all = snap.students.length;
    await page.getByLabel('Section', { exact: true }).selectOption('01');
    await expect.poll(shown).toBe(snap.students.filter((s) => s.section === '01').length);
    expect(await shown()).toBeLessThan(all);
    await page.getByLabel('Section', { exact: true }).selectOption('');

    const team = snap.teams[0]!;
    await page.getByLabel('Team', { exact: true }).selectOption(String(team.id));
    const members = new Set(snap.memberships.filter((m) => m.teamId === team.id).map((m) => m.studentId));
    await expect.poll(shown).toBe(members.size);
    const names = new Set(snap.students.filter((s) => members.has(s.id)).map((s) => `${s.lastName}, ${s.firstName}`));
    for (let r = 0; r < members.size; r++) expect(names.has((await studentName(r))!)).toBe(true);
    await page.getByLabel('Team', { exact: true }).selectOption('');

    const missing = computeCourse(snap).students.filter((s) => s.flags.includes('missing')).length;
    expect(missing).toBeGreaterThan(0);
    await page.getByLabel('Status', { exact: true }).selectOption('missing');
    await expect.poll(shown).toBe(missing);
    await app.screenshot('grid-filtered');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(shown).toBe(all);
  });
});

describe('gradebook of a new course in Chromium', () => {
  let app: Harness;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => app?.close());
  const gradebook = async () => {
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Gradebook' }).waitFor();
  };

  it('with no students: offers the class list import, adding a student and the demo class', async () => {
    const { page } = app;
    await gradebook();
    await page.getByText('No students yet.').waitFor();
    await app.screenshot('grid-empty-course');
    await page.getByRole('button', { name: 'Import a class list…' }).click();
    await page.getByRole('dialog', { name: 'Import from Excel or CSV' }).waitFor();
    await gradebook();
    await page.getByRole('button', { name: 'Add a student' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Roster');
    expect(
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Roster' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('with students but no items: says where to add items, and goes there', async () => {
    const { page } = app;
    const db = app.workspace.course!.db;
    addStudent(db, { registrarId: '900000001', firstName: 'Ada', lastName: 'Alpha' });
    addStudent(db, { registrarId: '900000002', firstName: 'Ben', lastName: 'Beta' });
    // The preset comes with the final project's items.
    for (const item of readSnapshot(db).items) deleteItem(db, item.id);
    await app.openScreen('Gradebook');
    await gradebook();
    await page.getByText('No items yet. Add items in Settings › Items.').waitFor();
    expect(await page.getByRole('grid').count()).toBe(0);
    await page.getByRole('button', { name: 'Go to Settings › Items' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Settings');
  });

  it('with items but no scores: no grade and no letter in the current view, 0% and F in the final view', async () => {
    const { page } = app;
    const db = app.workspace.course!.db;
    const homeworks = readSnapshot(db).categories.find((c) => c.name === 'Homeworks')!;
    createItem(db, { categoryId: homeworks.id, name: 'Quiz 1', pointsPossible: 10 });
    await app.openScreen('Gradebook');
    await gradebook();
    const grid = page.getByRole('grid', { name: 'Scores' });
    const lastCols = () => grid.locator(`[role=row][aria-rowindex="3"] > .gb-grade`).allTextContents();
    await grid.locator('[role=row][aria-rowindex="4"]').waitFor();
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    expect(await page.getByRole('radio', { name: 'Current' }).isChecked()).toBe(true);
    // Four category %, the total, the letter: nothing graded, so nothing to show, no F.
    await expect.poll(lastCols).toEqual(['—', '—', '—', '—', '—', '']);
    await app.screenshot('grid-no-scores-current');
    await page.getByText('Final (ungraded work counts 0)').click();
    await expect.poll(lastCols).toEqual(['0.00%', '—', '—', '—', '0.00%', 'F']);
    await app.screenshot('grid-no-scores-final');
    await page.getByText('Current (graded work only)', { exact: true }).click();
  });
});
