/**
 * Everything about a course that does not change between students, built once: units, lookups
 * by index, parsed instants, the late rule and the letter scale. Per-student data is indexed by
 * item / session position so the hot loop does no map lookups or date parsing.
 *
 * preparePacked reads the wire form (cells as columns) straight into typed arrays, student ×
 * item, without a Score object per cell; prepareCourse packs an object snapshot first.
 */
import type {
  AttendanceMark,
  AttendanceRecord,
  CourseSnapshot,
  Item,
  Override,
  Score,
  ScoreStatus,
  Student,
  TeamScore,
} from '../model/course';
import { packSnapshot, scoreExtras, unpackTeamScores } from '../model/pack';
import type { PackedSnapshot, ScoreExtras } from '../model/packed';
import type { Category, Policy } from '../model/policy';
import { type PreparedAttendance, prepareAttendance, sessionOrder } from './attendance';
import { deadlineInstant, isValidTimeZone } from './deadline';
import { toUnits } from './exact';
import { type LateRule, prepareLateRule } from './late';
import { type LetterScale, prepareLetterScale } from './letter';
import { type Stint, toStint } from './team';
import type { PolicyProblem } from './types';
import { validatePolicy } from './validate';

export interface PreparedItem {
  readonly item: Item;
  readonly index: number;
  readonly possibleUnits: number;
  /** Deadline instant without extensions (the exact dueAt when set); null when the item has no due date. */
  readonly deadline: number | null;
  readonly dueTime: string;
}

export interface PreparedCategory {
  readonly category: Category;
  readonly weightUnits: number;
  /** Indices into PreparedCourse.items, in order. */
  readonly items: readonly number[];
}

export interface PreparedTeamCell {
  readonly cell: TeamScore;
  readonly submittedAt: number;
}

/** CourseSnapshot cells by item index: what PreparedStudent.cells holds. */
export const NO_CELL = 0;
const PLAIN_CELL = 1;
/** A cell's status by its code in PreparedStudent.cells (null: no status, or no cell). */
export const CELL_STATUS: readonly (ScoreStatus | null)[] = [null, null, 'excused', 'missing', 'exempt'];

export interface PreparedStudent {
  readonly student: Student;
  /** Score.value by item index; NaN when null or when there is no cell. */
  readonly values: Float64Array;
  /** By item index: NO_CELL, or the cell's status as an index into CELL_STATUS. */
  readonly cells: Uint8Array;
  /** Score.submittedAt as ms by item index (NaN when absent). */
  readonly submittedAt: Float64Array;
  /**
   * The few cells with more than a value, status and submission time (days late, extension,
   * waiver, integrity finding, adjustment), by item index; null when the student has none.
   */
  readonly extras: ReadonlyMap<number, ScoreExtras> | null;
  readonly stints: readonly Stint[];
  /** By session index. */
  readonly marks: readonly (AttendanceMark | undefined)[];
  readonly override: Override | null;
}

export interface PreparedCourse {
  readonly policy: Policy;
  readonly problems: readonly PolicyProblem[];
  /** The policy's zone, or UTC when it is not a valid zone (reported in problems). */
  readonly timeZone: string;
  readonly late: LateRule;
  /** Points-possible fraction that missing work scores, or null when the policy is off. */
  readonly missingPercent: number | null;
  readonly letters: LetterScale;
  readonly attendance: PreparedAttendance;
  readonly categories: readonly PreparedCategory[];
  /** Ordered by category position, item position, id. */
  readonly items: readonly PreparedItem[];
  /** Item id → index into items. */
  readonly itemIndex: ReadonlyMap<number, number>;
  /** Points possible in units by item index. */
  readonly possibleUnits: Float64Array;
  readonly sessionCount: number;
  /** Session ids by session index (date, start, id order). */
  readonly sessionIds: readonly number[];
  /** Sum of all category weights, in units. */
  readonly totalWeightUnits: number;
  /** By item index: team id → the team's cell. */
  readonly teamCells: readonly (ReadonlyMap<number, PreparedTeamCell> | undefined)[];
  readonly students: ReadonlyMap<number, PreparedStudent>;
  readonly studentOrder: readonly number[];
  /** Memo of extended deadlines, keyed "itemIndex|days". Pure cache, safe to share. */
  readonly deadlineCache: Map<string, number>;
}

function byPositionThenId<T extends { position: number; id: number }>(a: T, b: T): number {
  return a.position - b.position || a.id - b.id;
}

function parseInstant(s: string | null | undefined): number {
  return s == null ? NaN : Date.parse(s);
}

