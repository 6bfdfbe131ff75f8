/** The engine's output. Numbers are JS numbers for display and charts; strings are exact. */
import type { Adjustment, CategoryKind } from '../model';

/**
 * current: only graded work counts (and missing work past its due date); categories with
 * nothing to count hand their weight to the others.
 * final: ungraded work counts as 0, as if the term ended now.
 */
export type View = 'current' | 'final';

/** How an item takes part in one view. */
export type Inclusion = 'counted' | 'dropped' | 'excluded';

/**
 * graded: has a score (possibly changed by lateness, an adjustment or an integrity finding).
 * ungraded: no score and no status. missing: marked missing and past due, counts 0.
 * missing-before-due: marked missing but not yet due, counts only in the final view.
 * auto-missing: ungraded past its deadline while the missing-work policy is on, scored by it.
 * Missing work scores 0, or the missing-work policy's percentage of points possible.
 */
export type ItemOutcome = 'graded' | 'ungraded' | 'excused' | 'exempt' | 'missing' | 'missing-before-due' | 'auto-missing';

export interface LateInfo {
  /** Elapsed hours after the (extended) deadline, or the manual days late × 24. */
  readonly hoursLate: number;
  readonly source: 'submitted' | 'manual';
  /** ISO instant of the deadline used (after extensions); null for manual lateness. */
  readonly deadline: string | null;
  readonly extensionDays: number;
  /** Points taken off: the raw score less the effective score. 0 when waived. */
  readonly deduction: number;
  readonly notAccepted: boolean;
  /** The rule applied, in words. */
  readonly rule: string;
  /** The waiver's reason when the penalty was waived. */
  readonly waived: string | null;
  /**
   * How late, in words, dates in the course's zone: "submitted 38 h 59 min late (Tue 16 Sep,
   * 2:58 pm EDT; deadline Mon 15 Sep, 11:59 pm EDT)" or "marked 2 days late".
   */
  readonly lateness?: string;
  /**
   * What the rule did, in words whose numbers add up as shown: "−10% of 8 earned = −0.8 → 7.2",
   * "not accepted, 8 → 0", "penalty waived (illness)".
   */
  readonly penalty?: string;
}

export interface IntegrityInfo {
  readonly date: string;
  readonly note: string;
  /** The score before the finding zeroed it (null if none was entered). */
  readonly original: number | null;
}

export interface TeamInfo {
  /** The team the student was on at the deadline (null: on no team then). */
  readonly teamId: number | null;
  /** The team's score, before this member's adjustment. */
  readonly teamScore: number | null;
  readonly adjustment: Adjustment | null;
}

export interface ItemResult {
  readonly itemId: number;
  readonly categoryId: number;
  readonly name: string;
  readonly possible: number;
  /** The score as entered (for a team item, the team's score). */
  readonly raw: number | null;
  /** What counts after adjustment, lateness and integrity; null when there is no score. */
  readonly effective: number | null;
  readonly outcome: ItemOutcome;
  /** Ungraded and missing-before-due items are `counted` as 0 in the final view. */
  readonly current: Inclusion;
  readonly final: Inclusion;
  readonly late: LateInfo | null;
  readonly integrity: IntegrityInfo | null;
  readonly team: TeamInfo | null;
  /** Why the effective score differs from the raw one, or why the item does not count. */
  readonly why: readonly string[];
}

export interface CategoryView {
  /** Points earned and possible over counted items (attendance: credits over sessions). */
  readonly earned: number;
  readonly possible: number;
  /** Category percentage, unrounded; null when nothing counts. */
  readonly percent: number | null;
  /** The percentage half-up to 2 decimals, e.g. "90.00". */
  readonly display: string | null;
  /**
   * Weighted grading: the weight after redistribution (0 when the category has nothing to count).
   * Points grading: the category's share of all points possible, in percent.
   */
  readonly effectiveWeight: number;
  /** Percentage points this category adds to the total. */
  readonly contribution: number;
  readonly dropped: readonly number[];
}

