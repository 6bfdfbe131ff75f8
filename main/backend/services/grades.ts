import type { GradeRow, OverrideInput } from '@shared/api/grades';
import { ApiError } from '@shared/api/envelope';
import { legalName, unpackSnapshot, type CourseSnapshot, type PackedSnapshot } from '@shared/model';
import { computePrepared, computeStudent, preparePacked, type CategoryView, type CourseResult, type StudentResult } from '@shared/grading';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { readCourseRow, toStudent } from '../db/rows';
import { readPackedSnapshot } from './course';
import { requireStudentRow } from './roster';

const categoryCell = (v: CategoryView) => ({
  percent: v.percent,
  display: v.display,
  effectiveWeight: v.effectiveWeight,
  contribution: v.contribution,
});

export function toGradeRow(r: StudentResult): GradeRow {
  return {
    studentId: r.studentId,
    current: r.current,
    final: r.final,
    letter: r.letter,
    display: r.display,
    override: r.override,
    flags: [...r.flags],
    categories: r.categories.map((c) => ({
      categoryId: c.categoryId,
      name: c.name,
      weight: c.weight,
      current: categoryCell(c.current),
      final: categoryCell(c.final),
    })),
  };
}

/** The course as stored, in its wire form (no Score object per cell), and its grades from one read. */
export function gradedPacked(db: Db, asOf: string): { packed: PackedSnapshot; results: CourseResult } {
  const packed = readPackedSnapshot(db);
  return { packed, results: computePrepared(preparePacked(packed), { asOf }) };
}

/** The course as stored and its grades from one read: the engine prepares the wire form itself, without packing it again. */
export function gradedCourse(db: Db, asOf: string): { snapshot: CourseSnapshot; results: CourseResult } {
  const { packed, results } = gradedPacked(db, asOf);
  return { snapshot: unpackSnapshot(packed), results };
}

/** A student's final letter and override: all that the registrar file and its pre-flight read of a grade. */
export type FinalLetter = Pick<StudentResult, 'letter' | 'override'>;

/**
 * The course as stored, in its wire form (no Score object per cell), and every student's final
 * letter in roster order. Graded a student at a time, keeping only the letter, so no whole result
 * outlives its student: 2,000 kept results are megabytes that the GC would copy while the rest
 * is computed and the file written.
 */
export function finalLetters(db: Db, asOf: string): { packed: PackedSnapshot; letters: FinalLetter[] } {
  const packed = readPackedSnapshot(db);
  const prepared = preparePacked(packed);
  const letters = prepared.studentOrder.map((id): FinalLetter => {
    const { letter, override } = computeStudent(prepared, id, { asOf });
    return { letter, override };
  });
  return { packed, letters };
}

/** Grades come only from the engine, over the course as stored. */
export function computeGrades(db: Db, asOf = new Date().toISOString()) {
  const result = computePrepared(preparePacked(readPackedSnapshot(db)), { asOf });
  return { asOf, students: result.students.map(toGradeRow), policyProblems: [...result.policyProblems] };
}

export function explainGrade(db: Db, studentId: number, asOf = new Date().toISOString()): StudentResult {
  requireStudentRow(db, studentId);
  return computeStudent(preparePacked(readPackedSnapshot(db)), studentId, { asOf });
}

export function setOverride(db: Db, o: OverrideInput): GradeRow {
  const student = requireStudentRow(db, o.studentId);
  const letters = readCourseRow(db).policy.bands.map((b) => b.letter);
  if (o.letter != null && !letters.includes(o.letter)) {
    throw new ApiError('validation_failed', `"${o.letter}" is not a letter of this course. Use one of: ${letters.join(', ')}.`);
  }
  change(
    db,
    `Override final grade of ${legalName(toStudent(student))}`,
    (cs) =>
      cs.put(
        'grade_override',
        { student_id: o.studentId },
        { letter: o.letter ?? null, percent: o.percent ?? null, reason: o.reason, updated_at: new Date().toISOString() },
      ),
    { reason: o.reason },
  );
  return toGradeRow(explainGrade(db, o.studentId));
}

export function clearOverride(db: Db, studentId: number, reason: string): GradeRow {
  const student = requireStudentRow(db, studentId);
  if (!db.prepare('SELECT 1 FROM grade_override WHERE student_id = ?').get(studentId)) {
    throw new ApiError('not_found', `${legalName(toStudent(student))} has no grade override to clear.`);
  }
  change(
    db,
    `Clear grade override of ${legalName(toStudent(student))}`,
    (cs) => cs.put('grade_override', { student_id: studentId }, null),
    {
      reason,
    },
  );
  return toGradeRow(explainGrade(db, studentId));
}
