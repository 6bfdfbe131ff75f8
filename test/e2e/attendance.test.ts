import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegister, reviewClass } from '../../main/backend/services/attendance';
import { addStudent } from '../../main/backend/services/roster';
import { addCalendarDays } from '@shared/grading';
import { instantToLocalInput } from '@shared/grid';
import { ratePercent } from '@shared/screens/attendance';
import { seriousViolations } from './axe';
import { startApp, type Harness } from './harness';

const ZONE = 'America/New_York';
const STUDENTS = 40;
const name = (i: number) => `Student${String(i + 1).padStart(2, '0')}, Sam`;

/** Tuesdays and Thursdays over the last three weeks, one holiday left out: every session is held by now. */
const today = instantToLocalInput(new Date().toISOString(), ZONE).slice(0, 10);
const first = addCalendarDays(today, -21);
const last = addCalendarDays(today, -1);
const meetingDays = (() => {
  const days: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) {
    const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (wd === 2 || wd === 4) days.push(d);
  }
  return days;
})();
const holiday = meetingDays[2]!;

describe('attendance in Chromium, on a new course without demo data', () => {
  let app: Harness;
  const db = () => app.workspace.course!.db;
  const tab = (name: string) => app.page.getByRole('tab', { name }).click();
  /** The saved marks of one session, by student index, straight from the backend. */
  const savedMarks = (sessionIndex: number) => {
    const reg = readRegister(db());
    return reg.students.map((s) => s.marks[sessionIndex] ?? null);
  };
  const gradeCell = async (student: string, head: string): Promise<string> => {
    const grid = app.page.getByRole('grid', { name: 'Scores' });
    // Grade columns sit at the right end; columns out of view are not rendered.
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const col = await grid
      .locator('[role=columnheader]')
      .filter({ hasText: new RegExp(`^${head}$`) })
      .getAttribute('aria-colindex');
    return ((await grid.getByRole('row').filter({ hasText: student }).locator(`[aria-colindex="${col}"]`).textContent()) ?? '').trim();
  };

  beforeAll(async () => {
    app = await startApp((ws) => {
      for (let i = 0; i < STUDENTS; i++) {
        addStudent(ws.course!.db, {
          registrarId: `9${String(i + 1).padStart(7, '0')}`,
          firstName: 'Sam',
          lastName: `Student${String(i + 1).padStart(2, '0')}`,
        });
      }
    });
    await app.page.getByRole('heading', { level: 1, name: 'IE 7374 Machine Learning Operations' }).waitFor();
  });
  afterAll(async () => app?.close());

  let letterBefore = '';

  it('starts empty and says what to do, with the actions as buttons', async () => {
    await app.openScreen('Gradebook');
    await app.page
      .getByRole('grid', { name: 'Scores' })
      .getByRole('row')
      .filter({ hasText: name(1) })
      .waitFor();
    letterBefore = await gradeCell(name(1), 'Letter');
    await app.openScreen('Attendance');
    await app.page.getByText("No class sessions yet. Generate the term's sessions from a meeting pattern, or add one.").waitFor();
    expect(await app.page.getByRole('button', { name: 'Add session…' }).count()).toBe(1);
    expect(await seriousViolations(app.page)).toEqual([]);
  });

  it("generates the term's sessions from a meeting pattern, previewing the count", async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Generate sessions…' }).click();
    const dialog = page.getByRole('dialog', { name: "Generate the term's sessions" });
    await dialog.getByRole('checkbox', { name: 'Tue' }).check();
    await dialog.getByRole('checkbox', { name: 'Thu' }).check();
    await dialog.getByLabel('Starts at').fill('09:50');
    await dialog.getByLabel('Ends at').fill('11:30');
    await dialog.getByLabel('First class').fill(first);
    await dialog.getByLabel('Last class').fill(last);
    await dialog.getByLabel(/^No class on/).fill(`${holiday} Holiday`);
    const expected = meetingDays.length - 1;
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(new RegExp(`^${expected} sessions will be added, .*; 1 day skipped \\(.*Holiday\\)`));
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Generate sessions' }).click();
    await page.getByRole('grid', { name: /^Roll for / }).waitFor();
    expect(readRegister(db()).sessions.map((s) => s.date)).toEqual(meetingDays.filter((d) => d !== holiday));
  });

  it('takes the roll of 40 students by keyboard, each mark saved at once', async () => {
    const { page } = app;
    const roll = page.getByRole('grid', { name: /^Roll for / });
    const lastSession = readRegister(db()).sessions.length - 1;
    await expect.poll(() => roll.getAttribute('aria-label')).toContain(`0 of ${STUDENTS} students marked`);
    await roll.locator('tbody tr').first().click();
    const keys = Array.from({ length: STUDENTS }, (_, i) => ({ 1: 'a', 2: 'l', 3: 'e', 4: 'a' })[i] ?? 'p');
    for (const k of keys) await page.keyboard.press(k);
    await expect.poll(() => savedMarks(lastSession).filter((m) => m !== null).length).toBe(STUDENTS);
    const marks = savedMarks(lastSession);
    expect(marks.slice(0, 6)).toEqual(['present', 'absent', 'late', 'excused', 'absent', 'present']);
    expect(marks.filter((m) => m === 'present')).toHaveLength(36);
    await expect
      .poll(() => page.getByText(/^36 present, 1 late, 2 absent, 1 excused, 0 not yet marked$/).count(), { timeout: 5000 })
      .toBe(1);
    // The cursor ran down the list: the last student is the one selected.
    expect(await roll.locator('tbody tr[aria-selected=true]').textContent()).toContain(name(STUDENTS - 1));
    await app.screenshot('attendance-roll');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('undoes a mark with Ctrl+Z on the roll', async () => {
    const { page } = app;
    const lastSession = readRegister(db()).sessions.length - 1;
    const roll = page.getByRole('grid', { name: /^Roll for / });
    await roll.locator('tbody tr').first().click();
    await page.keyboard.press('l');
    await expect.poll(() => savedMarks(lastSession)[0]).toBe('late');
    await page.keyboard.press('Control+z');
    await expect.poll(() => savedMarks(lastSession)[0]).toBe('present');
    await expect.poll(() => roll.locator('tbody tr').first().locator('.att-mark').textContent()).toBe('P');
  });

  it('pastes a column into the register as one step and types a mark', async () => {
    const { page } = app;
    await tab('Register');
    const grid = page.getByRole('grid', { name: 'Attendance register' });
    // Row 1 is the header; the first session is column 3 (after name and ID).
    const cell = (row: number, col: number) => grid.locator(`[role=row][aria-rowindex="${row + 2}"] > [aria-colindex="${col}"]`);
    await expect.poll(() => cell(0, 3).textContent()).toBe('?');
    await cell(0, 3).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'P\r\nA\r\nL\r\nx\r\n0\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => savedMarks(0).slice(0, 6)).toEqual(['present', 'absent', 'late', 'present', 'absent', null]);
    await expect.poll(() => cell(1, 3).textContent()).toBe('A');
    expect(await cell(1, 3).locator('.att-mark').getAttribute('title')).toBe('Absent');
    // A session whose roll was not taken says so instead of showing absences; once taken, a gap is "not marked yet".
    expect(await cell(5, 5).locator('.att-mark').getAttribute('title')).toBe('Roll not taken');
    await expect.poll(() => cell(5, 3).locator('.att-mark').getAttribute('title'), { timeout: 5000 }).toBe('Not marked yet');
    await cell(1, 4).click();
    await page.keyboard.press('a');
    await expect.poll(() => savedMarks(1)[1]).toBe('absent');
    // The session's roll now counts as taken: its other students read "not marked yet".
    await expect.poll(() => cell(2, 4).locator('.att-mark').getAttribute('title'), { timeout: 5000 }).toBe('Not marked yet');
    if (await page.getByRole('button', { name: 'Dismiss message' }).count())
      await page.getByRole('button', { name: 'Dismiss message' }).click();
    await app.screenshot('attendance');
    // A refused paste names the bad cell and changes nothing.
    await cell(0, 5).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'P\r\nhere\r\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/Nothing was changed\. Row 2 \(Student02, Sam\), session .*'here' is not a mark/);
    expect(savedMarks(2).slice(0, 2)).toEqual([null, null]);
    const reg = readRegister(db());
    const rate = grid
      .getByRole('row')
      .filter({ hasText: name(2) })
      .locator('.rdg-cell')
      .last();
    await expect.poll(() => rate.textContent()).toContain(ratePercent(reg.students[2]!.totals.display!));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the Attendance % and the letter the engine computed on the Gradebook', async () => {
    await app.openScreen('Gradebook');
    const reg = readRegister(db());
    expect(reg.students[1]!.totals.display).toMatch(/^0\.00%?$/);
    await expect.poll(() => gradeCell(name(1), 'Attendance %')).toBe('0.00%');
    expect(await gradeCell(name(2), 'Attendance %')).toBe('50.00%');
    expect(await gradeCell(name(0), 'Attendance %')).toBe('100.00%');
    const letter = await gradeCell(name(1), 'Letter');
    expect(letter).toBe('F');
    expect(letter).not.toBe(letterBefore);
    expect(await gradeCell(name(0), 'Letter')).toBe('A');
  });

  it("reviews one student's record and the class charts with the engine's numbers", async () => {
    const { page } = app;
    await app.openScreen('Attendance');
    await tab('Review');
    await page.getByRole('combobox', { name: /^Student/ }).selectOption({ label: `${name(1)} (90000002)` });
    const facts = page.getByLabel(`Attendance of ${name(1)}`);
    await expect.poll(() => facts.textContent()).toContain('0.00%');
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain('Missed3 sessions');
    expect(text).toMatch(/3 sessions in a row.*3 or more in a row/);

    const klass = reviewClass(db());
    const perSession = page.getByRole('table', { name: 'Attendance per session' });
    const lastRow = perSession.locator('tbody tr').last();
    await expect.poll(() => lastRow.textContent()).toContain('94.87%');
    expect(klass.perSession.at(-1)!.rate).toBeCloseTo((37 / 39) * 100, 10);
    expect(await page.getByRole('img', { name: /^Line chart of attendance per session: / }).getAttribute('aria-label')).toContain('94.87%');
    const spread = page.getByRole('table', { name: 'Students per attendance rate' });
    const countOf = async (label: string) => (await spread.getByRole('row').filter({ hasText: label }).locator('td').textContent())?.trim();
    for (const b of klass.spread) expect(await countOf(b.label)).toBe(String(b.count));
    expect(klass.spread.find((b) => b.from === 90)!.count).toBe(37);
    const below = page.getByRole('table', { name: /^Students below/ });
    expect(await below.locator('tbody tr').count()).toBe(3);
    expect(await page.locator('svg.recharts-surface').count()).toBe(2);
    await app.screenshot('attendance-review');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the sessions, and asks before deleting one with marks', async () => {
    const { page } = app;
    await tab('Sessions');
    const table = page.getByRole('table', { name: 'Sessions' });
    expect(await table.locator('tbody tr').count()).toBe(meetingDays.length - 1);
    await table
      .getByRole('button', { name: /^Delete / })
      .first()
      .click();
    const confirm = page.getByRole('dialog', { name: 'Delete this session?' });
    await expect.poll(() => confirm.textContent()).toContain('has 5 marks');
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    expect(readRegister(db()).sessions).toHaveLength(meetingDays.length - 1);
  });

  it('imports a Zoom participant report after a dry run naming who will be marked absent and the unmatched rows', async () => {
    const { page } = app;
    const reg = readRegister(db());
    const index = reg.sessions.findIndex((s) => s.state === 'roll-not-taken');
    const date = reg.sessions[index]!.date;
    const us = `${date.slice(5, 7)}/${date.slice(8, 10)}/${date.slice(0, 4)}`;
    const csv = [
      'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants',
      `812 3456 7890,IE 7374,${us} 09:45:00 AM,${us} 11:31:00 AM,prof@example.edu,106,3`,
      '',
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
      `Sam Student01,,${us} 09:48:00 AM,${us} 11:30:00 AM,102,No,Y`,
      `Sam Student02,,${us} 10:12:00 AM,${us} 11:30:00 AM,78,No,Y`,
      `Guest Speaker,,${us} 10:30:00 AM,${us} 11:00:00 AM,30,Yes,Y`,
    ].join('\r\n');
    await page.getByRole('button', { name: 'Import attendance…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import attendance' });
    await dialog.getByLabel('File').setInputFiles({ name: 'zoom.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Check file' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^40 marks to set, 0 to clear, 0 unchanged\./);
    expect(await dialog.getByText('38 enrolled students not in the report will be marked absent').count()).toBe(1);
    expect(await dialog.getByText('1 row matching no enrolled student (not imported)').count()).toBe(1);
    expect(await dialog.getByText(/Row \d+: Guest Speaker/).count()).toBe(1);
    expect(savedMarks(index).every((m) => m === null)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Import 40 changes' }).click();
    await expect.poll(() => savedMarks(index).slice(0, 3)).toEqual(['present', 'late', 'absent']);
    expect(savedMarks(index).filter((m) => m === 'absent')).toHaveLength(38);
  });

  it('edits a session topic and cancels a session, which then says so in the register', async () => {
    const { page } = app;
    await tab('Sessions');
    const table = page.getByRole('table', { name: 'Sessions' });
    await table
      .getByRole('button', { name: /^Edit… / })
      .nth(1)
      .click();
    const dialog = page.getByRole('dialog', { name: 'Edit session' });
    await dialog.getByLabel(/^Topic/).fill('2.3 Data Quality and Validation');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => table.locator('tbody tr').nth(1).textContent()).toContain('2.3 Data Quality and Validation');
    expect(readRegister(db()).sessions[1]!.topic).toBe('2.3 Data Quality and Validation');
    await table
      .getByRole('button', { name: /^Cancel session / })
      .nth(3)
      .click();
    await expect.poll(() => table.locator('tbody tr').nth(3).textContent()).toContain('Cancelled');
    expect(readRegister(db()).sessions[3]!.state).toBe('cancelled');
    await tab('Register');
    const head = page.getByRole('grid', { name: 'Attendance register' }).locator('[role=columnheader][aria-colindex="6"]');
    expect(await head.textContent()).toContain('cancelled');
  });

  it('shows the attendance rules in Settings and what a change would do to final letters before saving', async () => {
    const { page } = app;
    await app.openScreen('Settings');
    await page.getByLabel('Credit for late (0–1)').fill('1');
    expect(await page.getByLabel('Free absences (forgiven, never above 100%)').inputValue()).toBe('0');
    expect(await page.getByLabel('Flag attendance below this %').inputValue()).toBe('80');
    expect(await page.getByLabel('Sessions that count').inputValue()).toBe('to-date');
    expect(await page.getByLabel('A past session without a mark').inputValue()).toBe('not-counted');
    await expect
      .poll(() => page.locator('.letter-preview').textContent())
      .toMatch(/^Saving (changes no final letter|would change \d+ final letters?) .*40 students/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fills down in the register with Ctrl+D and copies a block as tab-separated letters', async () => {
    const { page } = app;
    await app.openScreen('Attendance');
    await tab('Register');
    const grid = page.getByRole('grid', { name: 'Attendance register' });
    const cell = (row: number, col: number) => grid.locator(`[role=row][aria-rowindex="${row + 2}"] > [aria-colindex="${col}"]`);
    await cell(5, 3).click();
    await page.keyboard.press('Control+d');
    // The cell above (row 4, pasted '0') is absent: Ctrl+D on one cell copies it down.
    await expect.poll(() => savedMarks(0)[5]).toBe('absent');
    await cell(0, 3).click();
    await page.keyboard.press('Shift+ArrowDown');
    const copied = await page.evaluate(() => {
      const data = new DataTransfer();
      document.activeElement!.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
      return data.getData('text/plain');
    });
    expect(copied.trim().split(/\r?\n/)).toEqual(['P', 'A']);
  });

  it('exports the register as CSV, and Ctrl+F goes to the register search', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export attendance (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByRole('grid', { name: 'Attendance register' }).locator('[aria-rowindex="2"] > [aria-colindex="1"]').click();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Student07');
    // The header, one student and the totals row.
    await expect.poll(() => page.getByRole('grid', { name: 'Attendance register' }).locator('[role=row]').count()).toBe(3);
  });

  it('marks all present in one step, keeping the exceptions, and one Ctrl+Z takes it back', async () => {
    const { page } = app;
    await tab('Take the roll');
    const reg = readRegister(db());
    await page.getByRole('combobox', { name: /^Session/ }).selectOption(String(reg.sessions[1]!.id));
    await page.getByRole('button', { name: 'Mark all present' }).click();
    await expect.poll(() => savedMarks(1).filter((m) => m === 'present').length).toBe(STUDENTS - 1);
    expect(savedMarks(1)[1]).toBe('absent');
    await page
      .getByRole('grid', { name: /^Roll for / })
      .locator('tbody tr')
      .first()
      .click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => savedMarks(1).filter((m) => m === 'present').length).toBe(0);
    expect(savedMarks(1)[1]).toBe('absent');
  });
});
