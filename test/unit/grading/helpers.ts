import {
  blankScore,
  blankTeamScore,
  type Category,
  type CourseSnapshot,
  type Item,
  type Policy,
  type Score,
  type Student,
  type TeamScore,
} from '@shared/model';
import { IE7374_POLICY } from '@shared/model/preset';

export function student(id: number, over: Partial<Student> = {}): Student {
  return {
    id,
    registrarId: `00${id}`,
    firstName: `First${id}`,
    lastName: `Last${id}`,
    preferredName: null,
    email: null,
    section: null,
    status: 'enrolled',
    extensionDays: 0,
    accommodationNote: null,
    ...over,
  };
}

export function category(id: number, over: Partial<Category> = {}): Category {
  return {
    id,
    name: `Cat${id}`,
    weight: 100,
    dropLowest: 0,
    dropHighest: 0,
    equalWeightItems: false,
    kind: 'items',
    position: id,
    ...over,
  };
}

export function item(id: number, categoryId: number, pointsPossible: number, over: Partial<Item> = {}): Item {
  return {
    id,
    categoryId,
    name: `Item${id}`,
    pointsPossible,
    dueDate: null,
    dueTime: null,
    dueAt: null,
    teamGraded: false,
    neverDrop: false,
    omitFromFinal: false,
    muted: false,
    position: id,
    ...over,
  };
}

export function score(studentId: number, itemId: number, value: number | null, over: Partial<Score> = {}): Score {
  return { ...blankScore(studentId, itemId, value), ...over };
}

export function teamScore(teamId: number, itemId: number, value: number | null, over: Partial<TeamScore> = {}): TeamScore {
  return { ...blankTeamScore(teamId, itemId, value), ...over };
}

export function policy(over: Partial<Policy> = {}): Policy {
  return { ...IE7374_POLICY, ...over };
}

export function snapshot(over: Partial<CourseSnapshot> = {}): CourseSnapshot {
  return {
    course: { name: 'Test', code: null, term: null },
    policy: policy(),
    categories: [category(1)],
    students: [student(1)],
    teams: [],
    memberships: [],
    items: [],
    scores: [],
    teamScores: [],
    attendanceSessions: [],
    attendance: [],
    overrides: [],
    ...over,
  };
}

/** A point in time far after every due date used in tests. */
export const LATE_TERM = '2030-01-01T00:00:00Z';

import { computeCourse, type StudentResult } from '@shared/grading';

/** The first student's result, computed long after every due date unless `asOf` is given. */
export function gradeOne(snap: CourseSnapshot, asOf = LATE_TERM): StudentResult {
  return computeCourse(snap, { asOf }).students[0]!;
}

export function itemOf(r: StudentResult, itemId: number) {
  const it = r.items.find((x) => x.itemId === itemId);
  if (!it) throw new Error(`no item ${itemId}`);
  return it;
}

export function categoryOf(r: StudentResult, categoryId: number) {
  const c = r.categories.find((x) => x.categoryId === categoryId);
  if (!c) throw new Error(`no category ${categoryId}`);
  return c;
}
