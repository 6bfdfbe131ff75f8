/**
 * A category's totals in one view: which items count, which are dropped, earned / possible.
 *
 * - Points categories: percentage = earned / possible over counted items. Scores above points
 *   possible count in full; an item with 0 points possible adds to earned only.
 * - Equal-weight categories: every counted item with points possible weighs the same, so the
 *   percentage is the mean of the items' own percentages; an item with 0 points possible adds
 *   its points over the category's points possible before drops (so that a higher score can
 *   never lower the grade through a change of which item is dropped).
 * - A category with no points possible counted (nothing graded, all excused) has no percentage
 *   and its weight goes to the other categories.
 * - Drop limits (as Canvas and Moodle): n = the droppable counted items (integrity zeros and
 *   never-drop items are not droppable; 0-point items are, outside equal-weight categories, ranked
 *   by their raw score). Drop lowest is clamped to n − 1; if drop lowest + drop highest ≥ n, drop
 *   highest is cancelled. So at least one droppable item always stays, and so does one item with
 *   points possible (when all of those are droppable, the drops are capped to leave one).
 *   Drop lowest gives the best grade for the student, drop highest the worst; with both, the
 *   grade is the min over high drops of the max over low drops (see drop.ts: the Canvas-style
 *   two-step choice is not monotone). Ties: see drop.ts tieBreak.
 */
import type { AttendanceTotals } from './attendance';
import { chooseBothDrops, chooseDrops, choosePercentDrops, type DropScores, type DropTotal } from './drop';
import { FINE_N, type Ratio, add, toNumber } from './exact';
import type { StudentItems } from './item';
import type { PreparedCategory } from './prepare';

export interface CategoryTotals {
  /** Earned in units (exact when `earnedFine` is 0n; else the floor of the exact value). */
  readonly earnedApprox: number;
  /** The exact earned at FINE resolution, or null when it is `earnedApprox` whole units. */
  readonly earnedFine: bigint | null;
  readonly possibleUnits: number;
  /** Earned / possible as a double (equal-weight: the mean of item fractions); null: nothing counts. */
  readonly fraction: number | null;
  /** Equal-weight categories: the exact mean of item fractions (points categories: see exactFraction). */
  readonly mean: Ratio | null;
  /** Dropped item indices: the drop-lowest ones first, then the drop-highest ones. */
  readonly dropped: readonly number[];
  readonly droppedLowest: number;
  /** Droppable items (n of the drop limits); 0 when the category drops nothing. */
  readonly droppable: number;
  /** Items counted (after drops). */
  readonly counted: number;
  /** Attendance only: sessions counted, and the counts under the rule. */
  readonly sessions?: number;
  readonly attendance?: AttendanceTotals;
}

function exactEarned(units: number, fine: bigint, hasFine: boolean): bigint | null {
  return hasFine ? BigInt(units) * FINE_N + fine : null;
}

/** The category's fraction, exactly. */
export function exactFraction(t: CategoryTotals): Ratio | null {
  if (t.mean !== null || t.fraction === null) return t.mean;
  return t.earnedFine === null
    ? { n: BigInt(t.earnedApprox), d: BigInt(t.possibleUnits) }
    : { n: t.earnedFine, d: BigInt(t.possibleUnits) * FINE_N };
}

/** A category's counted items in one view, before drops. */
interface Collected {
  readonly pc: PreparedCategory;
  readonly units: number;
  readonly fine: bigint;
  readonly hasFine: boolean;
  readonly approx: number;
  readonly possible: number;
  readonly counted: number;
  readonly possibleBeforeDrops: number;
  readonly candidates: number[];
  /** How many to drop from each end, after the limits above. */
  readonly lowest: number;
  readonly highest: number;
}

const NO_CANDIDATES: number[] = [];

/**
 * Each category's candidate list, reused: it lives only while the category's drops are chosen
 * (the totals keep its length), the engine is synchronous, and one category is never chosen twice
 * at once. A new list per category, view and student was a tenth of a full recompute's garbage.
 */
