import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MeetingPattern } from '@shared/api';
import { db, newCourse, type TestCourse } from './helpers';
import { formatInstant } from '@shared/time/format';

const FIXTURES = path.resolve('test/fixtures');
const file = (name: string) => ({ name, data: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') });
const text = (name: string, body: string) => ({ name, data: Buffer.from(body).toString('base64') });

/** Mon/Wed 10:00–11:15 from 19 Oct to 11 Nov 2026, across the DST change of 1 Nov, without 4 Nov. */
const PATTERN: MeetingPattern = {
  weekdays: [1, 3],
  start: '10:00',
  end: '11:15',
  first: '2026-10-19',
  last: '2026-11-11',
  skip: [{ from: '2026-11-04', label: 'Election day' }],
  title: 'Lecture {n}',
};
const AFTER_TERM = '2026-12-01T12:00:00Z';

/** The IE 7374 course with the fixture class list (8 students) and the pattern's sessions. */
async function course(): Promise<TestCourse & { sessionOn: (date: string) => number; student: (registrarId: string) => number }> {
  const c = newCourse('ie7374');
  await c.call('excel.importRoster', { file: file('class-list.csv') });
  await c.call('attendance.generate', { pattern: PATTERN });
  const sessions = (await c.call('attendance.sessions', {})).sessions;
  const snap = db(c).prepare('SELECT id, registrar_id FROM student').all() as { id: number; registrar_id: string }[];
  return {
    ...c,
    sessionOn: (date) => sessions.find((s) => s.date === date)!.id,
    student: (id) => snap.find((s) => s.registrar_id === id)!.id,
  };
}

const JOSE = '001234567';
const SIOBHAN = '002345678';
const EVE = '006789012';

describe('sessions from a meeting pattern', () => {
  it('previews the pattern without writing: the sessions it would create, with id 0', async () => {
    const c = newCourse('ie7374');
    const before = c.fileBytes();
    const preview = await c.call('attendance.generate', { pattern: PATTERN, dryRun: true });
    expect(c.fileBytes().equals(before)).toBe(true);
    expect(preview.applied).toBe(false);
    expect(preview.sessions.map((s) => [s.id, s.date, s.title])).toContainEqual([0, '2026-11-02', 'Lecture 5']);
    expect(preview.sessions).toHaveLength(7);
    // With one session already in the term, the numbers count it.
    await c.call('attendance.addSession', { date: '2026-10-20', start: '12:00' });
    const numbered = await c.call('attendance.generate', { pattern: PATTERN, dryRun: true });
    expect(numbered.sessions.map((s) => s.title).slice(0, 3)).toEqual(['Lecture 1', 'Lecture 3', 'Lecture 4']);
  });

  it('generates the term in the course zone; the DST change does not move a session', async () => {
    const c = await course();
    const { sessions, pattern, timeZone } = await c.call('attendance.sessions', { asOf: AFTER_TERM });
    expect(sessions.map((s) => s.date)).toEqual([
      '2026-10-19',
      '2026-10-21',
      '2026-10-26',
      '2026-10-28',
      '2026-11-02',
      '2026-11-09',
      '2026-11-11',
    ]);
    expect(sessions.every((s) => s.start === '10:00' && s.end === '11:15')).toBe(true);
    expect(sessions[0]!.title).toBe('Lecture 1');
    // 10:00 EDT is 14:00 UTC before 1 Nov, 10:00 EST is 15:00 UTC after.
    expect(sessions[4]!.startsAt).toBe('2026-11-02T15:00:00.000Z');
    expect(sessions[3]!.startsAt).toBe('2026-10-28T14:00:00.000Z');
    expect(sessions.map((s) => formatInstant(s.startsAt, timeZone).split(', ')[1])).toEqual([
      ...Array(4).fill('10:00 am EDT'),
      ...Array(3).fill('10:00 am EST'),
    ]);
    expect(sessions.every((s) => s.state === 'roll-not-taken' && !s.counted)).toBe(true);
    expect(pattern?.skip).toEqual(PATTERN.skip);

    // Generating again skips the days that already have a session; reopening keeps the local times.
    const again = await c.call('attendance.generate', { pattern: PATTERN, dryRun: true });
    expect(again.sessions).toEqual([]);
    expect(again.skipped).toContainEqual({ date: '2026-11-04', reason: 'Election day' });
    expect(again.skipped).toContainEqual({ date: '2026-11-02', reason: 'a session already exists on that day' });
    c.reopen();
    expect((await c.call('attendance.sessions', {})).sessions[4]!.start).toBe('10:00');
  });

  it('adds, renames, moves and cancels a session, each one undo step', async () => {
    const c = await course();
    const added = await c.call('attendance.addSession', { date: '2026-11-13', start: '09:00', end: '10:00', title: 'Review' });
    const moved = await c.call('attendance.updateSession', {
      id: added.id,
      patch: { date: '2026-11-16', topic: '2.3 Data Quality and Validation' },
    });
    expect(moved).toMatchObject({ date: '2026-11-16', title: 'Review', topic: '2.3 Data Quality and Validation', start: '09:00' });
    const cancelled = await c.call('attendance.setCancelled', { id: added.id, cancelled: true });
    expect(cancelled).toMatchObject({ cancelled: true, state: 'cancelled', counted: false });
    expect((await c.call('history.undo', {})).label).toMatch(/^Cancel session "Review"/);
    expect((await c.call('history.undo', {})).label).toMatch(/^Move session "Review"/);
    expect((await c.call('attendance.sessions', {})).sessions.find((s) => s.id === added.id)).toMatchObject({ date: '2026-11-13' });

    const clash = await c.fail('attendance.addSession', { date: '2026-10-19', start: '10:00' });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toMatch(/already a session "Lecture 1" on Mon 19 Oct, 10:00 am EDT/);
    const times = await c.fail('attendance.addSession', { date: '2026-10-20', start: '11:00', end: '10:00' });
    expect(times.message).toMatch(/end time 10:00 is not after the start time 11:00/);
  });

  it('refuses to delete a session with marks unless confirmed; the delete and its marks are one undo step', async () => {
    const c = await course();
    const id = c.sessionOn('2026-10-19');
    await c.call('attendance.markAll', { sessionId: id });
    const before = c.fileBytes();
    const refused = await c.fail('attendance.deleteSession', { id });
    expect(refused).toMatchObject({ code: 'conflict', details: { marks: 8 } });
    expect(refused.message).toMatch(/has 8 marks\. Deleting it deletes them too; confirm/);
    expect(c.fileBytes().equals(before)).toBe(true);

    expect(await c.call('attendance.deleteSession', { id, confirm: true })).toEqual({ marks: 8 });
    expect((db(c).prepare('SELECT count(*) AS n FROM attendance_mark').get() as { n: number }).n).toBe(0);
    await c.call('history.undo', {});
    const row = (await c.call('attendance.register', { asOf: AFTER_TERM })).sessionTotals.find((t) => t.sessionId === id);
    expect(row?.counts.present).toBe(8);
  });
});

describe('marks', () => {
  it('every mark is in History and undoable; a bulk action is one step; undo survives reopening', async () => {
    const c = await course();
    const s1 = c.sessionOn('2026-10-19');
    const jose = c.student(JOSE);
    const all = await c.call('attendance.markAll', { sessionId: s1 });
    expect(all.changed).toBe(8);
    const one = await c.call('attendance.mark', { sessionId: s1, studentId: jose, mark: 'excused', reason: "Doctor's note" });
    expect(one.cells).toEqual([{ sessionId: s1, studentId: jose, mark: 'excused', reason: "Doctor's note" }]);
    const history = await c.call('history.list', {});
    expect(history.entries[0]).toMatchObject({
      entity: 'attendance_mark',
      label: expect.stringMatching(/^Mark excused: Núñez, José · session "Lecture 1"/),
    });

    c.reopen();
    const undone = await c.call('history.undo', {});
    expect(undone.label).toMatch(/^Mark excused/);
    const register = await c.call('attendance.register', { asOf: AFTER_TERM });
    const row = register.students.find((s) => s.studentId === jose)!;
    expect(row.marks[0]).toBe('present');
    expect((await c.call('history.undo', {})).label).toMatch(/^Mark everyone not yet marked present/);
    expect((await c.call('attendance.register', { asOf: AFTER_TERM })).sessionTotals[0]!.counts.unmarked).toBe(8);
  });

  it("a bulk mark for a large class answers each student's totals as the register counts them", async () => {
    const c = await course();
    const [s1, s2] = (await c.call('attendance.sessions', {})).sessions.map((s) => s.id) as [number, number];
    // Past the size where a student's marks are looked up one by one (the whole register is read).
    const roster = ['Student ID,Name', ...Array.from({ length: 250 }, (_, i) => `${900_000_000 + i},"Extra${i}, Pat"`)].join('\n');
    await c.call('excel.importRoster', { file: text('more.csv', roster) });
    const ids = (db(c).prepare('SELECT id FROM student ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    await c.call('attendance.markMany', {
      marks: ids.slice(0, 40).map((studentId, i) => ({ sessionId: s1, studentId, mark: i % 2 ? 'absent' : 'late' })),
    });
    const all = await c.call('attendance.markAll', { sessionId: s2 });
    expect(all.changed).toBe(258);
    const register = await c.call('attendance.register', {});
    const totals = new Map(register.students.map((s) => [s.studentId, s.totals]));
    expect(all.students).toHaveLength(258);
    for (const s of all.students) expect(s.totals).toEqual(totals.get(s.studentId));
    expect(new Set(all.students.map((s) => s.totals.counts.absent))).toEqual(new Set([0, 1]));
  });

  it('the register counts exactly as the grade does: rates, roll not taken, the Attendance % and the letter', async () => {
    const c = await course();
    const [s1, s2, s3] = ['2026-10-19', '2026-10-21', '2026-10-26'].map(c.sessionOn) as [number, number, number];
    const jose = c.student(JOSE);
    await c.call('attendance.markMany', {
      marks: [
        { sessionId: s1, studentId: jose, mark: 'present' },
        { sessionId: s2, studentId: jose, mark: 'late' },
        { sessionId: s3, studentId: jose, mark: 'absent' },
      ],
    });
    const register = await c.call('attendance.register', { asOf: AFTER_TERM });
    const row = register.students.find((s) => s.studentId === jose)!;
    expect(row.totals).toMatchObject({ earned: 1.5, possible: 3, rate: 50, display: '50.00', low: true, rollNotTaken: 4 });
    expect(row.totals.counts).toEqual({ present: 1, late: 1, absent: 1, excused: 0, unmarked: 4 });
    const grades = await c.call('grades.compute', { asOf: AFTER_TERM });
    const g = grades.students.find((s) => s.studentId === jose)!;
    expect(g.categories.find((x) => x.name === 'Attendance')!.current.display).toBe(row.totals.display);
    expect(g.flags).toContain('low-attendance');
    expect(register.sessionTotals[1]).toMatchObject({ counts: { late: 1, unmarked: 7 }, rate: 100 });

    const review = await c.call('attendance.student', { studentId: jose, asOf: AFTER_TERM });
    expect(review).toMatchObject({ attended: ['2026-10-19', '2026-10-21'], missed: ['2026-10-26'], lastAttended: '2026-10-21' });
    expect(review.sessions.map((s) => s.outcome)).toEqual(['present', 'late', 'absent', ...Array(4).fill('roll-not-taken')]);

    const klass = await c.call('attendance.class', { asOf: AFTER_TERM });
    expect(klass.below).toEqual([{ studentId: jose, name: 'Núñez, José', rate: 50, display: '50.00' }]);
    expect(klass.noRate).toBe(7);
    expect(klass.spread.find((b) => b.from === 50)!.count).toBe(1);
  });

  it('refuses a mark for an unknown session, a student not enrolled on that date, or a cancelled session, changing nothing', async () => {
    const c = await course();
    const s1 = c.sessionOn('2026-10-19');
    const eve = c.student(EVE);
    await c.call('student.setWithdrawn', { id: eve, withdrawn: true });
    // Withdrawn today: a later session is refused, an earlier one still takes her mark.
    const later = await c.call('attendance.addSession', { date: '2027-01-12', start: '10:00' });
    await c.call('attendance.mark', { sessionId: c.sessionOn('2026-11-11'), studentId: eve, mark: 'absent' });
    const before = c.fileBytes();
    const unknown = await c.fail('attendance.mark', { sessionId: 9999, studentId: eve, mark: 'present' });
    expect(unknown).toMatchObject({ code: 'not_found', message: 'There is no session with id 9999 in this course. Nothing was changed.' });
    const gone = await c.fail('attendance.markMany', {
      marks: [
        { sessionId: later.id, studentId: eve, mark: 'present' },
        { sessionId: s1, studentId: c.student(JOSE), mark: 'present' },
      ],
    });
    expect(gone.code).toBe('validation_failed');
    expect(c.fileBytes().equals(before)).toBe(true);
    expect(gone.message).toMatch(
      /^"?=HYPERLINK.*, Eve was not enrolled on 2027-01-12 \(withdrawn on \d{4}-\d{2}-\d{2}\); marks are taken for enrolled students only\. Nothing was changed\.$/,
    );
    await c.call('attendance.setCancelled', { id: s1, cancelled: true });
    const afterCancel = c.fileBytes();
    const cancelled = await c.fail('attendance.mark', { sessionId: s1, studentId: c.student(JOSE), mark: 'present' });
    expect(cancelled.message).toMatch(/is cancelled; uncancel it before taking its roll/);
    expect(c.fileBytes().equals(afterCancel)).toBe(true);
    const reason = await c.fail('attendance.mark', { sessionId: s1, studentId: c.student(JOSE), mark: 'present', reason: 'x' });
    expect(reason.message).toMatch(/a reason goes with an excused mark only/);
  });
});

describe('imports', () => {
  it('a sign-in sheet saved by LibreOffice: P/L/A/E, 1/0, x and blank; dry run first, then one undo step', async () => {
    const c = await course();
    const before = c.fileBytes();
    const preview = await c.call('attendance.import', { file: file('attendance-sign-in-libreoffice.xlsx'), dryRun: true });
    expect(c.fileBytes().equals(before)).toBe(true);
    expect(preview).toMatchObject({ kind: 'sign-in', applied: false, problems: [], counts: { set: 16, cleared: 0, unchanged: 0 } });
    const siobhan = preview.marks.filter((m) => m.studentId === c.student(SIOBHAN)).map((m) => m.to);
    expect(siobhan).toEqual(['present', 'present', 'absent']);

    const done = await c.call('attendance.import', { file: file('attendance-sign-in-libreoffice.xlsx') });
    expect(done.applied).toBe(true);
    expect(done.backup).toBeTruthy();
    const register = await c.call('attendance.register', { asOf: AFTER_TERM });
    const jose = register.students.find((s) => s.registrarId === JOSE)!;
    expect(jose.marks.slice(0, 3)).toEqual(['present', 'present', 'late']);
    expect((await c.call('history.undo', {})).label).toBe('Import attendance from a sign-in sheet (16 marks)');
    expect((await c.call('attendance.register', {})).sessionTotals[0]!.counts.unmarked).toBe(8);
  });

  it('a sign-in sheet with an unknown student, an unknown code and a date outside the term is refused whole', async () => {
    const c = await course();
    const before = c.fileBytes();
    const bad = text(
      'sign-in.csv',
      `Email,2026-10-19,2026-12-25\nj.nunez@northeastern.example,P,P\nnobody@x.example,P,\ns.obrien@northeastern.example,Q,\n`,
    );
    const refused = await c.fail('attendance.import', { file: bad });
    expect(refused.code).toBe('validation_failed');
    const problems = (refused.details as { problems: { row: number; column: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'C'],
      [3, 'A'],
      [4, 'B'],
    ]);
    expect(problems[0]!.message).toBe(
      'There is no session on 2026-12-25 (the sessions run from 2026-10-19 to 2026-11-11). Add that session or remove the column.',
    );
    expect(problems[1]!.message).toBe('No enrolled student has the email nobody@x.example. Add the student or remove the row.');
    expect(problems[2]!.message).toBe("'Q' is not an attendance code. Use P, L, A or E (or 1/0, x/blank).");
    expect(c.fileBytes().equals(before)).toBe(true);
  });

  it('a Zoom participant report: present, late by the threshold, absent below the minimum, everyone missing absent, guests listed', async () => {
    const c = await course();
    const session = c.sessionOn('2026-11-02');
    const eve = c.student(EVE);
    await c.call('attendance.mark', { sessionId: session, studentId: eve, mark: 'excused', reason: 'Conference' });
    const report = await c.call('attendance.import', { file: file('attendance-zoom-participants.csv'), dryRun: true });
    expect(report.kind).toBe('meeting');
    expect(report.meeting).toMatchObject({ date: '2026-11-02', sessionId: session });
    const to = Object.fromEntries(report.marks.map((m) => [m.name, [m.to, m.why]]));
    expect(to).toEqual({
      'Núñez, José': ['present', 'in the meeting 77 min'],
      "O'Brien, Siobhán": ['late', 'joined 14 min late'],
      'Zhang, Wěi': ['present', 'in the meeting 74 min'],
      'Müller-Lüdenscheidt, Anna': ['absent', 'in the meeting 13 min (minimum 30)'],
      'Okonkwo, Chidi': ['present', 'in the meeting 68 min'],
      'Pérez García, María José': ['present', 'in the meeting 76 min'],
      'Smith, John': ['absent', 'not in the report'],
    });
    expect(report.meeting!.notInReport.map((s) => s.name)).toEqual(['=HYPERLINK("http://x"), Eve', 'Smith, John'].sort());
    expect(report.meeting!.unmatched.map((u) => u.name)).toEqual(['Dana Rivera', 'Guest Speaker']);
    expect(report.counts).toEqual({ set: 7, cleared: 0, unchanged: 1 }); // Eve stays excused

    const done = await c.call('attendance.import', { file: file('attendance-zoom-participants.csv'), lateAfterMinutes: 15 });
    expect(done.applied).toBe(true);
    expect(done.marks.find((m) => m.name === "O'Brien, Siobhán")?.to).toBe('present');
  });

  it('a Teams attendance report in UTF-16 with tabs, matched by email then name', async () => {
    const c = await course();
    const report = await c.call('attendance.import', { file: file('attendance-teams-report.csv') });
    expect(report).toMatchObject({ kind: 'meeting', applied: true, meeting: { date: '2026-10-28', sessionId: c.sessionOn('2026-10-28') } });
    const to = Object.fromEntries(report.marks.map((m) => [m.name, m.to]));
    expect(to).toMatchObject({
      'Núñez, José': 'present',
      "O'Brien, Siobhán": 'present',
      'Zhang, Wěi': 'late',
      'Smith, John': 'absent',
      'Müller-Lüdenscheidt, Anna': 'absent',
      'Pérez García, María José': 'present',
      'Okonkwo, Chidi': 'present',
    });
    expect(report.meeting!.unmatched).toEqual([{ row: 11, name: 'Rivera, Dana', email: 'prof.rivera@northeastern.example' }]);
  });

  it('a meeting report for a day without a session changes nothing', async () => {
    const c = newCourse('ie7374');
    await c.call('excel.importRoster', { file: file('class-list.csv') });
    const before = c.fileBytes();
    const refused = await c.fail('attendance.import', { file: file('attendance-teams-report.csv') });
    expect(refused.message).toMatch(/There is no session on the meeting's date, 2026-10-28\. Add the session/);
    expect(c.fileBytes().equals(before)).toBe(true);
  });
});

describe('export, policy preview and the registrar', () => {
  it('exports the register as CSV that reads back as a sign-in sheet', async () => {
    const c = await course();
    await c.call('attendance.import', { file: file('attendance-sign-in-libreoffice.xlsx') });
    await c.call('attendance.setCancelled', { id: c.sessionOn('2026-11-11'), cancelled: true });
    const out = await c.call('attendance.export', { format: 'csv', asOf: AFTER_TERM });
    expect(out.name).toBe('IE-7374-attendance.csv');
    const lines = Buffer.from(out.data, 'base64')
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'Student ID,Name,Section,2026-10-19 10:00–11:15 Lecture 1,2026-10-21 10:00–11:15 Lecture 2,2026-10-26 10:00–11:15 Lecture 3,' +
        '2026-10-28 10:00–11:15 Lecture 4,2026-11-02 10:00–11:15 Lecture 5,2026-11-09 10:00–11:15 Lecture 6,' +
        '2026-11-11 10:00–11:15 Lecture 7 · cancelled,Present,Late,Absent,Excused,Not marked,Rate %',
    );
    expect(lines).toContain('001234567,"Núñez, José",01,P,P,L,,,,,2,1,0,0,3,83.33');
    const xlsx = await c.call('attendance.export', { format: 'xlsx' });
    expect(Buffer.from(xlsx.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    // The exported file imports back unchanged.
    const back = await c.call('attendance.import', { file: { name: 'back.csv', data: out.data }, dryRun: true });
    expect(back).toMatchObject({ problems: [], counts: { set: 0, unchanged: 16 } });
  });

  it('the full workbook carries session times, topics, notes, cancellations and excused reasons into a new course', async () => {
    const c = await course();
    const s1 = c.sessionOn('2026-10-19');
    await c.call('attendance.updateSession', { id: s1, patch: { topic: '1 Scoping', note: 'Room 210' } });
    await c.call('attendance.setCancelled', { id: c.sessionOn('2026-11-11'), cancelled: true });
    await c.call('attendance.mark', { sessionId: s1, studentId: c.student(JOSE), mark: 'excused', reason: "Doctor's note" });
    const workbook = await c.call('excel.exportWorkbook', {});
    const before = await c.call('attendance.register', { asOf: AFTER_TERM });
    const target = newCourse('blank');
    await target.call('excel.importWorkbook', { file: { name: 'w.xlsx', data: workbook.data } });
    const after = await target.call('attendance.register', { asOf: AFTER_TERM });
    expect(after.sessions).toEqual(before.sessions);
    expect(after.reasons).toEqual(before.reasons);
    expect(after.students.map((s) => s.totals)).toEqual(before.students.map((s) => s.totals));
  });

  it('previews how many final letters a rule change would change, without saving', async () => {
    const c = newCourse('ie7374', { demo: true });
    const summary = await c.call('course.summary', {});
    const categories = summary.categories.map(({ id, name, weight, dropLowest, dropHighest, equalWeightItems, kind }) => ({
      id,
      name,
      weight,
      dropLowest,
      dropHighest,
      equalWeightItems,
      kind,
    }));
    const before = c.fileBytes();
    const same = await c.call('policy.preview', { policy: summary.policy, categories });
    expect(same).toEqual({ students: 40, changed: [] });
    const harsh = { ...summary.policy, attendance: { ...summary.policy.attendance, late: 0, unmarked: 'absent' as const } };
    const reweighted = categories.map((x) =>
      x.kind === 'attendance' ? { ...x, weight: 45 } : x.name === 'Final project' ? { ...x, weight: 20 } : x,
    );
    const preview = await c.call('policy.preview', { policy: harsh, categories: reweighted });
    expect(preview.changed.length).toBeGreaterThan(0);
    expect(preview.changed[0]).toMatchObject({ name: expect.any(String), from: expect.any(String) });
    expect(c.fileBytes().equals(before)).toBe(true);
  });

  it('the registrar file carries the last attended date for an F (a cancelled session does not count)', async () => {
    const c = await course();
    const smith = c.student('005678901');
    await c.call('attendance.markMany', {
      marks: [
        { sessionId: c.sessionOn('2026-10-19'), studentId: smith, mark: 'late' },
        { sessionId: c.sessionOn('2026-10-21'), studentId: smith, mark: 'present' },
        { sessionId: c.sessionOn('2026-10-26'), studentId: smith, mark: 'absent' },
      ],
    });
    await c.call('attendance.setCancelled', { id: c.sessionOn('2026-10-21'), cancelled: true });
    const pre = await c.call('excel.registrarPreflight', { profile: 'banner', termCode: '202610', crn: '12345' });
    expect(pre.rows.find((r) => r.studentId === smith)).toMatchObject({ letter: 'F', lastAttendDate: '2026-10-19' });
  });
});
