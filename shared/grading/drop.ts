/**
 * Which items to drop. Dropping the k lowest *raw scores* is wrong when points possible differ
 * (dropping 0/2 helps less than dropping 5/20), so we choose the k items whose removal gives the
 * best category ratio (E − S_D) / (P − P_D) — Kane & Kane, "Dropping Lowest Grades" (Mathematics
 * Magazine, 1992), solved with Dinkelbach's iteration:
 *
 *   given q = the ratio of the current choice, drop the k items with the smallest s_i − q·p_i;
 *   that choice's ratio is ≥ q, and equal only when q is already the best possible ratio.
 *
 * Each step strictly raises q among finitely many choices, and in practice it ends in 2–4
 * steps. It converges from any start; we start from the k lowest percentages. Drop highest (Canvas semantics) is the mirror
 * image: drop the k items whose removal gives the *worst* ratio (largest s_i − q·p_i).
 *
 * Both rules at once. Choosing the low drops first and the high drops from what is left (as Canvas
 * does) is not monotone: a higher score can change which item the low drop takes and so leave a
 * better item for the high drop, lowering the grade. We want "a higher score never lowers a grade"
 * without exceptions, so the combined grade is the value of a game: the high drops are chosen
 * against the student knowing the low drops will then be chosen for them,
 *
 *   V = min over H of max over L of ratio(all − H − L),   |H| = b = dropHighest, |L| = a = dropLowest.
 *
 * Each ratio rises with every score that stays, a max of such functions does too, and so does a
 * min of those: V is monotone by construction, and with only one kind of drop it is the plain
 * optimum above. The sets reported are a saddle point: L is the best low drop given H and H the
 * worst high drop given L, so each is explainable on its own terms. (In points grading the game is
 * over the course total, one category's low drops against another's high drops included.)
 * Finding V costs about what the two-step choice did, because it reduces to one variable:
 * V ≥ q exactly when (E − q·P) − (the b largest + the a smallest keys s_i − q·p_i) ≥ 0, a
 * strictly decreasing function of q (so max-min = min-max = its root V), and at q = V dropping
 * the a smallest and b largest keys gives ratio exactly V. `chooseBothDrops` walks to that root:
 * from q above V, fix H = the b largest keys at q and let Dinkelbach choose the best L given H;
 * that ratio is < q and still ≥ V (V is a min over H). Every step strictly lowers q among the
 * finitely many values max_L ratio(H, L), so it ends, usually in one or two steps (below V, the
 * mirror: fix L, choose the worst H). No enumeration of sets is needed at any size. Before the
 * walk, Newton's iteration on that root (q ← the ratio the saddle at q leaves) is tried for a few
 * steps: it usually lands in two single passes, and the sets at q = V are the same whichever way
 * V was found.
 * For equal-weight categories the game's value is simply the mean without the a lowest and b
 * highest percentages (order statistics: monotone), which the two-step choice already gives.
 *
 * Comparisons run on doubles and fall back to exact bigint arithmetic whenever the doubles are
 * too close to call, so the chosen set is exactly optimal — and the proofs above, which assume
 * exact comparisons, hold. "Too close" must bound the doubles' real error, not only their
 * rounding: a ratio's numerator is therefore never a double running sum (total − dropped scores
 * cancels: with every droppable item dropped and a true remainder of 0, it left noise like 6e-8
 * that compared as unequal to itself, and the iteration "made no progress"). It comes from the
 * exact integers (whole units, FINE bigints), so it is 0 when it should be and otherwise within
 * 2^-52 of its value; and a score's `approx` is trusted only to within one unit. Should a
 * comparison still be wrong, chooseBothDrops notices the broken invariant and starts over with
 * exact arithmetic only, where the proofs apply as they stand: it never throws.
 * Candidates may have p_i = 0 (extra credit: their key is the raw score); the caller keeps at
 * least one positive-possible item, so no denominator reaches 0.
 */
import { FINE, FINE_N } from './exact';

export type DropGoal = 'best' | 'worst';

export interface DropScores {
  /**
   * Effective score in units: exact whole units when `fine[i]` is not set, else within one unit
   * of `fine[i]` / FINE (its floor or nearest double both are).
   */
  readonly approx: ArrayLike<number>;
  /** Exact effective score at FINE resolution, when not a whole number of units. */
  readonly fine: readonly (bigint | null | undefined)[];
  /** Points possible in units (exact). */
  readonly possible: ArrayLike<number>;
}