export interface CategoryResult {
  readonly categoryId: number;
  readonly name: string;
  readonly kind: CategoryKind;
  /** The weight as set in the policy. */
  readonly weight: number;
  readonly current: CategoryView;
  readonly final: CategoryView;
}

export interface GradeView {
  /** Unrounded percentage; null when nothing counts. */
  readonly percent: number | null;
  /** After the rounding setting (what the letter is looked up with). */
  readonly rounded: number | null;
  /** Exact decimal string of `rounded`, e.g. "94.00". */
  readonly display: string | null;
  readonly letter: string | null;
}

export interface OverrideInfo {
  readonly letter: string | null;
  readonly percent: number | null;
  readonly reason: string;
  /** The letter the computation gave before the override. */
  readonly computedLetter: string | null;
}

/** low-attendance: the attendance rate is below policy.attendance.lowThreshold. */
export type Flag = 'borderline' | 'override' | 'integrity' | 'late' | 'missing' | 'low-attendance';

export type ExplanationLine =
  /** `change` is what this step did to the item's score, in points (0 for notes). */
  | { readonly kind: 'item'; readonly itemId: number; readonly text: string; readonly change: number }
  /** The excused (or exempt) items of one category, in item order: one line, however many. */
  | {
      readonly kind: 'not-counted';
      readonly categoryId: number;
      readonly status: 'excused' | 'exempt';
      readonly itemIds: readonly number[];
      readonly text: string;
    }
  | { readonly kind: 'drop'; readonly view: View; readonly categoryId: number; readonly itemId: number; readonly text: string }
  /** A drop setting the limits cut down (see category.ts). */
  | { readonly kind: 'drop-limit'; readonly view: View; readonly categoryId: number; readonly text: string }
  | { readonly kind: 'redistribute'; readonly view: View; readonly categoryId: number; readonly text: string }
  | {
      readonly kind: 'category';
      readonly view: View;
      readonly categoryId: number;
      readonly text: string;
      readonly earned: number;
      readonly possible: number;
      readonly percent: number | null;
      readonly effectiveWeight: number;
      readonly contribution: number;
    }
  | { readonly kind: 'total'; readonly view: View; readonly text: string; readonly percent: number | null }
  | { readonly kind: 'rounding'; readonly view: View; readonly text: string; readonly from: number; readonly to: number }
  | { readonly kind: 'letter'; readonly view: View; readonly text: string; readonly letter: string | null }
  | { readonly kind: 'override'; readonly text: string }
  | { readonly kind: 'flag'; readonly flag: Flag; readonly text: string };

export interface StudentResult {
  readonly studentId: number;
  /** Ordered by category position, then item position. */
  readonly items: readonly ItemResult[];
  /** Ordered by category position. */
  readonly categories: readonly CategoryResult[];
  readonly current: GradeView;
  readonly final: GradeView;
  /** The final letter, after any override. */
  readonly letter: string | null;
  /** The final display percentage, after any override. */
  readonly display: string | null;
  readonly override: OverrideInfo | null;
  /** Flags refer to the final view. */
  readonly flags: readonly Flag[];
  readonly explanation: readonly ExplanationLine[];
}

export type PolicyProblemCode =
  | 'no_categories'
  | 'weights_total'
  | 'equal_weight_points'
  | 'attendance_twice'
  | 'attendance_drops'
  | 'band_twice'
  | 'band_order'
  | 'time_zone'
  | 'late_step_order'
  | 'late_step_past_cutoff';

export interface PolicyProblem {
  readonly code: PolicyProblemCode;
  readonly message: string;
}

export interface CourseResult {
  /** Same order as the snapshot's students. */
  readonly students: readonly StudentResult[];
  /** validatePolicy's findings: grades are still computed, exactly as the policy says. */
  readonly policyProblems: readonly PolicyProblem[];
}

export interface ComputeOptions {
  /** ISO instant the grade is computed for (missing-past-due logic). Default: now. */
  readonly asOf?: string;
}
