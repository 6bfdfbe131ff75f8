/**
 * Attendance marks and what they add up to. Marks are written through the change tracker (one
 * undo step per request, every mark in History); the totals, reviews and register are counted
 * by shared/grading/attendance.ts, the same code the grade uses.
 */
import type {
  AttendanceTotals as TotalsView,
  ClassReview,
  MarkEdit,
  MarkResult,
  Register,
  SessionTotals,
  StudentReview,
} from '@shared/api/attendance';
import { ApiError } from '@shared/api/envelope';
import {
  ABSENCE_RUN_FLAG,
  type PreparedAttendance,
  attendanceTotals,
  isCounted,
  isLowAttendance,
  lastAttendedIndex,
  longestAbsenceRun,
  prepareAttendance,
  rateDisplay,
  sessionLabel,
  sessionOutcomes,
} from '@shared/grading/attendance';
import { zoneOffsetMs } from '@shared/grading/deadline';
import { SCALE } from '@shared/grading/exact';
import { legalName, studentName, type AttendanceMark, type AttendanceSession, type Policy, type Student } from '@shared/model';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { readCourseRow, toStudent } from '../db/rows';
import { listSessions, readSessions } from './sessions';
import { plural } from '@shared/text/words';
import type { Row } from '../changes/tables';

type Marks = (AttendanceMark | undefined)[];

/** Everything the counting needs, read once: policy, sessions in engine order, marks by student. */
interface Loaded {
  policy: Policy;
  sessions: AttendanceSession[];
  prep: PreparedAttendance;
  marks: Map<number, Marks>;
  reasons: { sessionId: number; studentId: number; reason: string }[];
}

/** Up to this many students' marks are looked up by student; more are read with the whole register. */
const FEW_STUDENTS = 200;

function load(db: Db, studentIds?: readonly number[]): Loaded {
  const { policy } = readCourseRow(db);
  const sessions = readSessions(db);
  const index = new Map(sessions.map((s, i) => [s.id, i]));
  // Raw rows (arrays, not objects), one at a time: a whole register is 120,000 of them. Many
  // students (a session marked for everyone) are read as the whole table: the IN over a JSON list
  // costs more than the rows it skips.
  const columns = 'SELECT session_id, student_id, mark, note FROM attendance_mark';
  const few = studentIds && studentIds.length <= FEW_STUDENTS;
  const wanted = studentIds && !few ? new Set(studentIds) : null;
  const rows = (
    few
      ? db.prepare(`${columns} WHERE student_id IN (SELECT value FROM json_each(?))`).raw().iterate(JSON.stringify(studentIds))
      : db.prepare(columns).raw().iterate()
  ) as IterableIterator<[number, number, AttendanceMark, string | null]>;
  const marks = new Map<number, Marks>();
  const reasons: Loaded['reasons'] = [];
  for (const [sessionId, studentId, mark, note] of rows) {
    if (wanted && !wanted.has(studentId)) continue;
    let m = marks.get(studentId);
    if (!m) marks.set(studentId, (m = new Array(sessions.length).fill(undefined)));
    m[index.get(sessionId)!] = mark;
    if (mark === 'excused' && note) reasons.push({ sessionId, studentId, reason: note });
  }
  return { policy, sessions, prep: prepareAttendance(policy.attendance, sessions, policy.timeZone), marks, reasons };
}

const marksOf = (l: Loaded, studentId: number): Marks => l.marks.get(studentId) ?? new Array(l.sessions.length).fill(undefined);

function totalsView(marks: Marks, l: Loaded, asOf: number): TotalsView {
  const t = attendanceTotals(marks, l.prep, asOf);
  return {
    counts: { ...t.marks },
    rollNotTaken: t.outcomes['roll-not-taken'],
    forgiven: t.outcomes.forgiven,
    earned: t.earned / SCALE,
    possible: t.sessions,
    rate: t.possible > 0 ? (100 * t.earned) / t.possible : null,
    display: rateDisplay(t),
    low: isLowAttendance(t, l.policy.attendance),
  };
}

function enrolledStudents(db: Db): Student[] {
  return (db.prepare("SELECT * FROM student WHERE status = 'enrolled' ORDER BY last_name, first_name, id").all() as Row[]).map(toStudent);
}

/**
 * The day a withdrawn student left: the date of the change that withdrew them (from the audit
 * history), in the course's time zone. Marks are refused for sessions from that day on; null when there is no record of it.
 */
function withdrawnOn(db: Db, studentId: number, timeZone: string): string | null {
  const row = db
    .prepare(
      `SELECT at FROM audit WHERE entity = 'student' AND entity_key = ? AND json_extract(after_json, '$.status') = 'withdrawn'
       ORDER BY id DESC LIMIT 1`,
    )
    .get(JSON.stringify({ id: studentId })) as { at: string } | undefined;
  if (!row) return null;
  const t = Date.parse(row.at);
  return new Date(t + zoneOffsetMs(timeZone, t)).toISOString().slice(0, 10);
}