/**
 * A category total before dropping. Earned = `units` whole units plus `fine` (at FINE
 * resolution, the sum of scores that are not whole units): exact, so ratios are too.
 */
export interface DropTotal {
  readonly units: number;
  readonly fine: bigint;
  readonly possible: number;
}

/**
 * Relative margin for a decision on doubles. Their real relative error is a few 2^-52 (inputs
 * exact or correctly rounded, then one or two operations); error in `approx` is bounded apart.
 */
const TOL = 1e-9;

/** How far `approx[i]` may be from the exact score, in units. */
function approxError(v: DropScores, i: number): number {
  return v.fine[i] == null ? 0 : 1;
}

function exactScore(v: DropScores, i: number): bigint {
  return v.fine[i] ?? BigInt(v.approx[i]!) * FINE_N;
}

/**
 * The ratio left after dropping `set`: qn (earned, units) over qd (possible, units). qn is exact,
 * or the nearest double to the exact value (never a running sum of doubles: see the top).
 * `exact`: compare with bigints only (the fallback).
 */
class Choice {
  readonly qn: number;
  readonly qd: number;
  private readonly units: number;
  private readonly fine: bigint;
  private exactQn: bigint | null = null;

  constructor(
    readonly set: readonly number[],
    private readonly total: DropTotal,
    v: DropScores,
    readonly exact: boolean,
  ) {
    let units = total.units;
    let fine = total.fine;
    let p = total.possible;
    for (const i of set) {
      const f = v.fine[i];
      if (f != null) fine -= f;
      else units -= v.approx[i]!;
      p -= v.possible[i]!;
    }
    // Whole units are safe integers (see exact.ts), so `units` is exact.
    this.units = units;
    this.fine = fine;
    this.qn = fine === 0n ? units : Number(this.exactNumerator()) / FINE;
    this.qd = p;
  }

  /** The earned at FINE resolution, exactly. */
  exactNumerator(): bigint {
    this.exactQn ??= BigInt(this.units) * FINE_N + this.fine;
    return this.exactQn;
  }

  /** Sign of this ratio − other ratio. */
  compare(o: Choice): number {
    if (!this.exact && !o.exact) {
      const x = this.qn * o.qd;
      const y = o.qn * this.qd;
      if (Math.abs(x - y) > TOL * (Math.abs(x) + Math.abs(y))) return x < y ? -1 : 1;
    }
    // The same items dropped from the same total: equal, without bigints (a converging walk
    // ends on such a comparison).
    if (this.total === o.total && this.set.length === o.set.length && containsAll(this.set, o.set)) return 0;
    const ex = this.exactNumerator() * BigInt(o.qd);
    const ey = o.exactNumerator() * BigInt(this.qd);
    return ex < ey ? -1 : ex > ey ? 1 : 0;
  }
}

/** Sign of (s_a − q·p_a) − (s_b − q·p_b) with q = c.qn / c.qd (units). */
function compareKeys(a: number, b: number, c: Choice, v: DropScores): number {
  const dp = v.possible[a]! - v.possible[b]!;
  if (!c.exact) {
    const ds = v.approx[a]! - v.approx[b]!;
    const err = approxError(v, a) + approxError(v, b);
    // Exact integers: ds, dp, and the sign of qn.
    if (err === 0 && dp === 0) return Math.sign(ds);
    if (err === 0 && ds === 0) return -Math.sign(c.qn) * Math.sign(dp);
    const x = ds * c.qd;
    const y = c.qn * dp;
    if (Math.abs(x - y) > err * c.qd + TOL * (Math.abs(x) + Math.abs(y))) return x < y ? -1 : 1;
  }
  const ex = (exactScore(v, a) - exactScore(v, b)) * BigInt(c.qd);
  const ey = c.exactNumerator() * BigInt(dp);
  return ex < ey ? -1 : ex > ey ? 1 : 0;
}

/** Sign of s_a/p_a − s_b/p_b, from doubles: good enough for a starting point. */
function comparePercentRoughly(a: number, b: number, v: DropScores): number {
  return v.approx[a]! * v.possible[b]! - v.approx[b]! * v.possible[a]!;
}