const candidateLists = new WeakMap<PreparedCategory, number[]>();

function candidatesOf(pc: PreparedCategory): number[] {
  let list = candidateLists.get(pc);
  if (list === undefined) {
    list = [];
    candidateLists.set(pc, list);
  }
  return list;
}

function collect(pc: PreparedCategory, possibleUnits: Float64Array, s: StudentItems, inView: Uint8Array): Collected {
  const c = pc.category;
  const wantDrops = c.dropLowest > 0 || c.dropHighest > 0;
  let units = 0; // sum of whole-unit scores
  let fine = 0n; // sum of exact scores that are not whole units, at FINE
  let hasFine = false;
  let approx = 0;
  let possible = 0;
  let counted = 0;
  let positive = 0;
  let positiveCandidates = 0;
  const candidates = wantDrops ? candidatesOf(pc) : NO_CANDIDATES;
  let n = 0;
  for (const i of pc.items) {
    if (!inView[i]) continue;
    counted++;
    const p = possibleUnits[i]!;
    possible += p;
    if (p > 0) positive++;
    // An equal-weight category has no percentage for a 0-point item to rank by.
    if (wantDrops && s.droppable[i] && (p > 0 || !c.equalWeightItems)) {
      candidates[n++] = i;
      if (p > 0) positiveCandidates++;
    }
    const f = s.fine[i];
    if (f != null) {
      fine += f;
      hasFine = true;
      approx += s.approx[i]!;
    } else {
      units += s.approx[i]!;
    }
  }
  approx += units;
  candidates.length = n;
  let lowest = Math.min(c.dropLowest, Math.max(n - 1, 0));
  let highest = lowest + c.dropHighest >= n ? 0 : c.dropHighest;
  if (positive === positiveCandidates) {
    const budget = Math.max(positive - 1, 0);
    lowest = Math.min(lowest, budget);
    highest = Math.min(highest, budget - lowest);
  }
  return { pc, units, fine, hasFine, approx, possible, counted, possibleBeforeDrops: possible, candidates, lowest, highest };
}

function finish(
  col: Collected,
  lowest: readonly number[],
  highest: readonly number[],
  possibleUnits: Float64Array,
  s: StudentItems,
  inView: Uint8Array,
  equalWeight: boolean,
): CategoryTotals {
  const dropped = highest.length > 0 ? [...lowest, ...highest] : (lowest as number[]);
  let { units, fine, approx, possible, counted } = col;
  for (const i of dropped) {
    counted--;
    possible -= possibleUnits[i]!;
    const f = s.fine[i];
    if (f != null) fine -= f;
    else units -= s.approx[i]!;
    approx -= s.approx[i]!;
  }
  const earnedFine = exactEarned(units, fine, col.hasFine);
  const earnedApprox = col.hasFine ? approx : units;
  const mean = equalWeight ? meanRatio(col.pc.items, possibleUnits, s, inView, dropped, col.possibleBeforeDrops) : null;
  const fraction = equalWeight ? (mean === null ? null : toNumber(mean)) : possible > 0 ? earnedApprox / possible : null;
  return {
    earnedApprox,
    earnedFine,
    possibleUnits: possible,
    fraction,
    mean,
    dropped,
    droppedLowest: lowest.length,
    droppable: col.candidates.length,
    counted,
  };
}

function totalOf(col: Collected): DropTotal {
  return { units: col.units, fine: col.fine, possible: col.possible };
}

