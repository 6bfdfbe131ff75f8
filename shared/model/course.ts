import { z } from 'zod';
import { Category, Policy } from './policy';

export { blankScore, blankSession, blankTeamScore } from './blank';

/** Date-time instants are ISO-8601 with an explicit zone (Z or ±hh:mm): never the machine's local time. */
export const Instant = z
  .string()
  .refine(
    (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    'an ISO date-time with a time zone, e.g. 2026-09-15T23:59:00-04:00',
  );
/** A calendar date that exists (2025-02-30 is refused rather than rolled over to March). */
export const LocalDate = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) === s;
}, 'a real date as YYYY-MM-DD');
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
/** A row id. */
export const Id = z.number().int().positive();

export const StudentStatus = z.enum(['enrolled', 'withdrawn']);
export const Student = z.object({
  id: Id,
  registrarId: z.string().min(1).max(64),
  firstName: z.string().max(200),
  lastName: z.string().max(200),
  preferredName: z.string().max(200).nullable(),
  email: z.string().max(320).nullable(),
  section: z.string().max(64).nullable(),
  status: StudentStatus,
  /** Standing extension (accommodation) in days, applied to every deadline. */
  extensionDays: z.number().min(0),
  accommodationNote: z.string().nullable(),
});
export type Student = z.infer<typeof Student>;

export const Team = z.object({ id: Id, name: z.string().min(1).max(200) });
export type Team = z.infer<typeof Team>;

/** Team membership is dated: a member counts for a team item if on the team at its due date. */
export const Membership = z.object({
  teamId: Id,
  studentId: Id,
  from: Instant,
  to: Instant.nullable(),
});
export type Membership = z.infer<typeof Membership>;

export const Item = z.object({
  id: Id,
  categoryId: Id,
  name: z.string().min(1).max(200),
  pointsPossible: z.number().min(0),
  dueDate: LocalDate.nullable(),
  /** null: the course's default due time. */
  dueTime: LocalTime.nullable(),
  /**
   * An exact deadline to the second (as Canvas and Moodle export due_at); when set it is the
   * deadline instead of dueDate + dueTime (whose deadline is the end of that minute).
   */
  dueAt: Instant.nullable().default(null),
  teamGraded: z.boolean(),
  neverDrop: z.boolean(),
  /** Does not count toward the final grade (Canvas's "omit from final grade"): shown and kept, in no total or drop. */
  omitFromFinal: z.boolean().default(false),
  /** Hidden from student-facing exports. */
  muted: z.boolean(),
  position: z.number().int(),
});
export type Item = z.infer<typeof Item>;

/** excused: leaves numerator and denominator; missing: 0 once due; exempt: not counted in current. */
export const ScoreStatus = z.enum(['excused', 'missing', 'exempt']);
export type ScoreStatus = z.infer<typeof ScoreStatus>;

export const Integrity = z.object({ date: LocalDate, note: z.string().min(1) });
export type Integrity = z.infer<typeof Integrity>;

/** On a team item: replace the team score for this member, or add/subtract points. */
export const Adjustment = z.object({ mode: z.enum(['replace', 'delta']), value: z.number() });
export type Adjustment = z.infer<typeof Adjustment>;

/** Fields shared by a student's cell and a team's cell. */
const CellFields = {
  value: z.number().nullable(),
  status: ScoreStatus.nullable(),
  submittedAt: Instant.nullable(),
  /** Manual lateness, used when there is no submission time. */
  daysLate: z.number().min(0).nullable(),
  /** Per-item extension in days on top of any standing extension. */
  extensionDays: z.number().min(0).nullable(),
  waiverReason: z.string().nullable(),
  comment: z.string().nullable(),
};

export const Score = z.object({
  studentId: Id,
  itemId: Id,
  ...CellFields,
  integrity: Integrity.nullable(),
  adjustment: Adjustment.nullable(),
});
export type Score = z.infer<typeof Score>;

export const TeamScore = z.object({ teamId: Id, itemId: Id, ...CellFields });
export type TeamScore = z.infer<typeof TeamScore>;

export const AttendanceMark = z.enum(['present', 'late', 'absent', 'excused']);
export type AttendanceMark = z.infer<typeof AttendanceMark>;
/**
 * A class session on a date in the course's time zone. Times are local wall-clock times there,
 * so a DST change never moves a session. A cancelled session counts for nobody.
 */
export const AttendanceSession = z.object({
  id: Id,
  date: LocalDate,
  title: z.string().nullable(),
  /** Local start and end time (null: no time set; the session is held from the start of its day). */
  start: LocalTime.nullable().default(null),
  end: LocalTime.nullable().default(null),
  /** What the session covers, e.g. the syllabus chapter "2.3 Data Quality and Validation". */
  topic: z.string().nullable().default(null),
  note: z.string().nullable().default(null),
  cancelled: z.boolean().default(false),
});
export type AttendanceSession = z.infer<typeof AttendanceSession>;

export const AttendanceRecord = z.object({ sessionId: Id, studentId: Id, mark: AttendanceMark });
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

/** A manual final grade: letter and/or percent, always with a reason. */
export const Override = z.object({
  studentId: Id,
  letter: z.string().nullable(),
  percent: z.number().nullable(),
  reason: z.string().min(1),
});
export type Override = z.infer<typeof Override>;

export const CourseInfo = z.object({
  name: z.string().min(1).max(200),
  code: z.string().max(64).nullable(),
  term: z.string().max(64).nullable(),
});
export type CourseInfo = z.infer<typeof CourseInfo>;

/** Everything the grading engine needs: a grade is a pure function of this. */
export const CourseSnapshot = z.object({
  course: CourseInfo,
  policy: Policy,
  categories: z.array(Category),
  students: z.array(Student),
  teams: z.array(Team),
  memberships: z.array(Membership),
  items: z.array(Item),
  scores: z.array(Score),
  teamScores: z.array(TeamScore),
  attendanceSessions: z.array(AttendanceSession),
  attendance: z.array(AttendanceRecord),
  overrides: z.array(Override),
});
export type CourseSnapshot = z.infer<typeof CourseSnapshot>;