/** Sign of s_a/p_a − s_b/p_b. */
function comparePercent(a: number, b: number, v: DropScores): number {
  const x = v.approx[a]! * v.possible[b]!;
  const y = v.approx[b]! * v.possible[a]!;
  const err = approxError(v, a) * v.possible[b]! + approxError(v, b) * v.possible[a]!;
  if (Math.abs(x - y) > err + TOL * (Math.abs(x) + Math.abs(y))) return x < y ? -1 : 1;
  const ex = exactScore(v, a) * BigInt(v.possible[b]!);
  const ey = exactScore(v, b) * BigInt(v.possible[a]!);
  return ex < ey ? -1 : ex > ey ? 1 : 0;
}

/**
 * The one tie rule, for every kind of drop and both views: of items that are equal for the
 * choice, the one with more points possible goes first, then the later one (candidates come in
 * item order: position, then id).
 */
function tieBreak(a: number, b: number, v: DropScores): number {
  return v.possible[b]! - v.possible[a]! || b - a;
}

/** What firstK orders by (a comparison, not a closure: the hot loop allocates none). */
const enum Order {
  /** s_i / p_i on doubles: good enough for a starting point. */
  PercentRoughly,
  /** s_i / p_i, exactly. */
  Percent,
  /** The key s_i − q·p_i, exactly. */
  Key,
}

/** Sign of the order between a and b (dir −1: reversed), before the tie rule. */
function compareBy(order: Order, dir: number, q: Choice | null, a: number, b: number, v: DropScores): number {
  const c =
    order === Order.Key ? compareKeys(a, b, q!, v) : order === Order.Percent ? comparePercent(a, b, v) : comparePercentRoughly(a, b, v);
  return dir * c || tieBreak(a, b, v);
}

/**
 * The first k of `candidates` in the given order, ties broken by `tieBreak`, skipping those in
 * `skip`. Insertion into a k-slot list: k is small, and this allocates nothing per candidate.
 */
function firstK(
  candidates: readonly number[],
  k: number,
  order: Order,
  dir: number,
  q: Choice | null,
  v: DropScores,
  skip: readonly number[] | null = null,
): number[] {
  if (order === Order.Key && !q!.exact) return firstKeys(candidates, k, dir, q!, v, skip);
  const out: number[] = new Array(k);
  let len = 0;
  for (const c of candidates) {
    if (skip !== null && skip.includes(c)) continue;
    const full = len === k;
    if (full && compareBy(order, dir, q, c, out[k - 1]!, v) >= 0) continue;
    let j = full ? k - 1 : len++;
    while (j > 0 && compareBy(order, dir, q, c, out[j - 1]!, v) < 0) {
      out[j] = out[j - 1]!;
      j--;
    }
    out[j] = c;
  }
  if (len < k) out.length = len;
  return out;
}

/** firstKeys' k slots: each listed item's key and the bound on that key's error. */
let slotKey = new Float64Array(8);
let slotSlack = new Float64Array(8);
/** bothEnds' slots for the largest keys (its smallest use firstKeys'). */
let highKey = new Float64Array(8);
let highSlack = new Float64Array(8);

/** Grows every list's slots to hold k. */
function slotsFor(k: number): void {
  if (slotKey.length >= k) return;
  slotKey = new Float64Array(k);
  slotSlack = new Float64Array(k);
  highKey = new Float64Array(k);
  highSlack = new Float64Array(k);
}

/**
 * firstK by the key, each candidate's key worked out once: s_i·qd − qn·p_i on doubles (the key
 * times qd, so a difference of two is what compareKeys weighs) with a bound on its error, the
 * bounds compareKeys uses taken per item. Only a pair closer than their two bounds goes to
 * compareKeys itself, so the order is exactly compareBy's, for a few operations per candidate.
 * The insertion is written out here rather than calling insertByKey: this is the engine's
 * hottest loop, and through the call a full recompute took about 5% longer.
 */
