/**
 * Statistics of one item's scores or one category's percentages, over the engine's results
 * (nothing here computes a grade), for the grid's Statistics dialog and the workbook's footer rows.
 *
 *   itemStatistics(entries, item)                the effective scores, in points
 *   categoryStatistics(entries, categoryId, view) the students' category percentages
 *
 * Each value becomes exact units once (exact.ts `toUnits`, as the engine takes its input), and
 * the mean, median and standard deviation are worked out on integers and rounded half-up to
 * STAT_DECIMALS, so the dialog, the workbook and a hand calculation agree to the last digit.
 *
 * The standard deviation is the population one (divide by n, Excel's STDEV.P): the scores are the
 * whole class, not a sample drawn from a larger one.
 */
import type { StudentResult, View } from '../grading/types';
import { SCALE_N, floorDiv, roundHalfUp, toUnits, type Ratio } from '../grading/exact';
import type { Item, Student } from '../model/course';
import { histogram, type HistogramBin } from './distribution';

/** Decimals of every figure (the course's display precision preset). */
export const STAT_DECIMALS = 2;
/** Histogram bars are this many percentage points wide. */
export const STAT_BIN_WIDTH = 10;

/** One student's row: a grid row or an export row has this shape. */
export interface StatEntry {
  readonly student: Pick<Student, 'status'>;
  readonly result: StudentResult | null;
}

export interface Statistics {
  /** Values counted. */
  readonly count: number;
  /**
   * Students left out, by reason. Items: excused includes exempt, ungraded includes missing work
   * not yet due. Categories: ungraded is a student with nothing counted there (all excused, say).
   */
  readonly left: { readonly withdrawn: number; readonly excused: number; readonly ungraded: number };
  /** Half-up to STAT_DECIMALS; null when nothing is counted. */
  readonly mean: number | null;
  readonly median: number | null;
  readonly sd: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Counts by percentage (of points possible for an item); empty for an item worth 0 points. */
  readonly bins: readonly HistogramBin[];
}

/**
 * The effective scores (after lateness, adjustments and integrity findings) of every enrolled
 * student the engine gives a score for this item: entered scores, and missing work past its
 * deadline as the engine scores it. Excused and exempt cells, ungraded ones and withdrawn
 * students are left out.
 */
export function itemStatistics(entries: readonly StatEntry[], item: Pick<Item, 'id' | 'pointsPossible'>): Statistics {
  const values: number[] = [];
  const left = { withdrawn: 0, excused: 0, ungraded: 0 };
  let at = -1;
  for (const { student, result } of entries) {
    if (student.status === 'withdrawn') {
      left.withdrawn++;
      continue;
    }
    if (!result) continue;
    // Every student's items are in the same order, so the position found once holds for all.
    if (result.items[at]?.itemId !== item.id) at = result.items.findIndex((r) => r.itemId === item.id);
    const r = result.items[at];
    if (!r) throw new Error(`item ${item.id} is not in the results of student ${result.studentId}`);
    if (r.effective !== null) values.push(r.effective);
    else if (r.outcome === 'excused' || r.outcome === 'exempt') left.excused++;
    else left.ungraded++;
  }
  const percents = item.pointsPossible > 0 ? values.map((v) => (v / item.pointsPossible) * 100) : null;
  return summarize(values, left, percents);
}

/**
 * The category percentages in one view of every enrolled student who has one (a student with
 * nothing counted in the category, all excused for instance, has none).
 */
export function categoryStatistics(entries: readonly StatEntry[], categoryId: number, view: View): Statistics {
  const values: number[] = [];
  const left = { withdrawn: 0, excused: 0, ungraded: 0 };
  for (const { student, result } of entries) {
    if (student.status === 'withdrawn') {
      left.withdrawn++;
      continue;
    }
    const c = result?.categories.find((r) => r.categoryId === categoryId);
    if (c?.[view].percent != null) values.push(c[view].percent);
    else left.ungraded++;
  }
  return summarize(values, left, values);
}

function summarize(values: readonly number[], left: Statistics['left'], percents: readonly number[] | null): Statistics {
  const bins = percents ? histogram(percents, STAT_BIN_WIDTH) : [];
  const n = values.length;
  if (n === 0) return { count: 0, left, mean: null, median: null, sd: null, min: null, max: null, bins };
  const units = values.map(toUnits).sort((a, b) => a - b);
  let sum = 0n;
  let squares = 0n;
  for (const u of units) {
    const b = BigInt(u);
    sum += b;
    squares += b * b;
  }
  const N = BigInt(n);
  const mid = n >> 1;
  const median: Ratio =
    n % 2 === 1 ? { n: BigInt(units[mid]!), d: SCALE_N } : { n: BigInt(units[mid - 1]!) + BigInt(units[mid]!), d: 2n * SCALE_N };
  return {
    count: n,
    left,
    mean: rounded({ n: sum, d: N * SCALE_N }),
    median: rounded(median),
    sd: roundedSqrt({ n: N * squares - sum * sum, d: N * N * SCALE_N * SCALE_N }),
    min: rounded({ n: BigInt(units[0]!), d: SCALE_N }),
    max: rounded({ n: BigInt(units[n - 1]!), d: SCALE_N }),
    bins,
  };
}

const STEPS = 10n ** BigInt(STAT_DECIMALS);

function rounded(r: Ratio): number {
  return Number(roundHalfUp(r, STAT_DECIMALS)) / Number(STEPS);
}

/** √r half-up to STAT_DECIMALS, exactly: with x = √r · 10^d, round(x) = ⌊(⌊2x⌋ + 1) / 2⌋ and ⌊2x⌋ = isqrt(⌊4r · 10^2d⌋). */
function roundedSqrt(r: Ratio): number {
  const twice = isqrt(floorDiv(4n * r.n * STEPS * STEPS, r.d));
  return Number((twice + 1n) / 2n) / Number(STEPS);
}

/** ⌊√a⌋ for a ≥ 0 (Newton's method on bigints). */
function isqrt(a: bigint): bigint {
  if (a < 2n) return a;
  let x = BigInt(Math.floor(Math.sqrt(Number(a))));
  while (x * x > a) x = (x + a / x) >> 1n;
  while ((x + 1n) * (x + 1n) <= a) x++;
  return x;
}