/** One student's cell columns, written by `put`. */
interface CellColumns {
  readonly values: Float64Array;
  readonly cells: Uint8Array;
  readonly submittedAt: Float64Array;
}

function statusCode(status: ScoreStatus | null | undefined): number {
  return status == null ? PLAIN_CELL : CELL_STATUS.indexOf(status);
}

/** Whether extras hold anything the engine reads beyond status and submission time. */
function gradesFrom(e: ScoreExtras): boolean {
  return e.daysLate != null || e.extensionDays != null || e.waiverReason != null || e.integrity != null || e.adjustment != null;
}

/** Writes one cell at k (every field, so a later cell for the same item replaces an earlier one). */
function put(to: CellColumns, k: number, value: number | null, extras: ScoreExtras | undefined): void {
  to.values[k] = value ?? NaN;
  to.cells[k] = statusCode(extras?.status);
  to.submittedAt[k] = parseInstant(extras?.submittedAt);
}

function newColumns(n: number): CellColumns {
  return { values: new Float64Array(n).fill(NaN), cells: new Uint8Array(n), submittedAt: new Float64Array(n).fill(NaN) };
}

/** Prepares an object snapshot (packs its cells first; the engine reads columns). */
export function prepareCourse(snapshot: CourseSnapshot): PreparedCourse {
  return preparePacked(packSnapshot(snapshot));
}

/** Prepares the wire form: cells go straight into typed arrays, student × item. */
export function preparePacked(snapshot: PackedSnapshot): PreparedCourse {
  const { policy } = snapshot;
  const problems = validatePolicy(policy, snapshot.categories);
  const timeZone = isValidTimeZone(policy.timeZone) ? policy.timeZone : 'UTC';

  const cats = [...snapshot.categories].sort(byPositionThenId);
  const catIndex = new Map(cats.map((c, i) => [c.id, i]));
  const sortedItems = snapshot.items
    .filter((it) => catIndex.has(it.categoryId))
    .sort((a, b) => catIndex.get(a.categoryId)! - catIndex.get(b.categoryId)! || byPositionThenId(a, b));
  const items: PreparedItem[] = sortedItems.map((item, index) => {
    const dueTime = item.dueTime ?? policy.defaultDueTime;
    return {
      item,
      index,
      possibleUnits: toUnits(item.pointsPossible),
      deadline:
        item.dueAt !== null ? Date.parse(item.dueAt) : item.dueDate === null ? null : deadlineInstant(item.dueDate, dueTime, timeZone),
      dueTime,
    };
  });
  const itemIndex = new Map(items.map((p) => [p.item.id, p.index]));
  const categories: PreparedCategory[] = cats.map((category) => ({
    category,
    weightUnits: toUnits(category.weight),
    items: items.filter((p) => p.item.categoryId === category.id).map((p) => p.index),
  }));

  const teamCells: Map<number, PreparedTeamCell>[] = new Array(items.length);
  for (const cell of unpackTeamScores(snapshot.teamScores)) {
    const i = itemIndex.get(cell.itemId);
    if (i === undefined) continue;
    (teamCells[i] ??= new Map()).set(cell.teamId, { cell, submittedAt: parseInstant(cell.submittedAt) });
  }

  const sessions = sessionOrder(snapshot.attendanceSessions);
  const sessionIndex = new Map(sessions.map((s, i) => [s.id, i]));

  const N = items.length;
  const studentIndex = new Map(snapshot.students.map((s, i) => [s.id, i]));
  const all = newColumns(snapshot.students.length * N);
  const extrasBy = fillCells(all, N, snapshot.scores, studentIndex, itemIndex);

  const marks: (AttendanceMark | undefined)[][] = snapshot.students.map(() => new Array(sessions.length).fill(undefined));
  const att = snapshot.attendance;
  for (let k = 0; k < att.marks.length; k++) {
    const s = studentIndex.get(att.studentIds[k]!);
    const i = sessionIndex.get(att.sessionIds[k]!);
    if (s !== undefined && i !== undefined) marks[s]![i] = att.marks[k];
  }

  const stintsBy = groupBy(snapshot.memberships, (m) => m.studentId);
  const overrideBy = new Map(snapshot.overrides.map((o) => [o.studentId, o]));
  const students = new Map<number, PreparedStudent>();
  snapshot.students.forEach((student, s) => {
    const at = (a: Float64Array) => a.subarray(s * N, (s + 1) * N);
    students.set(student.id, {
      student,
      values: at(all.values),
      cells: all.cells.subarray(s * N, (s + 1) * N),
      submittedAt: at(all.submittedAt),
      extras: extrasBy[s]?.size ? extrasBy[s]! : null,
      stints: (stintsBy.get(student.id) ?? []).map(toStint).sort((a, b) => a.from - b.from || a.teamId - b.teamId),
      marks: marks[s]!,
      override: overrideBy.get(student.id) ?? null,
    });
  });

  return {
    policy,
    problems,
    timeZone,
    late: prepareLateRule(policy.late),
    missingPercent: policy.missingWork.enabled ? policy.missingWork.percent : null,
    letters: prepareLetterScale(policy.rounding, policy.bands, policy.borderlineDistance),
    attendance: prepareAttendance(policy.attendance, sessions, timeZone),
    sessionIds: sessions.map((s) => s.id),
    categories,
    items,
    itemIndex,
    possibleUnits: Float64Array.from(items, (p) => p.possibleUnits),
    sessionCount: sessions.length,
    totalWeightUnits: categories.reduce((s, c) => s + c.weightUnits, 0),
    teamCells,
    students,
    studentOrder: snapshot.students.map((s) => s.id),
    deadlineCache: new Map(),
  };
}

