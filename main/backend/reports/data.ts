/**
 * What a report is made of, read from the course once: the snapshot, the engine's results and
 * the attendance and presentation records. Everything a document shows comes from here, so a
 * report's numbers are the app's numbers.
 */
import type { ClassReview, StudentReview } from '@shared/api/attendance';
import type { Presentation, Review } from '@shared/api/presentations';
import type { StudentResult, View } from '@shared/grading';
import type { CourseSnapshot, Student } from '@shared/model';
import type { Db } from '../db/open';
import { reviewClass, reviewStudent } from '../services/attendance';
import { gradedCourse } from '../services/grades';
import { presentationReview, listPresentations } from '../services/presentations';
import { listReadings } from '../services/readings';

export interface ReportOptions {
  readonly view: View;
  /** Student reports: print the instructor's comments on the items. */
  readonly comments: boolean;
}

/** The course-wide part, read once for any number of student reports. */
export interface CourseData {
  readonly snapshot: CourseSnapshot;
  /** In snapshot order. */
  readonly results: readonly StudentResult[];
  /** When the report is produced: the grades are computed as of then. */
  readonly asOf: string;
  readonly presentations: readonly Presentation[];
  readonly readingTitles: ReadonlyMap<number, string>;
  /** Comments by student, then item. */
  readonly comments: ReadonlyMap<number, ReadonlyMap<number, string>>;
}

/** One student's report: only their own records (no other student's name, no accommodation note). */
export interface StudentData {
  readonly course: CourseData;
  readonly student: Student;
  readonly result: StudentResult;
  readonly attendance: StudentReview;
  /** The presentations of their team(s) while they were on it, with whether they presented. */
  readonly presentations: readonly (Presentation & { presented: boolean })[];
  /** Comments by item id. */
  readonly comments: ReadonlyMap<number, string>;
}

export interface ClassData {
  readonly course: CourseData;
  readonly attendance: ClassReview;
  readonly presentations: Review;
}

export function readCourseData(db: Db, now = new Date()): CourseData {
  const asOf = now.toISOString();
  const { snapshot, results } = gradedCourse(db, asOf);
  const comments = new Map<number, Map<number, string>>();
  for (const s of snapshot.scores) {
    if (!s.comment) continue;
    if (!comments.has(s.studentId)) comments.set(s.studentId, new Map());
    comments.get(s.studentId)!.set(s.itemId, s.comment);
  }
  return {
    snapshot,
    results: results.students,
    asOf,
    presentations: listPresentations(db),
    readingTitles: new Map(listReadings(db).map((r) => [r.id, r.title])),
    comments,
  };
}

/** The students an "all students" report covers: the enrolled ones, in roster order. */
export const enrolledIndexes = (c: CourseData): number[] => c.snapshot.students.flatMap((s, i) => (s.status === 'enrolled' ? [i] : []));

export function readStudentData(db: Db, course: CourseData, index: number): StudentData {
  const student = course.snapshot.students[index]!;
  const result = course.results[index]!;
  const teamOf = new Map(result.items.flatMap((i) => (i.team?.teamId ? [[i.itemId, i.team.teamId] as const] : [])));
  return {
    course,
    student,
    result,
    attendance: reviewStudent(db, student.id, Date.parse(course.asOf)),
    presentations: course.presentations
      .filter((p) => p.presenterIds.includes(student.id) || (p.itemId !== null && teamOf.get(p.itemId) === p.teamId))
      .map((p) => ({ ...p, presented: p.presenterIds.includes(student.id) })),
    comments: course.comments.get(student.id) ?? new Map(),
  };
}

export function readClassData(db: Db, course: CourseData): ClassData {
  return { course, attendance: reviewClass(db, Date.parse(course.asOf)), presentations: presentationReview(db) };
}
