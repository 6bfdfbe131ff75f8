import type {
  AttendanceRecord,
  AttendanceSession,
  Category,
  CourseInfo,
  Item,
  Membership,
  Override,
  Policy,
  Score,
  Student,
  Team,
  TeamScore,
} from '@shared/model';
import { Policy as PolicySchema } from '@shared/model';
import type { Row } from '../changes/tables';
import type { Db } from './open';

/** Mapping between table rows (snake_case, 0/1 booleans) and the domain model. */

const bool = (v: unknown) => v === 1 || v === true;

/**
 * The columns a patch sets (`columns` maps field to column): a field absent from the patch is
 * left out of the row, so its column keeps its value.
 */
export function patchColumns<P extends Record<string, unknown>>(patch: P, columns: Record<keyof P, string>): Row {
  const row: Row = {};
  for (const [field, column] of Object.entries(columns) as [keyof P, string][]) {
    const value = patch[field];
    if (value !== undefined) row[column] = typeof value === 'boolean' ? Number(value) : value;
  }
  return row;
}

export const toCategory = (r: Row): Category => ({
  id: r.id,
  name: r.name,
  weight: r.weight,
  dropLowest: r.drop_lowest,
  dropHighest: r.drop_highest,
  equalWeightItems: bool(r.equal_weight_items),
  kind: r.kind,
  position: r.position,
});
export const fromCategory = (c: Omit<Category, 'id'>): Row => ({
  name: c.name,
  weight: c.weight,
  drop_lowest: c.dropLowest,
  drop_highest: c.dropHighest,
  equal_weight_items: c.equalWeightItems ? 1 : 0,
  kind: c.kind,
  position: c.position,
});

export const toStudent = (r: Row): Student => ({
  id: r.id,
  registrarId: r.registrar_id,
  firstName: r.first_name,
  lastName: r.last_name,
  preferredName: r.preferred_name,
  email: r.email,
  section: r.section,
  status: r.status,
  extensionDays: r.extension_days,
  accommodationNote: r.accommodation_note,
});
export const fromStudent = (s: Omit<Student, 'id'>): Row => ({
  registrar_id: s.registrarId,
  first_name: s.firstName,
  last_name: s.lastName,
  preferred_name: s.preferredName,
  email: s.email,
  section: s.section,
  status: s.status,
  extension_days: s.extensionDays,
  accommodation_note: s.accommodationNote,
});

export const toTeam = (r: Row): Team => ({ id: r.id, name: r.name });
export const toMembership = (r: Row): Membership => ({ teamId: r.team_id, studentId: r.student_id, from: r.from_at, to: r.to_at });

export const toItem = (r: Row): Item => ({
  id: r.id,
  categoryId: r.category_id,
  name: r.name,
  pointsPossible: r.points_possible,
  dueDate: r.due_date,
  dueTime: r.due_time,
  dueAt: r.due_at,
  teamGraded: bool(r.team_graded),
  neverDrop: bool(r.never_drop),
  omitFromFinal: bool(r.omit_from_final),
  muted: bool(r.muted),
  position: r.position,
});
export const fromItem = (i: Omit<Item, 'id'>): Row => ({
  category_id: i.categoryId,
  name: i.name,
  points_possible: i.pointsPossible,
  due_date: i.dueDate,
  due_time: i.dueTime,
  due_at: i.dueAt,
  team_graded: i.teamGraded ? 1 : 0,
  never_drop: i.neverDrop ? 1 : 0,
  omit_from_final: i.omitFromFinal ? 1 : 0,
  muted: i.muted ? 1 : 0,
  position: i.position,
});

const cellFields = (r: Row) => ({
  value: r.value,
  status: r.status,
  submittedAt: r.submitted_at,
  daysLate: r.days_late,
  extensionDays: r.extension_days,
  waiverReason: r.waiver_reason,
  comment: r.comment,
});
type CellFields = ReturnType<typeof cellFields>;
const fromCellFields = (c: CellFields): Row => ({
  value: c.value,
  status: c.status,
  submitted_at: c.submittedAt,
  days_late: c.daysLate,
  extension_days: c.extensionDays,
  waiver_reason: c.waiverReason,
  comment: c.comment,
});

export const toScore = (r: Row): Score => ({
  studentId: r.student_id,
  itemId: r.item_id,
  ...cellFields(r),
  integrity: r.integrity_note ? { date: r.integrity_date, note: r.integrity_note } : null,
  adjustment: r.adjust_mode ? { mode: r.adjust_mode, value: r.adjust_value } : null,
});
export const fromScore = (s: Omit<Score, 'studentId' | 'itemId'>): Row => ({
  ...fromCellFields(s),
  integrity_date: s.integrity?.date ?? null,
  integrity_note: s.integrity?.note ?? null,
  adjust_mode: s.adjustment?.mode ?? null,
  adjust_value: s.adjustment?.value ?? null,
});

export const toTeamScore = (r: Row): TeamScore => ({ teamId: r.team_id, itemId: r.item_id, ...cellFields(r) });
export const fromTeamScore = (s: Omit<TeamScore, 'teamId' | 'itemId'>): Row => fromCellFields(s);

export const toSession = (r: Row): AttendanceSession => ({
  id: r.id,
  date: r.date,
  title: r.title,
  start: r.start_time ?? null,
  end: r.end_time ?? null,
  topic: r.topic ?? null,
  note: r.note ?? null,
  cancelled: r.cancelled === 1,
});
export const fromSession = (s: Omit<AttendanceSession, 'id'>): Row => ({
  date: s.date,
  title: s.title,
  start_time: s.start,
  end_time: s.end,
  topic: s.topic,
  note: s.note,
  cancelled: s.cancelled ? 1 : 0,
});
export const toAttendance = (r: Row): AttendanceRecord => ({ sessionId: r.session_id, studentId: r.student_id, mark: r.mark });
export const toOverride = (r: Row): Override => ({ studentId: r.student_id, letter: r.letter, percent: r.percent, reason: r.reason });

export function readCourseRow(db: Db): { info: CourseInfo; policy: Policy } {
  const r = db.prepare('SELECT name, code, term, policy_json FROM course WHERE id = 1').get() as Row | undefined;
  if (!r) throw new Error('course row missing');
  return { info: { name: r.name, code: r.code, term: r.term }, policy: PolicySchema.parse(JSON.parse(r.policy_json)) };
}
