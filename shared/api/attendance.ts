/**
 * CONTRACT READY: the attendance register's methods (sessions, marks, register, reviews,
 * import, export). Stable: methods and optional fields may be added, nothing renamed.
 *
 * Dates are YYYY-MM-DD and times HH:MM in the course's time zone (policy.timeZone); a DST
 * change never moves a session. Every numeric total is counted by shared/grading/attendance.ts
 * under the course's attendance rule (policy.attendance), so a rate shown here is exactly the
 * rate the grade uses. Every write is one undo step in History.
 */
import { z } from 'zod';
import { AttendanceMark, AttendanceSession, Id, Instant, LocalDate, LocalTime } from '../model';
import { method } from './define';
import { ExportedFile, FileBytes, ImportProblem } from './excel';

const Text = (max: number) => z.string().trim().max(max);

/** ISO weekday: 1 Monday ... 7 Sunday. */
export const Weekday = z.number().int().min(1).max(7);

/** A day or a range of days with no class (a holiday, the spring break). */
export const SkippedDays = z
  .object({ from: LocalDate, to: LocalDate.optional(), label: Text(200).optional() })
  .strict()
  .refine((s) => !s.to || s.to >= s.from, 'a skipped range must end on or after its first day');
export type SkippedDays = z.infer<typeof SkippedDays>;

/** The term's meeting pattern: a session on each chosen weekday from `first` to `last`, except skipped days. */
export const MeetingPattern = z
  .object({
    weekdays: z.array(Weekday).min(1, 'choose at least one weekday').max(7),
    start: LocalTime,
    end: LocalTime,
    first: LocalDate,
    last: LocalDate,
    skip: z.array(SkippedDays).max(200).default([]),
    /** Title of each generated session; "{n}" is its number, e.g. "Session {n}". Absent: no title. */
    title: Text(200).optional(),
  })
  .strict()
  .refine((p) => p.end > p.start, { message: 'the end time must be after the start time', path: ['end'] })
  .refine((p) => p.last >= p.first, { message: 'the last date must be on or after the first date', path: ['last'] })
  .refine((p) => p.last <= addYear(p.first), { message: 'a term spans at most one year', path: ['last'] });
export type MeetingPattern = z.input<typeof MeetingPattern>;

