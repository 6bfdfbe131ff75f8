import { describe, expect, it } from 'vitest';
import type { AttendanceTotals, Register, RegisterStudent, SessionRow } from '@shared/api';
import {
  defaultSession,
  filterChoices,
  filterStudents,
  markCell,
  moveCursor,
  NO_FILTER,
  parseMark,
  pasteMarks,
  problemSummary,
  ratePercent,
  rollAction,
  withMarks,
} from '@shared/screens/attendance';
import { clockText, formatDay } from '@shared/time/format';

const totals = (low: boolean): AttendanceTotals => ({
  counts: { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0 },
  rollNotTaken: 0,
  forgiven: 0,
  earned: 0,
  possible: 0,
  rate: null,
  display: null,
  low,
});

const student = (id: number, name: string, over: Partial<RegisterStudent> = {}): RegisterStudent => ({
  studentId: id,
  registrarId: `00${id}`,
  name,
  preferredName: null,
  section: null,
  team: null,
  marks: [],
  totals: totals(false),
  ...over,
});

const session = (id: number, date: string, over: Partial<SessionRow> = {}): SessionRow => ({
  id,
  date,
  title: null,
  start: '09:50',
  end: '11:30',
  topic: null,
  note: null,
  cancelled: false,
  startsAt: `${date}T13:50:00.000Z`,
  state: 'held',
  counts: { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0 },
  counted: true,
  ...over,
});

describe('parseMark', () => {
  it.each([
    ['P', 'present'],
    ['p', 'present'],
    [' present ', 'present'],
    ['1', 'present'],
    ['x', 'present'],
    ['X', 'present'],
    ['L', 'late'],
    ['A', 'absent'],
    ['0', 'absent'],
    ['E', 'excused'],
    ['Excused', 'excused'],
  ])('reads %j as %s', (text, mark) => {
    expect(parseMark(text)).toEqual({ ok: true, mark });
  });

  it('reads a blank as clearing the mark', () => {
    expect(parseMark('  ')).toEqual({ ok: true, mark: null });
  });

  it('names what it cannot read and what to type instead', () => {
    const r = parseMark('here');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^'here' is not a mark\. Use P \(present\), L \(late\)/);
  });
});