function firstKeys(
  candidates: readonly number[],
  k: number,
  dir: number,
  q: Choice,
  v: DropScores,
  skip: readonly number[] | null,
): number[] {
  slotsFor(k);
  const out: number[] = new Array(k);
  const { qn, qd } = q;
  const absQd = Math.abs(qd);
  let len = 0;
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n]!;
    if (skip !== null && skip.includes(c)) continue;
    const earned = v.approx[c]! * qd;
    const possible = qn * v.possible[c]!;
    const key = earned - possible;
    const slack = approxError(v, c) * absQd + TOL * (Math.abs(earned) + Math.abs(possible));
    const full = len === k;
    if (full && keyOrder(c, key, slack, out[k - 1]!, slotKey[k - 1]!, slotSlack[k - 1]!, dir, q, v) >= 0) continue;
    let j = full ? k - 1 : len++;
    while (j > 0 && keyOrder(c, key, slack, out[j - 1]!, slotKey[j - 1]!, slotSlack[j - 1]!, dir, q, v) < 0) {
      out[j] = out[j - 1]!;
      slotKey[j] = slotKey[j - 1]!;
      slotSlack[j] = slotSlack[j - 1]!;
      j--;
    }
    out[j] = c;
    slotKey[j] = key;
    slotSlack[j] = slack;
  }
  if (len < k) out.length = len;
  return out;
}

/**
 * firstK's `lowest` smallest keys, and its `highest` largest of the rest, in one pass: the rest's
 * largest are the first `highest` of the `lowest + highest` largest that are not among the smallest.
 */
function bothEnds(candidates: readonly number[], lowest: number, highest: number, q: Choice, v: DropScores): [number[], number[]] {
  const kh = lowest + highest;
  slotsFor(kh);
  const low: number[] = new Array(lowest);
  const high: number[] = new Array(kh);
  const { qn, qd } = q;
  const absQd = Math.abs(qd);
  let nl = 0;
  let nh = 0;
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n]!;
    const earned = v.approx[c]! * qd;
    const possible = qn * v.possible[c]!;
    const key = earned - possible;
    const slack = approxError(v, c) * absQd + TOL * (Math.abs(earned) + Math.abs(possible));
    nl = insertByKey(low, slotKey, slotSlack, nl, lowest, c, key, slack, 1, q, v);
    nh = insertByKey(high, highKey, highSlack, nh, kh, c, key, slack, -1, q, v);
  }
  if (nl < lowest) low.length = nl;
  const rest: number[] = [];
  for (let j = 0; j < nh && rest.length < highest; j++) if (!low.includes(high[j]!)) rest.push(high[j]!);
  return [low, rest];
}

/** Puts c (its key and slack beside) into the k-slot list `out` of length `len`, in key order; answers the new length. */
function insertByKey(
  out: number[],
  keys: Float64Array,
  slacks: Float64Array,
  len: number,
  k: number,
  c: number,
  key: number,
  slack: number,
  dir: number,
  q: Choice,
  v: DropScores,
): number {
  const full = len === k;
  if (full && keyOrder(c, key, slack, out[k - 1]!, keys[k - 1]!, slacks[k - 1]!, dir, q, v) >= 0) return len;
  let j = full ? k - 1 : len++;
  while (j > 0 && keyOrder(c, key, slack, out[j - 1]!, keys[j - 1]!, slacks[j - 1]!, dir, q, v) < 0) {
    out[j] = out[j - 1]!;
    keys[j] = keys[j - 1]!;
    slacks[j] = slacks[j - 1]!;
    j--;
  }
  out[j] = c;
  keys[j] = key;
  slacks[j] = slack;
  return len;
}

/** compareBy(Order.Key, dir, q, c, b, v) for c's key and slack against b's. */
function keyOrder(
  c: number,
  key: number,
  slack: number,
  b: number,
  keyB: number,
  slackB: number,
  dir: number,
  q: Choice,
  v: DropScores,
): number {
  const d = key - keyB;
  const bound = slack + slackB;
  const sign = d > bound ? 1 : d < -bound ? -1 : compareKeys(c, b, q, v);
  return dir * sign || tieBreak(c, b, v);
}

/** Each group's k first items in the given order. */
function pick(groups: readonly DropGroup[], order: Order, dir: number, q: Choice | null, v: DropScores): number[][] {
  const sets: number[][] = new Array(groups.length);
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    sets[g] = group.k > 0 ? firstK(group.candidates, group.k, order, dir, q, v, group.skip ?? null) : [];
  }
  return sets;
}

/** Items that may be dropped together and how many of them to drop (one category). */
export interface DropGroup {
  readonly candidates: readonly number[];
  readonly k: number;
  /** Candidates not to choose (already dropped by the other end). */
  readonly skip?: readonly number[];
}

/**
 * The items to drop from each group, optimising one shared ratio: a category's own (weighted
 * grading, one group) or the course's points total (points grading, a group per category — the
 * key s_i − q·p_i is separable, so each group simply takes its own k extreme keys).
 * Each group's k must leave possible > 0.
 */