const MARK_WORD: Record<AttendanceMark, string> = { present: 'present', late: 'late', absent: 'absent', excused: 'excused' };

/**
 * Checks every edit before anything is written: the session exists and is not cancelled, the
 * student exists and was enrolled on the session's date. Refuses the whole request with every
 * problem listed.
 */
function checkEdits(db: Db, edits: readonly MarkEdit[], timeZone: string): Map<number, AttendanceSession> {
  const sessions = new Map(readSessions(db).map((s) => [s.id, s]));
  const ids = JSON.stringify([...new Set(edits.map((e) => e.studentId))]);
  const students = new Map(
    (db.prepare('SELECT * FROM student WHERE id IN (SELECT value FROM json_each(?))').all(ids) as Row[]).map((r) => [r.id as number, r]),
  );
  const problems: string[] = [];
  let missing = false;
  for (const e of edits) {
    const session = sessions.get(e.sessionId);
    const student = students.get(e.studentId);
    if (!session) {
      missing = true;
      problems.push(`There is no session with id ${e.sessionId} in this course.`);
      continue;
    }
    if (!student) {
      missing = true;
      problems.push(`There is no student with id ${e.studentId} in this course.`);
      continue;
    }
    if (session.cancelled && e.mark !== null) {
      problems.push(`The ${sessionLabel(session, timeZone)} is cancelled; uncancel it before taking its roll.`);
    } else if (student.status === 'withdrawn') {
      const left = withdrawnOn(db, e.studentId, timeZone);
      if (left === null || session.date >= left) {
        problems.push(
          `${legalName(toStudent(student))} was not enrolled on ${session.date} (withdrawn${left ? ` on ${left}` : ''}); marks are taken for enrolled students only.`,
        );
      }
    }
  }
  if (problems.length > 0) {
    const unique = [...new Set(problems)];
    const head =
      unique.length === 1
        ? unique[0]!
        : `${plural(unique.length, 'mark')} cannot be set: ${unique.slice(0, 3).join(' ')}${unique.length > 3 ? ' …' : ''}`;
    throw new ApiError(missing ? 'not_found' : 'validation_failed', `${head} Nothing was changed.`, unique);
  }
  return sessions;
}

/** Writes marks as one undo step (null clears); unchanged marks are not recorded. */
export function applyMarks(db: Db, edits: readonly MarkEdit[], label?: string): MarkResult {
  const { policy } = readCourseRow(db);
  const sessions = checkEdits(db, edits, policy.timeZone);
  const last = new Map<string, MarkEdit>();
  for (const e of edits) last.set(`${e.sessionId}:${e.studentId}`, e);
  const unique = [...last.values()];
  const first = unique[0]!;
  const title =
    label ??
    (unique.length === 1
      ? `${first.mark === null ? 'Clear mark of' : `Mark ${MARK_WORD[first.mark]}:`} ${legalName(toStudent(db.prepare('SELECT * FROM student WHERE id = ?').get(first.studentId) as Row))} · ${sessionLabel(sessions.get(first.sessionId)!, policy.timeZone)}`
      : `Set ${plural(unique.length, 'attendance mark')}`);
  const now = new Date().toISOString();
  const cells: MarkResult['cells'] = [];
  const cleared: MarkResult['cleared'] = [];
  const changed = change(db, title, (cs) => {
    for (const e of unique) {
      const key = { session_id: e.sessionId, student_id: e.studentId };
      if (e.mark === null) {
        cs.put('attendance_mark', key, null);
        cleared.push({ sessionId: e.sessionId, studentId: e.studentId });
        continue;
      }
      // An excused mark keeps its reason unless a new one is given; other marks carry none.
      const keep = e.mark === 'excused' && e.reason === undefined ? cs.get('attendance_mark', key) : undefined;
      const note =
        e.mark !== 'excused'
          ? null
          : e.reason !== undefined
            ? (e.reason ?? null)
            : keep?.mark === 'excused'
              ? (keep.note as string | null)
              : null;
      cs.put('attendance_mark', key, { mark: e.mark, note, updated_at: now });
      cells.push({ sessionId: e.sessionId, studentId: e.studentId, mark: e.mark, reason: note });
    }
    return cs.size;
  });
  const studentIds = [...new Set(unique.map((e) => e.studentId))];
  const l = load(db, studentIds);
  const asOf = Date.now();
  return { cells, cleared, changed, students: studentIds.map((id) => ({ studentId: id, totals: totalsView(marksOf(l, id), l, asOf) })) };
}

