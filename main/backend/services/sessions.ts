/**
 * Class sessions: generated from the term's meeting pattern, added, edited, cancelled and
 * deleted, each as one undo step. Times are local wall-clock times in the course's time zone,
 * stored as text, so a DST change never moves a session (its instant is derived when read).
 */
import {
  type GenerateReport,
  type MeetingPattern,
  MeetingPattern as PatternSchema,
  type SessionFields,
  type SessionList,
  type SessionRow,
} from '@shared/api/attendance';
import { ApiError } from '@shared/api/envelope';
import { addCalendarDays } from '@shared/grading';
import { sessionLabel, sessionOrder, sessionStart } from '@shared/grading/attendance';
import type { AttendanceRule, AttendanceSession } from '@shared/model';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { fromSession, readCourseRow, toSession } from '../db/rows';
import { plural } from '@shared/text/words';
import type { Row } from '../changes/tables';

/** The setting that keeps the last meeting pattern, for the form's defaults. */
const PATTERN_KEY = 'attendance.pattern';

export function readSessions(db: Db): AttendanceSession[] {
  return sessionOrder((db.prepare('SELECT * FROM attendance_session').all() as Row[]).map(toSession));
}

export function requireSession(db: Db, id: number): AttendanceSession {
  const row = db.prepare('SELECT * FROM attendance_session WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no session with id ${id} in this course. Reload the sessions and try again.`);
  return toSession(row);
}

type Counts = SessionRow['counts'];

/** Counts of a session nobody is marked in yet. */
function noMarks(db: Db): Counts {
  const enrolled = (db.prepare("SELECT count(*) AS n FROM student WHERE status = 'enrolled'").get() as { n: number }).n;
  return { present: 0, late: 0, absent: 0, excused: 0, unmarked: enrolled };
}

/** Mark counts of enrolled students per session. */
function markCounts(db: Db): Map<number, Counts> {
  const rows = db
    .prepare(
      `SELECT m.session_id AS id, m.mark, count(*) AS n FROM attendance_mark m JOIN student s ON s.id = m.student_id
       WHERE s.status = 'enrolled' GROUP BY m.session_id, m.mark`,
    )
    .all() as { id: number; mark: keyof Counts; n: number }[];
  const out = new Map<number, Counts>();
  for (const r of rows) {
    let c = out.get(r.id);
    if (!c) out.set(r.id, (c = noMarks(db)));
    c[r.mark] += r.n;
    c.unmarked -= r.n;
  }
  return out;
}

/** A session as the screens list it, with where it stands for the grade as of `asOf` (ms). */
export function toSessionRow(s: AttendanceSession, counts: Counts, rule: AttendanceRule, timeZone: string, asOf: number): SessionRow {
  const startsAt = sessionStart(s, timeZone);
  const marked = counts.present + counts.late + counts.absent + counts.excused > 0;
  const state = s.cancelled ? 'cancelled' : startsAt > asOf ? 'upcoming' : marked ? 'held' : 'roll-not-taken';
  const counted =
    state === 'held' || (state === 'roll-not-taken' && rule.unmarked === 'absent') || (state === 'upcoming' && rule.scope === 'term');
  return { ...s, startsAt: new Date(startsAt).toISOString(), state, counts, counted };
}

export function listSessions(db: Db, asOf = Date.now()): SessionList {
  const { policy } = readCourseRow(db);
  const none = noMarks(db);
  const counts = markCounts(db);
  const stored = db.prepare('SELECT value_json FROM setting WHERE key = ?').get(PATTERN_KEY) as { value_json: string } | undefined;
  const pattern = stored ? PatternSchema.safeParse(JSON.parse(stored.value_json)) : null;
  return {
    sessions: readSessions(db).map((s) => toSessionRow(s, counts.get(s.id) ?? none, policy.attendance, policy.timeZone, asOf)),
    pattern: pattern?.success ? pattern.data : null,
    timeZone: policy.timeZone,
  };
}

export function sessionRow(db: Db, id: number, asOf = Date.now()): SessionRow {
  const row = listSessions(db, asOf).sessions.find((s) => s.id === id);
  if (!row) throw new Error(`session ${id} vanished`);
  return row;
}

/** ISO weekday (1 Monday ... 7 Sunday) of a calendar date. */
function weekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * The sessions a pattern gives: each chosen weekday from first to last, except skipped days and
 * days that already have a session. With `dryRun`, nothing is written.
 */
export function generateSessions(db: Db, input: MeetingPattern, dryRun = false): GenerateReport {
  const pattern = PatternSchema.parse(input);
  const existing = new Set(readSessions(db).map((s) => s.date));
  const sessions: Omit<AttendanceSession, 'id'>[] = [];
  const skipped: GenerateReport['skipped'] = [];
  const days = new Set(pattern.weekdays);
  for (let date = pattern.first; date <= pattern.last; date = addCalendarDays(date, 1)) {
    if (!days.has(weekday(date))) continue;
    const skip = pattern.skip.find((s) => date >= s.from && date <= (s.to ?? s.from));
    if (skip) skipped.push({ date, reason: skip.label ?? 'a day without class' });
    else if (existing.has(date)) skipped.push({ date, reason: 'a session already exists on that day' });
    else sessions.push({ date, title: null, start: pattern.start, end: pattern.end, topic: null, note: null, cancelled: false });
  }
  // "{n}" numbers a session among all the term's sessions, those already there included.
  const dates = [...existing, ...sessions.map((s) => s.date)].sort();
  for (const s of sessions) s.title = pattern.title?.replace('{n}', String(dates.indexOf(s.date) + 1)) || null;
  const { policy } = readCourseRow(db);
  const none = noMarks(db);
  const now = Date.now();
  if (dryRun || sessions.length === 0) {
    return {
      sessions: sessions.map((s) => toSessionRow({ ...s, id: 0 } as AttendanceSession, none, policy.attendance, policy.timeZone, now)),
      skipped,
      applied: false,
    };
  }
  const created = new Date().toISOString();
  const ids = change(db, `Generate ${plural(sessions.length, 'session')} from the meeting pattern`, (cs) => {
    cs.put('setting', { key: PATTERN_KEY }, { value_json: JSON.stringify(pattern) });
    return sessions.map((s) => cs.insert('attendance_session', { ...fromSession(s), created_at: created }));
  });
  const byId = new Map(listSessions(db, now).sessions.map((s) => [s.id, s]));
  return { sessions: ids.map((id) => byId.get(id)!), skipped, applied: true };
}

/** Two sessions at the same date and start would be one column twice in a sign-in sheet. */
function ensureSlotFree(db: Db, date: string, start: string | null, exceptId: number | null, timeZone: string): void {
  const other = readSessions(db).find((s) => s.id !== exceptId && s.date === date && s.start === start);
  if (other) {
    throw new ApiError(
      'conflict',
      `There is already a ${sessionLabel(other, timeZone)}. Choose another date or time, or edit that session.`,
    );
  }
}

function checkTimes(start: string | null, end: string | null): void {
  if (end !== null && start === null) throw new ApiError('validation_failed', 'A session with an end time needs a start time too.');
  if (start !== null && end !== null && end <= start) {
    throw new ApiError('validation_failed', `The end time ${end} is not after the start time ${start}. Fix one of them.`);
  }
}

export function addSession(db: Db, fields: SessionFields & { date: string }): SessionRow {
  const { policy } = readCourseRow(db);
  const s: Omit<AttendanceSession, 'id'> = {
    date: fields.date,
    start: fields.start ?? null,
    end: fields.end ?? null,
    title: fields.title || null,
    topic: fields.topic || null,
    note: fields.note || null,
    cancelled: false,
  };
  checkTimes(s.start, s.end);
  ensureSlotFree(db, s.date, s.start, null, policy.timeZone);
  const id = change(db, `Add ${sessionLabel(s, policy.timeZone)}`, (cs) =>
    cs.insert('attendance_session', { ...fromSession(s), created_at: new Date().toISOString() }),
  );
  return sessionRow(db, id);
}

export function updateSession(db: Db, id: number, patch: SessionFields): SessionRow {
  const { policy } = readCourseRow(db);
  const current = requireSession(db, id);
  const blank = (v: string | null | undefined, was: string | null) => (v === undefined ? was : v || null);
  const next: AttendanceSession = {
    ...current,
    date: patch.date ?? current.date,
    start: patch.start === undefined ? current.start : patch.start,
    end: patch.end === undefined ? current.end : patch.end,
    title: blank(patch.title, current.title),
    topic: blank(patch.topic, current.topic),
    note: blank(patch.note, current.note),
  };
  checkTimes(next.start, next.end);
  if (next.date !== current.date || next.start !== current.start) ensureSlotFree(db, next.date, next.start, id, policy.timeZone);
  const moved = next.date !== current.date || next.start !== current.start;
  const label = moved
    ? `Move ${sessionLabel(current, policy.timeZone)} to ${sessionLabel(next, policy.timeZone).replace(/^session.* on /, '')}`
    : `Edit ${sessionLabel(current, policy.timeZone)}`;
  change(db, label, (cs) => cs.put('attendance_session', { id }, fromSession(next)));
  return sessionRow(db, id);
}

export function setCancelled(db: Db, id: number, cancelled: boolean): SessionRow {
  const { policy } = readCourseRow(db);
  const s = requireSession(db, id);
  change(db, `${cancelled ? 'Cancel' : 'Uncancel'} ${sessionLabel(s, policy.timeZone)}`, (cs) =>
    cs.put('attendance_session', { id }, { cancelled: cancelled ? 1 : 0 }),
  );
  return sessionRow(db, id);
}

/** Deletes a session and its marks as one undo step; with marks, only when confirmed. */
export function deleteSession(db: Db, id: number, confirm = false): { marks: number } {
  const { policy } = readCourseRow(db);
  const s = requireSession(db, id);
  const marks = db.prepare('SELECT student_id FROM attendance_mark WHERE session_id = ?').all(id) as { student_id: number }[];
  if (marks.length > 0 && !confirm) {
    throw new ApiError(
      'conflict',
      `The ${sessionLabel(s, policy.timeZone)} has ${plural(marks.length, 'mark')}. Deleting it deletes them too; confirm to delete (Undo brings them back), or cancel the session instead.`,
      { marks: marks.length },
    );
  }
  change(db, `Delete ${sessionLabel(s, policy.timeZone)}`, (cs) => {
    // Marks go through the change set (not the foreign-key cascade) so undo restores them.
    for (const m of marks) cs.put('attendance_mark', { session_id: id, student_id: m.student_id }, null);
    cs.put('attendance_session', { id }, null);
  });
  return { marks: marks.length };
}