export function chooseDrops(total: DropTotal, groups: readonly DropGroup[], goal: DropGoal, v: DropScores): number[][] {
  return dinkelbach(total, groups, goal, v, null, false);
}

/** chooseDrops from the given start (null: the k lowest / highest percentages); `exact`: see Choice. */
/** Far beyond what a fast (double-based) walk needs: a few steps per category in practice. */
const MAX_FAST_STEPS = 1000;

function dinkelbach(
  total: DropTotal,
  groups: readonly DropGroup[],
  goal: DropGoal,
  v: DropScores,
  start: number[][] | null,
  exact: boolean,
): number[][] {
  if (groups.every((g) => g.k <= 0 || g.candidates.length === (g.skip?.length ?? 0))) return groups.map(() => []);
  const dir = goal === 'best' ? 1 : -1;
  let bestSets = start ?? pick(groups, Order.PercentRoughly, dir, null, v);
  let best = new Choice(concat(bestSets), total, v, exact);
  for (let step = 0; ; step++) {
    // Exact comparisons improve strictly over finitely many sets; misjudging doubles could cycle.
    if (!exact && step > MAX_FAST_STEPS) return dinkelbach(total, groups, goal, v, start, true);
    const sets = pick(groups, Order.Key, dir, best, v);
    const all = concat(sets);
    if (containsAll(best.set, all)) return bestSets;
    const next = new Choice(all, total, v, exact);
    const gain = dir * next.compare(best);
    // Equal: q is the optimum, and the sets picked at it follow the tie rule.
    if (gain < 0) return bestSets;
    if (gain === 0) return sets;
    best = next;
    bestSets = sets;
  }
}

/** A group (category) with how many of its items to drop from each end. */
export interface DropBothGroup {
  readonly candidates: readonly number[];
  readonly lowest: number;
  readonly highest: number;
}

export interface DroppedBoth {
  /** Per group, the items dropped as lowest (for the student). */
  readonly lowest: number[][];
  /** Per group, the items dropped as highest (against the student). */
  readonly highest: number[][];
}

/**
 * Drop lowest and drop highest together, for one shared ratio (see the top of this file):
 * the saddle point of min over H of max over L. With only one kind of drop in every group this is
 * exactly chooseDrops 'best' (or 'worst'). Each group's lowest + highest must leave possible > 0.
 */
export function chooseBothDrops(total: DropTotal, groups: readonly DropBothGroup[], v: DropScores): DroppedBoth {
  let anyLow = false;
  let anyHigh = false;
  for (const g of groups) {
    if (g.candidates.length === 0) continue;
    if (g.lowest > 0) anyLow = true;
    if (g.highest > 0) anyHigh = true;
  }
  if (!anyLow || !anyHigh) {
    const none = groups.map((): number[] => []);
    const plain = groups.map((g) => ({ candidates: g.candidates, k: anyLow ? g.lowest : g.highest }));
    if (!anyHigh) return { lowest: anyLow ? chooseDrops(total, plain, 'best', v) : none, highest: none };
    return { lowest: none, highest: chooseDrops(total, plain, 'worst', v) };
  }

  return newtonToValue(total, groups, v) ?? walkToValue(total, groups, v, false) ?? walkToValue(total, groups, v, true)!;
}

/** Newton steps before the proven walk takes over: two land in practice. */
const NEWTON_STEPS = 6;

/**
 * Newton's iteration on the root V of q ↦ the kept sum of keys at `ends(q)`: q ← the ratio that
 * `ends(q)` leaves, which is q exactly when q is V. It usually lands in two steps where the walk
 * takes four or five passes, but it is not proven to converge when both kinds of drop are in
 * play, so after a few steps the walk decides. Either way the answer is `ends` at q = V, which
 * depends on V alone (keys too close on doubles are compared exactly), so both give the same sets.
 * Null: not landed.
 */
function newtonToValue(total: DropTotal, groups: readonly DropBothGroup[], v: DropScores): DroppedBoth | null {
  let q = new Choice([], total, v, false);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const at = ends(total, groups, v, q, false);
    if (at.choice.compare(q) === 0) return { lowest: at.lowest, highest: at.highest };
    q = at.choice;
  }
  return null;
}

