import { z } from 'zod';
import type { StudentResult } from '../grading/types';
import { Id, Instant } from '../model';
import { method } from './define';

const Pct = z.number().nullable();

export const GradeView = z.object({ percent: Pct, rounded: Pct, display: z.string().nullable(), letter: z.string().nullable() });

export const CategoryGrade = z.object({
  categoryId: z.number().int(),
  name: z.string(),
  weight: z.number(),
  current: z.object({ percent: Pct, display: z.string().nullable(), effectiveWeight: z.number(), contribution: z.number() }),
  final: z.object({ percent: Pct, display: z.string().nullable(), effectiveWeight: z.number(), contribution: z.number() }),
});

/** low-attendance: the attendance rate is below the course's threshold. */
export const GradeFlag = z.enum(['borderline', 'override', 'integrity', 'late', 'missing', 'low-attendance']);

/** One row of the Final grades table: the engine's result without the per-item detail. */
export const GradeRow = z.object({
  studentId: Id,
  current: GradeView,
  final: GradeView,
  /** The final letter and display percentage, after any override. */
  letter: z.string().nullable(),
  display: z.string().nullable(),
  override: z.object({ letter: z.string().nullable(), percent: Pct, reason: z.string(), computedLetter: z.string().nullable() }).nullable(),
  flags: z.array(GradeFlag),
  categories: z.array(CategoryGrade),
});
export type GradeRow = z.infer<typeof GradeRow>;

// The full result is rich and produced by our own engine: checked shallowly, typed exactly.
const StudentResultShape = z.looseObject({
  studentId: Id,
  items: z.array(z.looseObject({ itemId: z.number() })),
  categories: z.array(z.looseObject({ categoryId: z.number() })),
  explanation: z.array(z.looseObject({ kind: z.string(), text: z.string() })),
});
export const StudentResultSchema = z.custom<StudentResult>((v) => StudentResultShape.safeParse(v).success, 'a student grade result');

const AsOf = z.object({ asOf: Instant.optional() });
/** A finding about the policy: a stable code for scripts and the words for the instructor. */
export const PolicyProblemSchema = z.object({ code: z.string(), message: z.string() });

/** A manual final grade: a letter, a percent or both, always with a reason. */
export const OverrideInput = z
  .object({
    studentId: Id,
    letter: z.string().trim().min(1).max(4).nullable().optional(),
    percent: z.number().min(0).max(1000).nullable().optional(),
    reason: z.string().trim().min(1, 'a reason is required').max(2000),
  })
  .strict()
  .refine((o) => o.letter != null || o.percent != null, 'give a letter or a percent (to remove an override, clear it)');
export type OverrideInput = z.output<typeof OverrideInput>;

export const gradeMethods = {
  /** Every student's grade as of `asOf` (default: now), computed by the grading engine only. */
  'grades.compute': method(
    AsOf.strict(),
    z.object({ asOf: z.string(), students: z.array(GradeRow), policyProblems: z.array(PolicyProblemSchema) }),
  ),
  /** One student's full result: per-item effective scores, categories and explanation lines. */
  'grades.explain': method(AsOf.extend({ studentId: Id }).strict(), StudentResultSchema),
  /** A manual final grade with a reason; the letter must be one of the course's band letters. */
  'override.set': method(OverrideInput, GradeRow, true),
  'override.clear': method(
    z.object({ studentId: Id, reason: z.string().trim().min(1, 'a reason is required').max(2000) }).strict(),
    GradeRow,
    true,
  ),
};
