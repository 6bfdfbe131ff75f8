/**
 * The attendance rule (policy.attendance): what each session means for a student, and the
 * category's credit. The one place attendance is counted: the grade, the register, the reviews,
 * the low-attendance flag and the registrar's last attendance date all read it.
 *
 * Per session, in date order:
 * - cancelled: counts for nobody (its marks are kept);
 * - not started yet (as of the grade's date): counted only with scope 'term', where a mark counts
 *   and an unmarked session earns nothing yet ('upcoming');
 * - held without a mark: 'roll-not-taken' (left out) or, with unmarked 'absent', an absence;
 * - excused: leaves the denominator unless `excusedCounts`, then it earns present credit;
 * - the first `freeAbsences` absences are forgiven and earn present credit, so the rate can
 *   never pass 100%.
 * Both views (current and final) follow the same rule: the rule itself says what counts.
 * Each counted session is one point (what it weighs in points grading).
 */
import type { AttendanceMark, AttendanceSession, CourseSnapshot } from '../model/course';
import type { AttendanceRule } from '../model/policy';
import { localToInstant } from './deadline';
import { type Ratio, SCALE, formatHalfUp, toUnits } from './exact';
import { fmtPoints } from './format';
import { formatDay, formatInstant } from '../time/format';
import { plural } from '../text/words';

export interface PreparedAttendance {
  readonly rule: AttendanceRule;
  /** Credits in units. */
  readonly present: number;
  readonly late: number;
  readonly absent: number;
  /** By session index (sessions in date, start, id order): start instant in ms. */
  readonly startsAt: Float64Array;
  readonly cancelled: readonly boolean[];
}

/**
 * The rule in words, as the Policy sheet and `gradebook info` print it: "present 1, late 0.5,
 * absent 0, excused leaves the denominator, 0 free absences, sessions held so far, an unmarked
 * session not counted until marked, flagged below 80%".
 */
export function describeAttendanceRule(a: AttendanceRule): string {
  return [
    `present ${fmtPoints(a.present)}, late ${fmtPoints(a.late)}, absent ${fmtPoints(a.absent)}`,
    `excused ${a.excusedCounts ? 'counts as present' : 'leaves the denominator'}`,
    plural(a.freeAbsences, 'free absence'),
    a.scope === 'to-date' ? 'sessions held so far' : 'every session of the term',
    `an unmarked session ${a.unmarked === 'absent' ? 'counts as absent' : 'not counted until marked'}`,
    `flagged below ${fmtPoints(a.lowThreshold)}%`,
  ].join(', ');
}

/** Sessions in the order the engine indexes them: date, start time, id. */
export function sessionOrder(sessions: readonly AttendanceSession[]): AttendanceSession[] {
  return [...sessions].sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '') || a.id - b.id);
}

/** The instant a session starts: its local start time (or the start of its day) in `timeZone`. */
export function sessionStart(session: Pick<AttendanceSession, 'date' | 'start'>, timeZone: string): number {
  return localToInstant(session.date, session.start ?? '00:00', timeZone);
}

/** 'session "Week 4" on Mon 26 Oct, 10:00 am EDT' (or "on 2026-10-26" without a start time), for messages and history. */
export function sessionLabel(session: Pick<AttendanceSession, 'date' | 'start' | 'title'>, timeZone: string): string {
  const when = session.start === null ? formatDay(session.date) : formatInstant(sessionStart(session, timeZone), timeZone);
  return `session${session.title ? ` "${session.title}"` : ''} on ${when}`;
}

/** `sessions` in sessionOrder. */
export function prepareAttendance(rule: AttendanceRule, sessions: readonly AttendanceSession[], timeZone: string): PreparedAttendance {
  return {
    rule,
    present: toUnits(rule.present),
    late: toUnits(rule.late),
    absent: toUnits(rule.absent),
    startsAt: Float64Array.from(sessions, (s) => sessionStart(s, timeZone)),
    cancelled: sessions.map((s) => s.cancelled),
  };
}

export type SessionOutcome = 'present' | 'late' | 'absent' | 'forgiven' | 'excused' | 'roll-not-taken' | 'upcoming' | 'cancelled';

