import { z } from 'zod';

/** Letter bands: lower bound inclusive, highest first. A percentage >= min gets the letter. */
export const Band = z.object({
  letter: z.string().min(1).max(4),
  min: z.number().min(0).max(1000),
});
export type Band = z.infer<typeof Band>;

/** How the final percentage is rounded before the band lookup (and for display). */
export const Rounding = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('half-up'), decimals: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
]);
export type Rounding = z.infer<typeof Rounding>;

/**
 * One step of the late rule: work late by at most `upToHours` (and more than the previous
 * step) loses `deduction` percent, once (`flat`) or per started hour/day late.
 */
export const LateStep = z.object({
  upToHours: z.number().positive(),
  deduction: z.number().min(0).max(100),
  per: z.enum(['flat', 'hour', 'day']),
});
export type LateStep = z.infer<typeof LateStep>;

export const LatePolicy = z.object({
  /** Deduct a percentage of the points earned, or of the points possible. */
  basis: z.enum(['earned', 'possible']),
  steps: z.array(LateStep),
  /** Late work never drops below this percent of possible (null: no floor). */
  floorPercent: z.number().min(0).max(100).nullable(),
  /** Later than this many hours: not accepted, scores 0 (null: always accepted). */
  cutoffHours: z.number().positive().nullable(),
});
export type LatePolicy = z.infer<typeof LatePolicy>;

/**
 * Credit per attendance mark and which sessions count (shared/grading/attendance.ts applies it).
 * `excused` sessions leave the denominator when excusedCounts is false. Fields added after the
 * first release have defaults, so older course files load unchanged.
 */
export const AttendanceRule = z.object({
  present: z.number().min(0).max(1),
  late: z.number().min(0).max(1),
  absent: z.number().min(0).max(1),
  excusedCounts: z.boolean(),
  /** This many absences are forgiven (they earn present credit), so the rate never passes 100%. */
  freeAbsences: z.number().int().min(0).max(100).default(0),
  /** Students whose attendance rate is below this percent are flagged. */
  lowThreshold: z.number().min(0).max(100).default(80),
  /** to-date: only sessions held so far count; term: every session of the term (upcoming ones earn nothing yet). */
  scope: z.enum(['to-date', 'term']).default('to-date'),
  /** A held session without a mark: not counted until the roll is taken, or counted as absent. */
  unmarked: z.enum(['not-counted', 'absent']).default('not-counted'),
});
export type AttendanceRule = z.infer<typeof AttendanceRule>;

/** One rubric criterion of a reading presentation, e.g. Content 4, Clarity 3, Q&A 3. */
export const RubricCriterion = z.object({
  name: z.string().trim().min(1).max(100),
  points: z.number().positive().max(1000),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/**
 * How reading presentations are graded: the rubric (its points add up to the item's points
 * possible), and what a member of the presenting team who was absent or did not present gets:
 * the team's grade, zero, or excused (the item leaves that student's grade).
 */
export const PresentationPolicy = z.object({
  rubric: z
    .array(RubricCriterion)
    .min(1)
    .max(20)
    .refine((r) => new Set(r.map((c) => c.name.toLowerCase())).size === r.length, 'each rubric criterion needs its own name'),
  absentPresenter: z.enum(['team', 'zero', 'excused']),
});
export type PresentationPolicy = z.infer<typeof PresentationPolicy>;

/**
 * Missing work (Canvas's "missing submission deduction"): when on, a cell marked missing, or
 * left ungraded past its deadline, scores `percent` of points possible instead of 0 / nothing.
 */
export const MissingWorkPolicy = z.object({
  enabled: z.boolean(),
  percent: z.number().min(0).max(100),
});
export type MissingWorkPolicy = z.infer<typeof MissingWorkPolicy>;

export const Policy = z.object({
  /** weighted: categories by weight; points: plain total of points across all items. */
  grading: z.enum(['weighted', 'points']),
  /** IANA time zone in which due dates are read. */
  timeZone: z.string().min(1),
  /** Local time of day work is due when an item has no time of its own. */
  defaultDueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  rounding: Rounding,
  bands: z.array(Band).min(1),
  late: LatePolicy,
  attendance: AttendanceRule,
  /** Flag students within this many points below the next band up. */
  borderlineDistance: z.number().min(0).max(100),
  /** Absent in courses made before presentations were graded: PRESENTATION_PRESET applies. */
  presentations: PresentationPolicy.optional(),
  /** Off in the preset (and in files written before it existed). */
  missingWork: MissingWorkPolicy.default({ enabled: false, percent: 0 }),
  /** Ask before saving a score above points possible (else it is kept as extra credit and said so). Off in the preset and older files. */
  confirmExtraCredit: z.boolean().default(false),
});
export type Policy = z.infer<typeof Policy>;

export const CategoryKind = z.enum(['items', 'attendance']);
export type CategoryKind = z.infer<typeof CategoryKind>;

export const Category = z.object({
  id: z.number().int(),
  name: z.string().min(1).max(200),
  /** Percent of the final grade (weighted grading); weights must total 100. */
  weight: z.number().min(0).max(100),
  dropLowest: z.number().int().min(0),
  dropHighest: z.number().int().min(0),
  /** Each item counts equally instead of by its points possible. */
  equalWeightItems: z.boolean(),
  /** attendance: the category's grade comes from attendance marks, not items. */
  kind: CategoryKind,
  position: z.number().int(),
});
export type Category = z.infer<typeof Category>;