describe('the roll keyboard', () => {
  it('marks with one key, either case', () => {
    expect(rollAction('p')).toEqual({ kind: 'mark', mark: 'present' });
    expect(rollAction('L')).toEqual({ kind: 'mark', mark: 'late' });
    expect(rollAction('a')).toEqual({ kind: 'mark', mark: 'absent' });
    expect(rollAction('e')).toEqual({ kind: 'mark', mark: 'excused' });
  });

  it('asks for a reason on Shift+E and leaves Ctrl shortcuts (undo, find) alone', () => {
    expect(rollAction('E', { shift: true })).toEqual({ kind: 'reason' });
    expect(rollAction('z', { ctrl: true })).toBeNull();
    expect(rollAction('q')).toBeNull();
  });

  it('moves with arrows, Enter and Tab (Shift goes back), Home and End', () => {
    expect(rollAction('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(rollAction('ArrowUp')).toEqual({ kind: 'move', by: -1 });
    expect(rollAction('Enter')).toEqual({ kind: 'move', by: 1 });
    expect(rollAction('Enter', { shift: true })).toEqual({ kind: 'move', by: -1 });
    expect(moveCursor(3, rollAction('Home')!.kind === 'move' ? -Infinity : 0, 10)).toBe(0);
    expect(moveCursor(3, Infinity, 10)).toBe(9);
    expect(rollAction('Delete')).toEqual({ kind: 'clear' });
  });

  it('keeps the cursor on the list', () => {
    expect(moveCursor(0, -1, 5)).toBe(0);
    expect(moveCursor(4, 1, 5)).toBe(4);
    expect(moveCursor(0, 1, 0)).toBe(0);
  });
});

describe('defaultSession', () => {
  const sessions = [
    session(1, '2026-09-08', { startsAt: '2026-09-08T13:50:00.000Z' }),
    session(2, '2026-09-10', { startsAt: '2026-09-10T13:50:00.000Z', cancelled: true, state: 'cancelled' }),
    session(3, '2026-09-15', { startsAt: '2026-09-15T13:50:00.000Z', state: 'upcoming' }),
  ];
  it("takes today's session", () => {
    expect(defaultSession(sessions, '2026-09-15', '2026-09-15T08:00:00.000Z')?.id).toBe(3);
  });
  it('else the last one started, skipping a cancelled one', () => {
    expect(defaultSession(sessions, '2026-09-11', '2026-09-11T08:00:00.000Z')?.id).toBe(1);
  });
  it('else the first, and nothing without sessions', () => {
    expect(defaultSession(sessions, '2026-08-01', '2026-08-01T08:00:00.000Z')?.id).toBe(1);
    expect(defaultSession([], '2026-08-01', '2026-08-01T08:00:00.000Z')).toBeNull();
  });
});

describe('register filters', () => {
  const students = [
    student(1, 'Núñez, José', { section: '02', team: 'Team 10' }),
    student(2, 'Adams, Ann', { section: '01', team: 'Team 2', totals: totals(true) }),
    student(3, 'Baker, Bo (Bobby)', { section: '01', team: null }),
  ];
  it('filters by section, team, the engine’s low flag and a search by name or ID', () => {
    expect(filterStudents(students, { ...NO_FILTER, section: '01' }).map((s) => s.studentId)).toEqual([2, 3]);
    expect(filterStudents(students, { ...NO_FILTER, team: 'Team 10' }).map((s) => s.studentId)).toEqual([1]);
    expect(filterStudents(students, { ...NO_FILTER, below: true }).map((s) => s.studentId)).toEqual([2]);
    expect(filterStudents(students, { ...NO_FILTER, search: 'jose nunez' }).map((s) => s.studentId)).toEqual([1]);
    expect(filterStudents(students, { ...NO_FILTER, search: 'bobby' }).map((s) => s.studentId)).toEqual([3]);
    expect(filterStudents(students, { ...NO_FILTER, search: '002' }).map((s) => s.studentId)).toEqual([2]);
    expect(filterStudents(students, NO_FILTER)).toHaveLength(3);
  });
  it('offers each section and team once, in a person’s order', () => {
    expect(filterChoices(students)).toEqual({ sections: ['01', '02'], teams: ['Team 2', 'Team 10'] });
  });
});

describe('markCell', () => {
  it('shows the letter with the word as its title, never colour alone', () => {
    expect(markCell('late', { state: 'held' })).toEqual({ text: 'L', title: 'Late', tone: 'late' });
    expect(markCell('excused', { state: 'held' }, 'doctor’s note')).toEqual({
      text: 'E',
      title: 'Excused: doctor’s note',
      tone: 'excused',
    });
  });
  it('says the roll was not taken instead of showing an absence', () => {
    expect(markCell(null, { state: 'roll-not-taken' })).toEqual({ text: '?', title: 'Roll not taken', tone: 'roll-not-taken' });
    expect(markCell(null, { state: 'held' }).title).toBe('Not marked yet');
    expect(markCell(null, { state: 'upcoming' }).text).toBe('');
  });
  it('says a session was cancelled, even where a mark is kept', () => {
    expect(markCell('absent', { state: 'cancelled' })).toMatchObject({
      text: 'A',
      tone: 'cancelled',
      title: 'Session cancelled: counts for nobody',
    });
  });
});

describe('pasteMarks', () => {
  const students = [student(11, 'Adams, Ann'), student(12, 'Baker, Bo'), student(13, 'Chen, Cy')];
  const sessions = [session(21, '2026-09-08'), session(22, '2026-09-10', { title: 'Session 2' })];

  it('turns a pasted column into one edit per cell, blank clearing', () => {
    const r = pasteMarks([['P'], ['a'], ['']], { top: 0, bottom: 0, left: 1, right: 1 }, students, sessions);
    expect(r).toEqual({
      ok: true,
      clipped: false,
      edits: [
        { sessionId: 22, studentId: 11, mark: 'present' },
        { sessionId: 22, studentId: 12, mark: 'absent' },
        { sessionId: 22, studentId: 13, mark: null },
      ],
    });
  });

  it('fills a selection with a single value and says when a block was clipped', () => {
    const fill = pasteMarks([['L']], { top: 0, bottom: 2, left: 0, right: 0 }, students, sessions);
    expect(fill.ok && fill.edits.map((e) => e.mark)).toEqual(['late', 'late', 'late']);
    const clipped = pasteMarks([['P', 'P', 'P']], { top: 2, bottom: 2, left: 0, right: 0 }, students, sessions);
    expect(clipped.ok && clipped.clipped).toBe(true);
    expect(clipped.ok && clipped.edits).toHaveLength(2);
  });

  it('refuses the whole block, naming every bad cell by row, student and session', () => {
    const r = pasteMarks([['P'], ['maybe'], ['2']], { top: 0, bottom: 0, left: 1, right: 1 }, students, sessions);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(2);
    expect(r.problems[0]).toMatch(/^Row 2 \(Baker, Bo\), session Thu 10 Sep \(Session 2\): 'maybe' is not a mark/);
    expect(r.problems[1]).toMatch(/^Row 3 \(Chen, Cy\)/);
    expect(problemSummary(r.problems)).toMatch(/^Nothing was changed\. Row 2/);
    expect(problemSummary(['a', 'b', 'c', 'd', 'e'])).toBe('Nothing was changed. a b c (and 2 more)');
  });
});

describe('formatDay', () => {
  it('names the weekday of a calendar date whatever the machine’s zone', () => {
    expect(formatDay('2026-09-08')).toBe('Tue 8 Sep');
    expect(formatDay('2026-11-01')).toBe('Sun 1 Nov');
  });
});

describe('ratePercent', () => {
  it('shows a rate with its percent sign once', () => {
    expect(ratePercent('87.50')).toBe('87.50%');
    expect(ratePercent('87.50%')).toBe('87.50%');
  });
});

describe('withMarks', () => {
  const register: Register = {
    asOf: '2026-09-20T00:00:00.000Z',
    sessions: [session(21, '2026-09-08'), session(22, '2026-09-10')],
    students: [student(11, 'Adams, Ann', { marks: ['present', 'excused'] }), student(12, 'Baker, Bo', { marks: [null, null] })],
    sessionTotals: [],
    reasons: [{ sessionId: 22, studentId: 11, reason: 'flu' }],
    threshold: 80,
  };

  it('puts written and cleared marks and the engine’s totals in, leaving other students as they were', () => {
    const next = withMarks(register, {
      cells: [{ sessionId: 21, studentId: 12, mark: 'late', reason: null }],
      cleared: [{ sessionId: 22, studentId: 11 }],
      changed: 2,
      students: [{ studentId: 12, totals: { ...totals(true), rate: 50, display: '50.00' } }],
    });
    expect(next.students[1]!.marks).toEqual(['late', null]);
    expect(next.students[1]!.totals.display).toBe('50.00');
    expect(next.students[0]!.marks).toEqual(['present', null]);
    expect(next.reasons).toEqual([]);
    expect(register.students[0]!.marks).toEqual(['present', 'excused']);
    const untouched = withMarks(register, {
      cells: [{ sessionId: 21, studentId: 12, mark: 'excused', reason: 'doctor' }],
      cleared: [],
      changed: 1,
      students: [],
    });
    expect(untouched.students[0]).toBe(register.students[0]);
    expect(untouched.reasons).toContainEqual({ sessionId: 21, studentId: 12, reason: 'doctor' });
  });
});

describe('clockText', () => {
  it.each([
    ['00:05', '12:05 am'],
    ['09:50', '9:50 am'],
    ['12:00', '12:00 pm'],
    ['23:59', '11:59 pm'],
  ])('writes %s as %s', (t, text) => expect(clockText(t)).toBe(text));
});