/** What session i means for a student with this mark, before free absences are forgiven. */
function outcomeOf(mark: AttendanceMark | undefined, i: number, prep: PreparedAttendance, asOf: number): SessionOutcome {
  const { rule } = prep;
  if (prep.cancelled[i]) return 'cancelled';
  if (prep.startsAt[i]! > asOf && (rule.scope === 'to-date' || mark === undefined)) return 'upcoming';
  if (mark === undefined) return rule.unmarked === 'absent' ? 'absent' : 'roll-not-taken';
  return mark;
}

/** What each session means for one student as of `asOf` (ms), by session index. */
export function sessionOutcomes(marks: readonly (AttendanceMark | undefined)[], prep: PreparedAttendance, asOf: number): SessionOutcome[] {
  let free = prep.rule.freeAbsences;
  const out: SessionOutcome[] = new Array(prep.startsAt.length);
  for (let i = 0; i < out.length; i++) {
    let o = outcomeOf(marks[i], i, prep, asOf);
    if (o === 'absent' && free > 0) {
      o = 'forgiven';
      free--;
    }
    out[i] = o;
  }
  return out;
}

/** Whether a session with this outcome is in the student's denominator. */
export function isCounted(o: SessionOutcome, prep: PreparedAttendance): boolean {
  switch (o) {
    case 'cancelled':
    case 'roll-not-taken':
      return false;
    case 'upcoming':
      return prep.rule.scope === 'term';
    case 'excused':
      return prep.rule.excusedCounts;
    default:
      return true;
  }
}

export interface AttendanceTotals {
  /** Credit earned, in units. */
  readonly earned: number;
  /** Sessions counted, in units (one point each). */
  readonly possible: number;
  readonly sessions: number;
  /** Marks as entered over the sessions in scope (not cancelled; held, or any with scope 'term'). */
  readonly marks: Readonly<Record<AttendanceMark | 'unmarked', number>>;
  /** What the sessions in scope came to under the rule. */
  readonly outcomes: Readonly<Record<SessionOutcome, number>>;
}

// Counted by index: an increment keyed by the outcome's or mark's name is a slow lookup, and
// this runs for every session of every student.
function outcomeIndex(o: SessionOutcome): number {
  switch (o) {
    case 'present':
      return 0;
    case 'late':
      return 1;
    case 'absent':
      return 2;
    case 'forgiven':
      return 3;
    case 'excused':
      return 4;
    case 'roll-not-taken':
      return 5;
    case 'upcoming':
      return 6;
    case 'cancelled':
      return 7;
  }
}

function markIndex(m: AttendanceMark | undefined): number {
  switch (m) {
    case 'present':
      return 0;
    case 'late':
      return 1;
    case 'absent':
      return 2;
    case 'excused':
      return 3;
    case undefined:
      return 4;
  }
}

export function attendanceTotals(marks: readonly (AttendanceMark | undefined)[], prep: PreparedAttendance, asOf: number): AttendanceTotals {
  const byMark = [0, 0, 0, 0, 0];
  const byOutcome = [0, 0, 0, 0, 0, 0, 0, 0];
  let earned = 0;
  let sessions = 0;
  let free = prep.rule.freeAbsences;
  for (let i = 0; i < prep.startsAt.length; i++) {
    let o = outcomeOf(marks[i], i, prep, asOf);
    if (o === 'absent' && free > 0) {
      o = 'forgiven';
      free--;
    }
    byOutcome[outcomeIndex(o)]!++;
    if (o === 'cancelled' || (o === 'upcoming' && prep.rule.scope === 'to-date')) continue;
    byMark[markIndex(marks[i])]!++;
    if (!isCounted(o, prep)) continue;
    sessions++;
    earned += o === 'late' ? prep.late : o === 'absent' ? prep.absent : o === 'upcoming' ? 0 : prep.present;
  }
  const m = byMark;
  const o = byOutcome;
  return {
    earned,
    possible: sessions * SCALE,
    sessions,
    marks: { present: m[0]!, late: m[1]!, absent: m[2]!, excused: m[3]!, unmarked: m[4]! },
    outcomes: {
      present: o[0]!,
      late: o[1]!,
      absent: o[2]!,
      forgiven: o[3]!,
      excused: o[4]!,
      'roll-not-taken': o[5]!,
      upcoming: o[6]!,
      cancelled: o[7]!,
    },
  };
}

/** The attendance rate as an exact percent (null: nothing counted). */
export function attendanceRate(t: AttendanceTotals): Ratio | null {
  return t.possible > 0 ? { n: 100n * BigInt(t.earned), d: BigInt(t.possible) } : null;
}