/** Weighted grading: each category chooses its drops for its own best (worst) percentage. */
export function itemsCategory(
  pc: PreparedCategory,
  possibleUnits: Float64Array,
  s: StudentItems,
  inView: Uint8Array,
  equalWeight: boolean,
): CategoryTotals {
  const col = collect(pc, possibleUnits, s, inView);
  const { lowest: low, highest: high } = col;
  if (low + high === 0) return finish(col, [], [], possibleUnits, s, inView, equalWeight);
  const v: DropScores = { approx: s.approx, fine: s.fine, possible: possibleUnits };
  if (!equalWeight) {
    // One kind of drop: the plain optimum, as chooseBothDrops would give it but without its set-up.
    const total = totalOf(col);
    const one = (k: number, goal: 'best' | 'worst') => chooseDrops(total, [{ candidates: col.candidates, k }], goal, v)[0]!;
    const both = low > 0 && high > 0 ? chooseBothDrops(total, [{ candidates: col.candidates, lowest: low, highest: high }], v) : null;
    const lowest = both ? both.lowest[0]! : high === 0 ? one(low, 'best') : [];
    const highest = both ? both.highest[0]! : high > 0 ? one(high, 'worst') : [];
    return finish(col, lowest, highest, possibleUnits, s, inView, false);
  }
  // Equal weights: the lowest and highest percentages, which is also the min-max choice.
  const lowest = choosePercentDrops(col.candidates, low, 'best', v);
  let highest: number[] = [];
  if (high > 0) {
    const rest = col.candidates.filter((i) => !lowest.includes(i));
    highest = choosePercentDrops(rest, high, 'worst', v);
  }
  return finish(col, lowest, highest, possibleUnits, s, inView, equalWeight);
}

/**
 * Points grading: drops serve the course total, not each category's percentage (the best drop
 * for a category alone can lower the total), so all categories choose together.
 * `others` are the non-item categories' totals (attendance), which count in the total.
 */
export function pointsCategories(
  pcs: readonly PreparedCategory[],
  possibleUnits: Float64Array,
  s: StudentItems,
  inView: Uint8Array,
  others: readonly CategoryTotals[],
): CategoryTotals[] {
  const cols = pcs.map((pc) => collect(pc, possibleUnits, s, inView));
  if (cols.every((c) => c.lowest + c.highest === 0)) return cols.map((c) => finish(c, [], [], possibleUnits, s, inView, false));
  const v: DropScores = { approx: s.approx, fine: s.fine, possible: possibleUnits };
  let total: DropTotal = { units: 0, fine: 0n, possible: 0 };
  for (const c of cols)
    total = {
      units: total.units + c.units,
      fine: total.fine + c.fine,
      possible: total.possible + c.possible,
    };
  for (const t of others) {
    total = {
      ...total,
      units: total.units + t.earnedApprox,
      possible: total.possible + t.possibleUnits,
    };
  }
  const groups = cols.map((c) => ({ candidates: c.candidates, lowest: c.lowest, highest: c.highest }));
  const both = chooseBothDrops(total, groups, v);
  return cols.map((c, g) => finish(c, both.lowest[g]!, both.highest[g]!, possibleUnits, s, inView, false));
}

function meanRatio(
  indices: readonly number[],
  possibleByItem: Float64Array,
  s: StudentItems,
  inView: Uint8Array,
  dropped: readonly number[],
  possibleUnits: number,
): Ratio | null {
  let sum: Ratio = { n: 0n, d: 1n };
  let n = 0;
  let bonus = 0n; // at FINE
  for (const i of indices) {
    if (!inView[i] || dropped.includes(i)) continue;
    const sFine = s.fine[i] ?? BigInt(s.approx[i]!) * FINE_N;
    const p = possibleByItem[i]!;
    if (p > 0) {
      sum = add(sum, { n: sFine, d: BigInt(p) * FINE_N });
      n++;
    } else {
      bonus += sFine;
    }
  }
  if (n === 0) return null;
  const mean: Ratio = { n: sum.n, d: sum.d * BigInt(n) };
  return bonus === 0n ? mean : add(mean, { n: bonus, d: BigInt(possibleUnits) * FINE_N });
}

export function attendanceCategory(t: AttendanceTotals): CategoryTotals {
  return {
    earnedApprox: t.earned,
    earnedFine: null,
    possibleUnits: t.possible,
    fraction: t.possible > 0 ? t.earned / t.possible : null,
    mean: null,
    dropped: [],
    droppedLowest: 0,
    droppable: 0,
    counted: t.sessions,
    sessions: t.sessions,
    attendance: t,
  };
}