function addYear(date: string): string {
  return `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
}

/** How many students have each mark (or none) in one session, or one student over the sessions. */
export const MarkCounts = z.object({
  present: z.number().int(),
  late: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
  unmarked: z.number().int(),
});
export type MarkCounts = z.infer<typeof MarkCounts>;

/**
 * Where a session stands for the grade: `held` (start passed, roll taken by someone), `roll-not-taken`
 * (held, nobody marked yet), `upcoming` (not started) or `cancelled` (counts for nobody).
 */
export const SessionState = z.enum(['held', 'roll-not-taken', 'upcoming', 'cancelled']);
export type SessionState = z.infer<typeof SessionState>;

export const SessionRow = AttendanceSession.extend({
  /** Start as an instant (the start of the day when no time is set). */
  startsAt: Instant,
  state: SessionState,
  /** Marks of enrolled students. */
  counts: MarkCounts,
  /** Counts towards the grade under the course's rule (to date vs whole term, cancelled). */
  counted: z.boolean(),
});
export type SessionRow = z.infer<typeof SessionRow>;

export const SessionList = z.object({
  sessions: z.array(SessionRow),
  /** The last pattern used to generate sessions, for the form's defaults. */
  pattern: MeetingPattern.nullable(),
  /** The course's time zone, e.g. "America/New_York" (format times with its abbreviation). */
  timeZone: z.string(),
});
export type SessionList = z.infer<typeof SessionList>;

/** Fields of a session an instructor edits; null clears. */
export const SessionFields = z
  .object({
    date: LocalDate,
    start: LocalTime.nullable(),
    end: LocalTime.nullable(),
    title: Text(200).nullable(),
    topic: Text(500).nullable(),
    note: Text(5000).nullable(),
  })
  .partial()
  .strict();
export type SessionFields = z.infer<typeof SessionFields>;

export const GenerateReport = z.object({
  /** The sessions created (dry run: those that would be, with id 0). */
  sessions: z.array(SessionRow.extend({ id: z.number().int().min(0) })),
  /** Pattern days left out, with why ("Spring break", "a session already exists on that day"). */
  skipped: z.array(z.object({ date: LocalDate, reason: z.string() })),
  applied: z.boolean(),
});
export type GenerateReport = z.infer<typeof GenerateReport>;

/** One mark to set; `mark: null` clears it. `reason` goes with an excused mark (e.g. "doctor's note"). */
export const MarkEdit = z
  .object({
    sessionId: Id,
    studentId: Id,
    mark: AttendanceMark.nullable(),
    reason: Text(2000).nullable().optional(),
  })
  .strict()
  .refine((m) => !m.reason || m.mark === 'excused', { message: 'a reason goes with an excused mark only', path: ['reason'] });
export type MarkEdit = z.input<typeof MarkEdit>;

export const MarkCell = z.object({ sessionId: Id, studentId: Id, mark: AttendanceMark, reason: z.string().nullable() });
export type MarkCell = z.infer<typeof MarkCell>;

/**
 * One student's attendance as the engine counts it. `possible` sessions are those counted
 * (excused leave it unless excusedCounts); `earned` credits include forgiven absences.
 * `rate` is the attendance category's percent (null: nothing counted yet).
 */
export const AttendanceTotals = z.object({
  counts: MarkCounts,
  /** Counted sessions, unmarked but held, that say "roll not taken" instead of absent. */
  rollNotTaken: z.number().int(),
  /** Absences forgiven by the free-absences rule. */
  forgiven: z.number().int(),
  earned: z.number(),
  possible: z.number(),
  rate: z.number().nullable(),
  /** The rate with the course's display precision, e.g. "87.50%". */
  display: z.string().nullable(),
  /** Below the low-attendance threshold. */
  low: z.boolean(),
});
export type AttendanceTotals = z.infer<typeof AttendanceTotals>;

export const MarkResult = z.object({
  cells: z.array(MarkCell),
  /** Marks cleared by the request. */
  cleared: z.array(z.object({ sessionId: Id, studentId: Id })),
  /** Marks written (set or cleared; unchanged ones are not counted). */
  changed: z.number().int(),
  /** Totals of the students touched, after the change. */
  students: z.array(z.object({ studentId: Id, totals: AttendanceTotals })),
});
export type MarkResult = z.infer<typeof MarkResult>;

export const RegisterStudent = z.object({
  studentId: Id,
  registrarId: z.string(),
  /** "Last, First (Preferred)" as every screen writes it. */
  name: z.string(),
  preferredName: z.string().nullable(),
  section: z.string().nullable(),
  team: z.string().nullable(),
  /** One per session, in the order of `sessions`. */
  marks: z.array(AttendanceMark.nullable()),
  totals: AttendanceTotals,
});
export type RegisterStudent = z.infer<typeof RegisterStudent>;

export const SessionTotals = z.object({
  sessionId: Id,
  counts: MarkCounts,
  /** Present or late over marked (non-excused) students, in percent; null when nobody is marked. */
  rate: z.number().nullable(),
});
export type SessionTotals = z.infer<typeof SessionTotals>;

const AsOf = { asOf: Instant.optional() };

export const Register = z.object({
  asOf: Instant,
  sessions: z.array(SessionRow),
  /** Enrolled students in roster order. */
  students: z.array(RegisterStudent),
  sessionTotals: z.array(SessionTotals),
  /** Reasons of excused marks. */
  reasons: z.array(z.object({ sessionId: Id, studentId: Id, reason: z.string() })),
  threshold: z.number(),
});
export type Register = z.infer<typeof Register>;

/** What a session means for one student. */
export const SessionOutcome = z.enum(['present', 'late', 'absent', 'forgiven', 'excused', 'roll-not-taken', 'upcoming', 'cancelled']);
export type SessionOutcome = z.infer<typeof SessionOutcome>;

export const StudentReview = z.object({
  studentId: Id,
  name: z.string(),
  totals: AttendanceTotals,
  sessions: z.array(
    z.object({
      sessionId: Id,
      date: LocalDate,
      start: LocalTime.nullable(),
      title: z.string().nullable(),
      topic: z.string().nullable(),
      mark: AttendanceMark.nullable(),
      reason: z.string().nullable(),
      outcome: SessionOutcome,
      counted: z.boolean(),
    }),
  ),
  /** Dates attended (present or late) and missed (absent, forgiven included). */
  attended: z.array(LocalDate),
  missed: z.array(LocalDate),
  lastAttended: LocalDate.nullable(),
  /** Longest run of consecutive counted absences (excused and roll-not-taken sessions neither break nor extend it). */
  longestAbsenceRun: z.object({ length: z.number().int(), from: LocalDate, to: LocalDate }).nullable(),
  /** Three or more absences in a row. */
  runFlagged: z.boolean(),
});
export type StudentReview = z.infer<typeof StudentReview>;

export const ClassReview = z.object({
  asOf: Instant,
  /** Counted sessions in date order, for the attendance-over-the-term chart. */
  perSession: z.array(SessionTotals.extend({ date: LocalDate, title: z.string().nullable(), state: SessionState })),
  /** Student rates in 10-point bins, 0–10 ... 90–100 (the last includes 100). */
  spread: z.array(z.object({ from: z.number(), to: z.number(), label: z.string(), count: z.number().int() })),
  /** Students without a rate yet (nothing counted). */
  noRate: z.number().int(),
  /** Students below the threshold, lowest rate first. */
  below: z.array(z.object({ studentId: Id, name: z.string(), rate: z.number(), display: z.string() })),
  threshold: z.number(),
});
export type ClassReview = z.infer<typeof ClassReview>;

/**
 * Attendance import. `sign-in`: one row per student (registrar ID or email), one column per
 * session date, values P/L/A/E, 1/0, x/blank. `meeting`: a Zoom or Teams participant report for
 * the session on the report's meeting date. Absent: detected from the file.
 */
export const AttendanceImportInput = z
  .object({
    file: FileBytes,
    kind: z.enum(['sign-in', 'meeting']).optional(),
    dryRun: z.boolean().optional(),
    /** Meeting report: the session it is for (default: the session on the meeting's date). */
    sessionId: Id.optional(),
    /** Meeting report: joined more than this many minutes after the session's start is late. */
    lateAfterMinutes: z.number().int().min(0).max(600).default(10),
    /** Meeting report: in the meeting for less than this many minutes in total is absent. */
    minMinutes: z.number().int().min(0).max(1440).default(30),
  })
  .strict();
export type AttendanceImportInput = z.input<typeof AttendanceImportInput>;

export const AttendanceImportReport = z.object({
  kind: z.enum(['sign-in', 'meeting']),
  problems: z.array(ImportProblem),
  applied: z.boolean(),
  backup: z.string().nullable(),
  /** Every mark the import writes (or would), with the mark it replaces. */
  marks: z.array(
    z.object({
      row: z.number().int().nullable(),
      sessionId: Id,
      date: LocalDate,
      studentId: Id,
      name: z.string(),
      from: AttendanceMark.nullable(),
      to: AttendanceMark.nullable(),
      /** Why, in words: "joined 14 min late", "in the meeting 12 min (minimum 30)", "not in the report". */
      why: z.string().nullable(),
    }),
  ),
  counts: z.object({ set: z.number().int(), cleared: z.number().int(), unchanged: z.number().int() }),
  meeting: z
    .object({
      date: LocalDate,
      sessionId: Id,
      /** Enrolled students the report does not list: they are marked absent. */
      notInReport: z.array(z.object({ studentId: Id, name: z.string() })),
      /** Report rows matching no enrolled student (guests, the instructor): listed, not imported. */
      unmatched: z.array(z.object({ row: z.number().int(), name: z.string(), email: z.string().nullable() })),
    })
    .nullable(),
});
export type AttendanceImportReport = z.infer<typeof AttendanceImportReport>;

export const attendanceMethods = {
  /** Sessions in date order with mark counts, state and whether each counts for the grade. */
  'attendance.sessions': method(z.object(AsOf).strict(), SessionList),
  /** Sessions from a meeting pattern, one undo step; days that already have a session are skipped. With dryRun: the preview. */
  'attendance.generate': method(z.object({ pattern: MeetingPattern, dryRun: z.boolean().optional() }).strict(), GenerateReport, true),
  'attendance.addSession': method(SessionFields.required({ date: true }), SessionRow, true),
  /** Rename, move (date or time), topic, note. */
  'attendance.updateSession': method(z.object({ id: Id, patch: SessionFields }).strict(), SessionRow, true),
  /** A cancelled session counts for nobody (its marks are kept and count again when uncancelled). */
  'attendance.setCancelled': method(z.object({ id: Id, cancelled: z.boolean() }).strict(), SessionRow, true),
  /** Refused with `conflict` (details: { marks }) when the session has marks, unless `confirm`; one undo step with its marks. */
  'attendance.deleteSession': method(
    z.object({ id: Id, confirm: z.boolean().optional() }).strict(),
    z.object({ marks: z.number().int() }),
    true,
  ),
  /** One mark (null clears); a student not enrolled on the session's date or an unknown session is refused. */
  'attendance.mark': method(MarkEdit, MarkResult, true),
  /** Many marks as one undo step (a pasted column, a fill); refused whole when any is invalid. */
  'attendance.markMany': method(
    z.object({ marks: z.array(MarkEdit).min(1).max(200_000), label: Text(200).optional() }).strict(),
    MarkResult,
    true,
  ),
  /** Every enrolled student gets `mark` in one session (default: only those not yet marked). One undo step. */
  'attendance.markAll': method(
    z.object({ sessionId: Id, mark: AttendanceMark.default('present'), overwrite: z.boolean().optional() }).strict(),
    MarkResult,
    true,
  ),
  /** The sessions x students register with per-student and per-session totals. */
  'attendance.register': method(z.object(AsOf).strict(), Register),
  'attendance.student': method(z.object({ studentId: Id, ...AsOf }).strict(), StudentReview),
  'attendance.class': method(z.object(AsOf).strict(), ClassReview),
  /** Validated whole before anything is written; a real import is one transaction and one undo step, after a backup. */
  'attendance.import': method(AttendanceImportInput, AttendanceImportReport, true),
  /** The register as a file: one row per student, one column per session, totals at the end. */
  'attendance.export': method(z.object({ format: z.enum(['csv', 'xlsx']), ...AsOf }).strict(), ExportedFile),
};