/** Every enrolled student gets `mark` in one session (only those without a mark unless `overwrite`). */
export function markAll(db: Db, sessionId: number, mark: AttendanceMark, overwrite = false): MarkResult {
  const { policy } = readCourseRow(db);
  const session = readSessions(db).find((s) => s.id === sessionId);
  if (!session)
    throw new ApiError('not_found', `There is no session with id ${sessionId} in this course. Reload the sessions and try again.`);
  const marked = new Set(
    (db.prepare('SELECT student_id FROM attendance_mark WHERE session_id = ?').all(sessionId) as { student_id: number }[]).map(
      (r) => r.student_id,
    ),
  );
  const edits = enrolledStudents(db)
    .filter((s) => overwrite || !marked.has(s.id))
    .map((s): MarkEdit => ({ sessionId, studentId: s.id, mark }));
  if (edits.length === 0) return { cells: [], cleared: [], changed: 0, students: [] };
  const who = overwrite ? 'everyone' : 'everyone not yet marked';
  return applyMarks(db, edits, `Mark ${who} ${MARK_WORD[mark]} · ${sessionLabel(session, policy.timeZone)}`);
}

function currentTeams(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT m.student_id, t.name FROM team_member m JOIN team t ON t.id = m.team_id WHERE m.to_at IS NULL').all() as {
    student_id: number;
    name: string;
  }[];
  return new Map(rows.map((r) => [r.student_id, r.name]));
}

function sessionTotals(l: Loaded, students: readonly Student[]): SessionTotals[] {
  return l.sessions.map((s, i) => {
    const counts = { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0 };
    for (const st of students) counts[marksOf(l, st.id)[i] ?? 'unmarked']++;
    const taken = counts.present + counts.late + counts.absent;
    return { sessionId: s.id, counts, rate: taken > 0 ? (100 * (counts.present + counts.late)) / taken : null };
  });
}

export function readRegister(db: Db, asOf = Date.now()): Register {
  const l = load(db);
  const students = enrolledStudents(db);
  const teams = currentTeams(db);
  return {
    asOf: new Date(asOf).toISOString(),
    sessions: listSessions(db, asOf).sessions,
    students: students.map((s) => {
      const marks = marksOf(l, s.id);
      return {
        studentId: s.id,
        registrarId: s.registrarId,
        name: studentName(s),
        preferredName: s.preferredName,
        section: s.section,
        team: teams.get(s.id) ?? null,
        marks: marks.map((m) => m ?? null),
        totals: totalsView(marks, l, asOf),
      };
    }),
    sessionTotals: sessionTotals(l, students),
    reasons: l.reasons,
    threshold: l.policy.attendance.lowThreshold,
  };
}

export function reviewStudent(db: Db, studentId: number, asOf = Date.now()): StudentReview {
  const row = db.prepare('SELECT * FROM student WHERE id = ?').get(studentId) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no student with id ${studentId} in this course.`);
  const l = load(db, [studentId]);
  const marks = marksOf(l, studentId);
  const outcomes = sessionOutcomes(marks, l.prep, asOf);
  const reason = new Map(l.reasons.map((r) => [r.sessionId, r.reason]));
  const run = longestAbsenceRun(outcomes);
  const last = lastAttendedIndex(outcomes);
  const datesWhere = (want: (o: (typeof outcomes)[number]) => boolean) =>
    l.sessions.filter((_, i) => want(outcomes[i]!)).map((s) => s.date);
  return {
    studentId,
    name: studentName(toStudent(row)),
    totals: totalsView(marks, l, asOf),
    sessions: l.sessions.map((s, i) => ({
      sessionId: s.id,
      date: s.date,
      start: s.start,
      title: s.title,
      topic: s.topic,
      mark: marks[i] ?? null,
      reason: reason.get(s.id) ?? null,
      outcome: outcomes[i]!,
      counted: isCounted(outcomes[i]!, l.prep),
    })),
    attended: datesWhere((o) => o === 'present' || o === 'late'),
    missed: datesWhere((o) => o === 'absent' || o === 'forgiven'),
    lastAttended: last < 0 ? null : l.sessions[last]!.date,
    longestAbsenceRun: run && { length: run.length, from: l.sessions[run.from]!.date, to: l.sessions[run.to]!.date },
    runFlagged: (run?.length ?? 0) >= ABSENCE_RUN_FLAG,
  };
}

/** Rate bins of 10 points; the last holds 90 to 100 inclusive. */
const BINS = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10 }));

export function reviewClass(db: Db, asOf = Date.now()): ClassReview {
  const register = readRegister(db, asOf);
  const spread = BINS.map((b) => ({ ...b, label: `${b.from}–${b.to}%`, count: 0 }));
  let noRate = 0;
  const below: ClassReview['below'] = [];
  for (const s of register.students) {
    const { rate, display, low } = s.totals;
    if (rate === null) {
      noRate++;
      continue;
    }
    spread[Math.min(9, Math.floor(rate / 10))]!.count++;
    if (low) below.push({ studentId: s.studentId, name: s.name, rate, display: display! });
  }
  below.sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name));
  const totals = new Map(register.sessionTotals.map((t) => [t.sessionId, t]));
  return {
    asOf: register.asOf,
    perSession: register.sessions
      .filter((s) => s.state === 'held' || s.state === 'roll-not-taken')
      .map((s) => ({ ...totals.get(s.id)!, date: s.date, title: s.title, state: s.state })),
    spread,
    noRate,
    below,
    threshold: register.threshold,
  };
}
