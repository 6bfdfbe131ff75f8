/**
 * Everything about a course that does not change between students, built once: units, lookups
 * by index, parsed instants, the late rule and the letter scale. Per-student data is indexed by
 * item / session position so the hot loop does no map lookups or date parsing.
 */
import type { AttendanceMark, AttendanceRecord, CourseSnapshot, Item, Override, Score, Student, TeamScore } from '../model/course';
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

export interface PreparedStudent {
  readonly student: Student;
  /** By item index. */
  readonly scores: readonly (Score | undefined)[];
  /** Score.submittedAt as ms by item index (NaN when absent). */
  readonly submittedAt: Float64Array;
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

function parseInstant(s: string | null): number {
  return s === null ? NaN : Date.parse(s);
}

function prepareStudent(
  student: Student,
  scores: readonly Score[],
  itemIndex: ReadonlyMap<number, number>,
  itemCount: number,
  stints: readonly Stint[],
  marks: readonly (AttendanceMark | undefined)[],
  override: Override | null,
): PreparedStudent {
  const byItem: (Score | undefined)[] = new Array(itemCount);
  const submittedAt = new Float64Array(itemCount).fill(NaN);
  for (const s of scores) {
    const i = itemIndex.get(s.itemId);
    if (i === undefined) continue;
    byItem[i] = s;
    submittedAt[i] = parseInstant(s.submittedAt);
  }
  return { student, scores: byItem, submittedAt, stints, marks, override };
}

export function prepareCourse(snapshot: CourseSnapshot): PreparedCourse {
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
  for (const cell of snapshot.teamScores) {
    const i = itemIndex.get(cell.itemId);
    if (i === undefined) continue;
    (teamCells[i] ??= new Map()).set(cell.teamId, { cell, submittedAt: parseInstant(cell.submittedAt) });
  }

  const sessions = sessionOrder(snapshot.attendanceSessions);
  const sessionIndex = new Map(sessions.map((s, i) => [s.id, i]));

  const scoresBy = groupBy(snapshot.scores, (s) => s.studentId);
  const stintsBy = groupBy(snapshot.memberships, (m) => m.studentId);
  const marksBy = groupBy(snapshot.attendance, (a) => a.studentId);
  const overrideBy = new Map(snapshot.overrides.map((o) => [o.studentId, o]));

  const students = new Map<number, PreparedStudent>();
  for (const student of snapshot.students) {
    const marks = marksByIndex(marksBy.get(student.id) ?? [], sessionIndex, sessions.length);
    students.set(
      student.id,
      prepareStudent(
        student,
        scoresBy.get(student.id) ?? [],
        itemIndex,
        items.length,
        (stintsBy.get(student.id) ?? []).map(toStint).sort((a, b) => a.from - b.from || a.teamId - b.teamId),
        marks,
        overrideBy.get(student.id) ?? null,
      ),
    );
  }

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
 * The same prepared course with one student's scores replaced: for live edits, so only that
 * student needs preparing and recomputing.
 */
export function withStudentScores(course: PreparedCourse, studentId: number, scores: readonly Score[]): PreparedCourse {
  const prev = course.students.get(studentId);
  if (!prev) throw new RangeError(`no student with id ${studentId}`);
  const itemIndex = new Map(course.items.map((p) => [p.item.id, p.index]));
  const next = prepareStudent(prev.student, scores, itemIndex, course.items.length, prev.stints, prev.marks, prev.override);
  const students = new Map(course.students);
  students.set(studentId, next);
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