/**
 * Writes the packed cells into the student × item columns (N items a student); answers the
 * extras the engine reads, by student index. A function of its own so that the JIT optimizes
 * this loop alone, early.
 */
function fillCells(
  all: CellColumns,
  N: number,
  scores: PackedSnapshot['scores'],
  studentIndex: ReadonlyMap<number, number>,
  itemIndex: ReadonlyMap<number, number>,
): (Map<number, ScoreExtras> | undefined)[] {
  const extrasBy: (Map<number, ScoreExtras> | undefined)[] = new Array(studentIndex.size);
  const { studentIds, itemIds, values } = scores;
  const extras = inCellOrder(scores.extras);
  for (let c = 0, e = 0; c < values.length; c++) {
    const ex = e < extras.length && extras[e]![0] === c ? extras[e++]![1] : undefined;
    const s = studentIndex.get(studentIds[c]!);
    const i = itemIndex.get(itemIds[c]!);
    if (s === undefined || i === undefined) continue;
    put(all, s * N + i, values[c]!, ex);
    if (ex && gradesFrom(ex)) (extrasBy[s] ??= new Map()).set(i, ex);
    else extrasBy[s]?.delete(i);
  }
  return extrasBy;
}

/** Extras by ascending cell index (as packing writes them; sorted only if a sender did not). */
function inCellOrder<E>(extras: readonly (readonly [number, E])[]): readonly (readonly [number, E])[] {
  for (let k = 1; k < extras.length; k++) if (extras[k]![0] <= extras[k - 1]![0]) return [...extras].sort((a, b) => a[0] - b[0]);
  return extras;
}

/**
 * The same prepared course with one student's scores replaced: for live edits, so only that
 * student needs preparing and recomputing.
 */
export function withStudentScores(course: PreparedCourse, studentId: number, scores: readonly Score[]): PreparedCourse {
  const prev = course.students.get(studentId);
  if (!prev) throw new RangeError(`no student with id ${studentId}`);
  const row = newColumns(course.items.length);
  let extras: Map<number, ScoreExtras> | null = null;
  for (const score of scores) {
    const i = course.itemIndex.get(score.itemId);
    if (i === undefined) continue;
    const ex = scoreExtras(score);
    put(row, i, score.value, ex);
    if (ex && gradesFrom(ex)) (extras ??= new Map()).set(i, ex);
    else extras?.delete(i);
  }
  const students = new Map(course.students);
  students.set(studentId, { ...prev, ...row, extras: extras?.size ? extras : null });
  return { ...course, students };
}

/** The same prepared course with one student's attendance marks replaced (by session id), for live marking. */
export function withStudentMarks(course: PreparedCourse, studentId: number, marks: readonly AttendanceRecord[]): PreparedCourse {
  const prev = course.students.get(studentId);
  if (!prev) throw new RangeError(`no student with id ${studentId}`);
  const students = new Map(course.students);
  students.set(studentId, {
    ...prev,
    marks: marksByIndex(marks, new Map(course.sessionIds.map((id, i) => [id, i])), course.sessionIds.length),
  });
  return { ...course, students };
}

function marksByIndex(
  records: readonly AttendanceRecord[],
  sessionIndex: ReadonlyMap<number, number>,
  count: number,
): (AttendanceMark | undefined)[] {
  const marks: (AttendanceMark | undefined)[] = new Array(count).fill(undefined);
  for (const a of records) {
    const i = sessionIndex.get(a.sessionId);
    if (i !== undefined) marks[i] = a.mark;
  }
  return marks;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