/** "87.50": the rate as the category shows it (2 decimals, half-up). */
export function rateDisplay(t: AttendanceTotals): string | null {
  const r = attendanceRate(t);
  return r === null ? null : formatHalfUp(r, 2);
}

/** Below the rule's threshold, decided exactly (a rate of exactly 80% is not below 80%). */
export function isLowAttendance(t: AttendanceTotals, rule: AttendanceRule): boolean {
  const r = attendanceRate(t);
  return r !== null && r.n * BigInt(SCALE) < BigInt(toUnits(rule.lowThreshold)) * r.d;
}

/**
 * The longest run of counted absences in a row (forgiven ones included): present and late
 * break a run; excused, cancelled, upcoming and roll-not-taken sessions neither break nor extend it.
 */
export function longestAbsenceRun(
  outcomes: readonly SessionOutcome[],
): { readonly length: number; readonly from: number; readonly to: number } | null {
  let best: { length: number; from: number; to: number } | null = null;
  let from = -1;
  let length = 0;
  outcomes.forEach((o, i) => {
    if (o === 'absent' || o === 'forgiven') {
      if (length === 0) from = i;
      length++;
      if (!best || length > best.length) best = { length, from, to: i };
    } else if (o === 'present' || o === 'late') {
      length = 0;
    }
  });
  return best;
}

/** Absences in a row that flag a student. */
export const ABSENCE_RUN_FLAG = 3;

/** The index of the last session attended (present or late, not cancelled), or -1. */
export function lastAttendedIndex(outcomes: readonly SessionOutcome[]): number {
  for (let i = outcomes.length - 1; i >= 0; i--) if (outcomes[i] === 'present' || outcomes[i] === 'late') return i;
  return -1;
}

/**
 * The date of each student's last attended session (present or late; a cancelled session does
 * not count), for the registrar's last attendance date. Students who attended none are absent.
 */
export function lastAttendedDates(
  snapshot: Pick<CourseSnapshot, 'policy' | 'attendanceSessions' | 'attendance'>,
  asOf: number,
): Map<number, string> {
  const sessions = sessionOrder(snapshot.attendanceSessions);
  const prep = prepareAttendance(snapshot.policy.attendance, sessions, snapshot.policy.timeZone);
  const index = new Map(sessions.map((s, i) => [s.id, i]));
  const marks = new Map<number, (AttendanceMark | undefined)[]>();
  for (const a of snapshot.attendance) {
    const i = index.get(a.sessionId);
    if (i === undefined) continue;
    let m = marks.get(a.studentId);
    if (!m) marks.set(a.studentId, (m = new Array(sessions.length).fill(undefined)));
    m[i] = a.mark;
  }
  const out = new Map<number, string>();
  for (const [studentId, m] of marks) {
    const last = lastAttendedIndex(sessionOutcomes(m, prep, asOf));
    if (last >= 0) out.set(studentId, sessions[last]!.date);
  }
  return out;
}

/**
 * The counts under the rule in words, for the Explain trail:
 * "7 present, 1 late at 0.5, 1 absence forgiven (1 free), 2 without a roll (not counted until marked); sessions held so far".
 */
export function attendanceDetail(t: AttendanceTotals, rule: AttendanceRule): string {
  const o = t.outcomes;
  const parts: string[] = [];
  if (o.present > 0) parts.push(`${o.present} present`);
  if (o.late > 0) parts.push(`${o.late} late at ${fmtPoints(rule.late)}`);
  if (o.absent > 0) parts.push(plural(o.absent, 'absence'));
  if (o.forgiven > 0) parts.push(`${plural(o.forgiven, 'absence')} forgiven (${rule.freeAbsences} free)`);
  if (o.excused > 0) parts.push(`${o.excused} excused ${rule.excusedCounts ? '(counted as present)' : '(left out)'}`);
  if (o['roll-not-taken'] > 0) parts.push(`${o['roll-not-taken']} without a roll (not counted until marked)`);
  if (rule.scope === 'term' && o.upcoming > 0) parts.push(`${o.upcoming} still to come (nothing earned yet)`);
  if (o.cancelled > 0) parts.push(`${o.cancelled} cancelled (not counted)`);
  const scope = rule.scope === 'to-date' ? 'sessions held so far' : 'every session of the term';
  return parts.length > 0 ? `${parts.join(', ')}; ${scope}` : scope;
}