/**
 * The walk to V described at the top of this file; null if a step fails to make progress, which
 * exact comparisons rule out (so only `exact` false can return null). The proof, in short: at q,
 * `ends` is the saddle of the game on keys s_i − q·p_i, whose kept sum is negative (positive)
 * exactly when V < q (V > q). For V < q, every L given H = its high drops keeps a negative sum,
 * so the best L given H has ratio < q, and ≥ V since V = min over H of max over L; the mirror for
 * V > q. So q moves strictly towards V and never past it, through finitely many values.
 */
function walkToValue(total: DropTotal, groups: readonly DropBothGroup[], v: DropScores, exact: boolean): DroppedBoth | null {
  // Start from the ratio with nothing dropped; any start converges.
  let q = new Choice([], total, v, exact);
  let side = 0;
  for (let step = 0; ; step++) {
    // The saddle point of the game at fixed q (linear in the dropped keys): a smallest, b largest.
    const at = ends(total, groups, v, q, exact);
    const sign = at.choice.compare(q);
    if (sign === 0) return { lowest: at.lowest, highest: at.highest };
    // Exactly, q approaches V from one side in finitely many steps. Doubles that misjudge could
    // cross over and back forever: give up on them and let the exact walk decide.
    if (!exact && ((side !== 0 && sign !== side) || step > MAX_FAST_STEPS)) return null;
    side = sign;
    // sign < 0: V < q. Keep H, the best L given H has ratio in [V, q). sign > 0: the mirror.
    const fixed = sign < 0 ? at.highest : at.lowest;
    const gone = concat(fixed);
    const rest = groups.map((g, j) => ({ candidates: g.candidates, skip: fixed[j]!, k: sign < 0 ? g.lowest : g.highest }));
    const chosen = dinkelbach(without(total, gone, v), rest, sign < 0 ? 'best' : 'worst', v, sign < 0 ? at.lowest : at.highest, exact);
    const next = new Choice(concat(chosen, fixed), total, v, exact);
    // Proved impossible with exact comparisons; with doubles, only if their error bounds were wrong.
    if (next.compare(q) !== sign) return null;
    q = next;
  }
}

/** Per group, the `lowest` smallest keys at q, then the `highest` largest of the rest. */
function ends(
  total: DropTotal,
  groups: readonly DropBothGroup[],
  v: DropScores,
  q: Choice,
  exact: boolean,
): DroppedBoth & { choice: Choice } {
  const lowest: number[][] = new Array(groups.length);
  const highest: number[][] = new Array(groups.length);
  for (let j = 0; j < groups.length; j++) {
    const g = groups[j]!;
    if (g.lowest > 0 && g.highest > 0 && !q.exact) {
      [lowest[j], highest[j]] = bothEnds(g.candidates, g.lowest, g.highest, q, v);
      continue;
    }
    lowest[j] = g.lowest > 0 ? firstK(g.candidates, g.lowest, Order.Key, 1, q, v) : [];
    highest[j] = g.highest > 0 ? firstK(g.candidates, g.highest, Order.Key, -1, q, v, lowest[j]) : [];
  }
  return { lowest, highest, choice: new Choice(concat(lowest, highest), total, v, exact) };
}

/** The total without the items in `gone`. */
function without(t: DropTotal, gone: readonly number[], v: DropScores): DropTotal {
  let { units, fine, possible } = t;
  for (const i of gone) {
    const f = v.fine[i];
    if (f != null) fine -= f;
    else units -= v.approx[i]!;
    possible -= v.possible[i]!;
  }
  return { units, fine, possible };
}

function containsAll(set: readonly number[], items: readonly number[]): boolean {
  for (const i of items) if (!set.includes(i)) return false;
  return true;
}

/** The sets' items in one list (the one set itself when there is only one). */
function concat(sets: readonly number[][], more: readonly number[][] = []): number[] {
  if (sets.length === 1 && more.length === 0) return sets[0]!;
  let n = 0;
  for (const set of sets) n += set.length;
  for (const set of more) n += set.length;
  const out: number[] = new Array(n);
  let k = 0;
  for (const set of sets) for (const i of set) out[k++] = i;
  for (const set of more) for (const i of set) out[k++] = i;
  return out;
}

/** For equal-weight categories the best drop is simply the k lowest percentages (mirror: highest). */
export function choosePercentDrops(candidates: readonly number[], k: number, goal: DropGoal, v: DropScores): number[] {
  if (k <= 0) return [];
  return firstK(candidates, k, Order.Percent, goal === 'best' ? 1 : -1, null, v);
}
