/**
 * A student's grade: items → categories → weighted (or points) total → rounding → letter,
 * in both views, with the explanation trail.
 *
 * Weighted total = Σ w_c · r_c · (W / W_counted), where W is the sum of all weights and
 * W_counted that of the categories with something to count. So empty categories hand their
 * weight to the others in proportion, while weights that do not total 100 are not rescaled
 * (the total then tops out at W; validatePolicy reports it).
 * Points total = Σ earned / Σ possible over every category (attendance: a point per session).
 *
 * The total is an exact fraction; rounding and the letter are decided on it. Category
 * percentages and contributions are also returned as doubles, for display.
 *
 * A result's objects are built when first read: `categories`, `current` and `final` from the
 * numbers the pass wrote into a result store (result-store.ts), `items` and `explanation` from a
 * detailed pass over that one student. A full-course recompute only pays for the numbers, a person
 * opening one student pays for that student's sentences.
 */
import type { CourseSnapshot } from '../model/course';
import { type AttendanceTotals, attendanceDetail, attendanceTotals, isLowAttendance, rateDisplay } from './attendance';
import { type CategoryTotals, attendanceCategory, exactFraction, itemsCategory, pointsCategories } from './category';
import {
  FINE_N,
  type Ratio,
  SCALE,
  add,
  SCALE_N,
  formatHalfUp,
  formatSteps,
  formatStepsNumber,
  roundHalfUp,
  roundHalfUpSafe,
  toUnits,
} from './exact';
import { POINT_DECIMALS, SUM_DECIMALS, apportion, fmtPoints, fmtPointsExact, fmtStepsTrimmed, truncate } from './format';
import { borderlineText, categoryText, dropLimitText, letterText, pointsTotalText, roundingText, weightedTotalText } from './explain';
import { DROPPED, type StudentItems, evaluateItems, itemResults, newStudentItems } from './item';
import { decideFromDouble, decisionOf, grade } from './letter';
import { type PreparedCategory, type PreparedCourse, type PreparedStudent, prepareCourse } from './prepare';
import {
  type ResultStore,
  markSameView,
  newResultStore,
  readCategories,
  readGrade,
  readView,
  readsAsCurrent,
  slotOf,
  writeGrade,
  writeView,
} from './result-store';
import type {
  CategoryResult,
  ComputeOptions,
  CourseResult,
  ExplanationLine,
  Flag,
  GradeView,
  ItemResult,
  OverrideInfo,
  StudentResult,
  View,
} from './types';

/** One view's totals and grade; its category views are in the store. */
interface ViewResult {
  readonly view: View;
  readonly totals: readonly CategoryTotals[];
  readonly percent: number | null;
  readonly rounded: number | null;
  readonly display: string | null;
  readonly letter: string | null;
  readonly borderline: boolean;
}

function asOfMs(opts: ComputeOptions | undefined): number {
  if (opts?.asOf === undefined) return Date.now();
  const t = Date.parse(opts.asOf);
  if (Number.isNaN(t)) throw new RangeError(`asOf is not a date-time: ${opts.asOf}`);
  return t;
}

function exactEarnedFine(t: CategoryTotals): bigint {
  return t.earnedFine ?? BigInt(t.earnedApprox) * FINE_N;
}

function percentOf(r: Ratio): Ratio {
  return { n: r.n * 100n, d: r.d };
}

/** Each category's totals in the current and the final view (the same object where they agree). */
interface ViewTotals {
  readonly current: readonly CategoryTotals[];
  readonly final: readonly CategoryTotals[];
}

function categoryTotals(course: PreparedCourse, attendance: AttendanceTotals, s: StudentItems, weighted: boolean): ViewTotals {
  if (!weighted) return pointsTotals(course, attendance, s);
  const n = course.categories.length;
  const current: CategoryTotals[] = new Array(n);
  const final: CategoryTotals[] = new Array(n);
  for (let c = 0; c < n; c++) {
    const pc = course.categories[c]!;
    if (pc.category.kind === 'attendance') {
      // The attendance rule says what counts, in both views.
      current[c] = final[c] = attendanceCategory(attendance);
      continue;
    }
    const equal = pc.category.equalWeightItems;
    const t = itemsCategory(pc, course.possibleUnits, s, s.inCurrent, equal);
    let same = true;
    for (const i of pc.items) {
      if (s.inCurrent[i] !== s.inFinal[i]) {
        same = false;
        break;
      }
    }
    current[c] = t;
    final[c] = same ? t : itemsCategory(pc, course.possibleUnits, s, s.inFinal, equal);
  }
  return { current, final };
}

/** Points grading: every category's drops are chosen together, for the course total. */
function pointsTotals(course: PreparedCourse, sessions: AttendanceTotals, s: StudentItems): ViewTotals {
  const itemCats = course.categories.filter((pc) => pc.category.kind === 'items');
  const attendance = course.categories.filter((pc) => pc.category.kind === 'attendance').map(() => attendanceCategory(sessions));
  const view = (final: boolean): CategoryTotals[] => {
    const items = pointsCategories(itemCats, course.possibleUnits, s, final ? s.inFinal : s.inCurrent, attendance);
    let a = 0;
    let it = 0;
    return course.categories.map((pc) => (pc.category.kind === 'attendance' ? attendance[a++]! : items[it++]!));
  };
  return { current: view(false), final: view(true) };
}

/** The category percentage half-up to 2 decimals, avoiding bigint when the integers allow. */
function categoryDisplay(t: CategoryTotals): string | null {
  if (t.fraction === null) return null;
  if (t.mean === null && t.earnedFine === null) {
    const steps = roundHalfUpSafe(100 * t.earnedApprox, t.possibleUnits, 2);
    if (steps !== null) return formatStepsNumber(steps, 2);
  }
  return formatHalfUp(percentOf(exactFraction(t)!), 2);
}

/** The weighted or points total, exactly. */
function exactPercent(course: PreparedCourse, totals: readonly CategoryTotals[], weighted: boolean): Ratio | null {
  if (!weighted) {
    let earned = 0n;
    let possible = 0;
    for (const t of totals) {
      earned += exactEarnedFine(t);
      possible += t.possibleUnits;
    }
    return possible > 0 ? { n: earned * 100n, d: BigInt(possible) * FINE_N } : null;
  }
  let counted = 0;
  let sum: Ratio = { n: 0n, d: 1n };
  course.categories.forEach((pc, c) => {
    const r = exactFraction(totals[c]!);
    if (r === null) return;
    const w = BigInt(pc.weightUnits);
    counted += pc.weightUnits;
    sum = sum.d === r.d ? { n: sum.n + w * r.n, d: sum.d } : { n: sum.n * r.d + w * r.n * sum.d, d: sum.d * r.d };
  });
  return counted > 0 ? { n: sum.n * BigInt(course.totalWeightUnits), d: sum.d * BigInt(counted) * SCALE_N } : null;
}

/**
 * One view in doubles (category shares, contributions, the total), then rounding and letter:
 * decided from the double when it is clearly away from a boundary, else from the exact total.
 * Category views and the grade go into the store at student slot `k`.
 */
function computeView(
  course: PreparedCourse,
  totals: readonly CategoryTotals[],
  view: View,
  weighted: boolean,
  store: ResultStore,
  k: number,
  current: ViewResult | null = null,
): ViewResult {
  const cats = course.categories;
  let percent: number | null = null;
  if (weighted) {
    let counted = 0;
    let sum = 0;
    for (let c = 0; c < cats.length; c++) {
      const f = totals[c]!.fraction;
      if (f === null) continue;
      counted += cats[c]!.weightUnits;
      sum += cats[c]!.weightUnits * f;
    }
    const scale = counted > 0 ? course.totalWeightUnits / counted : 0;
    if (counted > 0) percent = (sum * scale) / SCALE;
    for (let c = 0; c < cats.length; c++) {
      const t = totals[c]!;
      const effectiveWeight = t.fraction === null ? 0 : (cats[c]!.weightUnits * scale) / SCALE;
      storeView(store, k, c, view, t, effectiveWeight, t.fraction === null ? 0 : effectiveWeight * t.fraction, current);
    }
  } else {
    let earned = 0;
    let possible = 0;
    for (const t of totals) {
      earned += t.earnedApprox;
      possible += t.possibleUnits;
    }
    if (possible > 0) percent = (100 * earned) / possible;
    for (let c = 0; c < cats.length; c++) {
      const t = totals[c]!;
      const effectiveWeight = possible > 0 ? (100 * t.possibleUnits) / possible : 0;
      storeView(store, k, c, view, t, effectiveWeight, possible > 0 ? (100 * t.earnedApprox) / possible : 0, current);
    }
  }
  if (percent === null) {
    writeGrade(store, k, view, null, null, null, null);
    return { view, totals, percent, rounded: null, display: null, letter: null, borderline: false };
  }
  const d = decideFromDouble(percent, course.letters) ?? decisionOf(grade(exactPercent(course, totals, weighted)!, course.letters));
  writeGrade(store, k, view, percent, d.rounded, d.display, d.letter);
  return { view, totals, percent, rounded: d.rounded, display: d.display, letter: d.letter, borderline: d.borderline };
}

/**
 * The category's view into the store; for the final view, a mark that it reads as the current
 * one when made from the same totals with the same weight and contribution (categories often
 * do: the result then builds one view object for both).
 */
function storeView(
  store: ResultStore,
  k: number,
  c: number,
  view: View,
  t: CategoryTotals,
  effectiveWeight: number,
  contribution: number,
  current: ViewResult | null,
): void {
  if (current !== null) {
    const same = current.totals[c] === t && readsAsCurrent(store, k, c, effectiveWeight, contribution);
    markSameView(store, k, c, same);
    if (same) return;
  }
  const percent = t.fraction === null ? null : 100 * t.fraction;
  writeView(
    store,
    k,
    c,
    view,
    t.earnedApprox / SCALE,
    t.possibleUnits / SCALE,
    percent,
    categoryDisplay(t),
    effectiveWeight,
    contribution,
    t.dropped,
  );
}

/** The exact parts of a view's total: each category's contribution (null: nothing to count, weighted). */
function exactContributions(course: PreparedCourse, totals: readonly CategoryTotals[], weighted: boolean): (Ratio | null)[] {
  if (!weighted) {
    let possible = 0;
    for (const t of totals) possible += t.possibleUnits;
    return totals.map((t) => (possible > 0 ? { n: 100n * exactEarnedFine(t), d: BigInt(possible) * FINE_N } : { n: 0n, d: 1n }));
  }
  let counted = 0;
  course.categories.forEach((pc, c) => {
    if (totals[c]!.fraction !== null) counted += pc.weightUnits;
  });
  const scale = BigInt(course.totalWeightUnits);
  return course.categories.map((pc, c) => {
    const r = exactFraction(totals[c]!);
    return r === null ? null : { n: BigInt(pc.weightUnits) * r.n * scale, d: r.d * BigInt(counted) * SCALE_N };
  });
}

/**
 * The view's trail. Every shown number adds up as shown: the unrounded total is truncated to
 * SUM_DECIMALS (so rounding it to the course's 0–2 decimals gives what rounding the exact total
 * gives) and the contributions are apportioned to sum to exactly that; in points grading the
 * categories' points are apportioned to the shown points totals likewise.
 */
function explainView(
  course: PreparedCourse,
  v: ViewResult,
  store: ResultStore,
  s: StudentItems,
  weighted: boolean,
  lines: ExplanationLine[],
): void {
  const { view, totals } = v;
  const percent = v.percent === null ? null : exactPercent(course, totals, weighted);
  const shownTotal = percent === null ? null : truncate(percent, SUM_DECIMALS);
  const totalText = shownTotal === null ? null : `${formatSteps(shownTotal.steps, SUM_DECIMALS)}${shownTotal.exact ? '' : '…'}`;

  const exact = exactContributions(course, totals, weighted);
  const counting = exact.flatMap((r, c) => (r === null ? [] : [c]));
  const contribution = new Map<number, string>();
  if (shownTotal !== null) {
    const shares = apportion(
      counting.map((c) => exact[c]!),
      shownTotal.steps,
      SUM_DECIMALS,
    );
    // A part shown rounded down from a longer decimal carries "…", as the total does.
    counting.forEach((c, k) => {
      const m = shares[k]!;
      const r = exact[c]!;
      const t = truncate(r, SUM_DECIMALS);
      const cut = !t.exact && m === t.steps;
      contribution.set(c, `${formatSteps(m, SUM_DECIMALS)}${cut ? '…' : ''}`);
    });
  }

  const POINTS = FINE_N * SCALE_N;
  const earned: string[] = totals.map((t) => fmtPointsExact({ n: exactEarnedFine(t), d: POINTS }));
  const possible: string[] = totals.map((t) => fmtPointsExact({ n: BigInt(t.possibleUnits), d: SCALE_N }));
  let earnedTotal = '0';
  let possibleTotal = '0';
  if (!weighted) {
    const shown = (parts: Ratio[], into: string[]): string => {
      const sum = parts.reduce(add, { n: 0n, d: 1n });
      const target = roundHalfUp(sum, POINT_DECIMALS);
      apportion(parts, target, POINT_DECIMALS).forEach((m, c) => (into[c] = fmtStepsTrimmed(m, POINT_DECIMALS)));
      return fmtStepsTrimmed(target, POINT_DECIMALS);
    };
    earnedTotal = shown(
      totals.map((t) => ({ n: exactEarnedFine(t), d: POINTS })),
      earned,
    );
    possibleTotal = shown(
      totals.map((t) => ({ n: BigInt(t.possibleUnits), d: SCALE_N })),
      possible,
    );
  }

  let counted = 0;
  course.categories.forEach((pc, c) => {
    if (totals[c]!.fraction !== null) counted += pc.weightUnits;
  });
  const parts: string[] = [];
  course.categories.forEach((pc, c) => {
    const cat = pc.category;
    const t = totals[c]!;
    const cv = readView(store, 0, c, view);
    const lowest = t.droppedLowest;
    const highest = t.dropped.length - lowest;
    if (cat.kind === 'items' && t.droppable > 0 && (lowest < cat.dropLowest || highest < cat.dropHighest)) {
      lines.push({ kind: 'drop-limit', view, categoryId: cat.id, text: dropLimitText(cat, t.droppable, lowest, highest) });
    }
    t.dropped.forEach((i, k) => {
      const it = course.items[i]!.item;
      const which = k < t.droppedLowest ? 'lowest' : 'highest';
      const tie = weighted ? tiedWith(course, pc, t, s, view, i) : null;
      const tied =
        tie === null
          ? ''
          : ` (tied with ${course.items[tie]!.item.name}: the tie drops the item with more points possible, then the later one)`;
      lines.push({ kind: 'drop', view, categoryId: cat.id, itemId: it.id, text: `Dropped ${it.name} (${which}) from ${cat.name}${tied}` });
    });
    const shownContribution = contribution.get(c) ?? formatSteps(0n, SUM_DECIMALS);
    const text = categoryText({
      view,
      name: cat.name,
      kind: cat.kind === 'attendance' ? 'attendance' : weighted && cat.equalWeightItems ? 'equal-weight' : 'items',
      weighted,
      earned: earned[c]!,
      possible: possible[c]!,
      counted: t.counted,
      display: cv.display,
      weight: cat.weight,
      effectiveWeight:
        counted > 0 ? fmtPointsExact({ n: BigInt(pc.weightUnits) * BigInt(course.totalWeightUnits), d: BigInt(counted) * SCALE_N }) : '0',
      redistributed: counted !== course.totalWeightUnits,
      contribution: shownContribution,
      detail: t.attendance && attendanceDetail(t.attendance, course.policy.attendance),
    });
    if (weighted && cv.percent === null) {
      lines.push({ kind: 'redistribute', view, categoryId: cat.id, text });
      return;
    }
    if (weighted) parts.push(shownContribution);
    lines.push({
      kind: 'category',
      view,
      categoryId: cat.id,
      text,
      earned: cv.earned,
      possible: cv.possible,
      percent: cv.percent,
      effectiveWeight: cv.effectiveWeight,
      contribution: cv.contribution,
    });
  });
  lines.push({
    kind: 'total',
    view,
    text: weighted ? weightedTotalText(view, parts, totalText) : pointsTotalText(view, earnedTotal, possibleTotal, totalText),
    percent: v.percent,
  });
  if (percent !== null) {
    const g = grade(percent, course.letters);
    lines.push({
      kind: 'rounding',
      view,
      text: roundingText(totalText!, g, course.letters.rounding),
      from: v.percent!,
      to: v.rounded!,
    });
    lines.push({ kind: 'letter', view, text: letterText(g), letter: g.letter });
    if (view === 'final' && g.borderlineGap) lines.push({ kind: 'flag', flag: 'borderline', text: borderlineText(g) });
  }
}

/**
 * A kept droppable item that dropping instead of `dropped` would give the same category grade
 * (same percentage in an equal-weight category), or null: where the tie rule made the choice.
 */
function tiedWith(
  course: PreparedCourse,
  pc: PreparedCategory,
  t: CategoryTotals,
  s: StudentItems,
  view: View,
  dropped: number,
): number | null {
  const inView = view === 'current' ? s.inCurrent : s.inFinal;
  const score = (i: number) => s.fine[i] ?? BigInt(s.approx[i]!) * FINE_N;
  const p = (i: number) => BigInt(course.possibleUnits[i]!);
  const earned = exactEarnedFine(t);
  const possible = BigInt(t.possibleUnits);
  for (const j of pc.items) {
    if (inView[j] !== 1 || !s.droppable[j] || (pc.category.equalWeightItems && p(j) === 0n)) continue;
    const same = pc.category.equalWeightItems
      ? score(dropped) * p(j) === score(j) * p(dropped)
      : (earned + score(dropped) - score(j)) * possible === earned * (possible + p(dropped) - p(j));
    if (same && possible + p(dropped) - p(j) > 0n) return j;
  }
  return null;
}

interface Computed {
  readonly s: StudentItems;
  readonly attendance: AttendanceTotals;
  readonly cur: ViewResult;
  readonly fin: ViewResult;
}

function computeNumbers(
  course: PreparedCourse,
  ps: PreparedStudent,
  asOf: number,
  s: StudentItems,
  store: ResultStore,
  k: number,
): Computed {
  const weighted = course.policy.grading === 'weighted';
  evaluateItems(course, ps, asOf, s);
  const attendance = attendanceTotals(ps.marks, course.attendance, asOf);
  const totals = categoryTotals(course, attendance, s, weighted);
  const cur = computeView(course, totals.current, 'current', weighted, store, k);
  const fin = computeView(course, totals.final, 'final', weighted, store, k, cur);
  for (let c = 0; c < course.categories.length; c++) {
    for (const i of totals.current[c]!.dropped) s.inCurrent[i] = DROPPED;
    for (const i of totals.final[c]!.dropped) s.inFinal[i] = DROPPED;
  }
  return { s, attendance, cur, fin };
}

/**
 * One set of item columns for the numbers pass, reused by every call: the engine is synchronous
 * and no result keeps a reference to them (the detailed pass makes its own).
 */
let columns: StudentItems | null = null;

function scratchFor(items: number): StudentItems {
  if (columns === null || columns.outcome.length !== items) columns = newStudentItems(items, false);
  return columns;
}

export function computeStudent(course: PreparedCourse, studentId: number, opts?: ComputeOptions): StudentResult {
  const asOf = asOfMs(opts);
  return computeFor(course, new Result(studentId), asOf, scratchFor(course.items.length), newResultStore<Built>(course, asOf, 1), 0);
}

/** The flags in the order results list them. */
const FLAG_ORDER: readonly Flag[] = ['borderline', 'override', 'integrity', 'late', 'missing', 'low-attendance'];

/** Flag lists by which flags are raised, each made once and frozen: students share a few. */
const flagLists = new Map<number, readonly Flag[]>();

/** The list of the flags raised, `raised` in FLAG_ORDER. */
function flagsOf(raised: readonly boolean[]): readonly Flag[] {
  let mask = 0;
  for (let k = 0; k < raised.length; k++) if (raised[k]) mask |= 1 << k;
  let list = flagLists.get(mask);
  if (list === undefined) {
    list = Object.freeze(FLAG_ORDER.filter((_, k) => raised[k]));
    flagLists.set(mask, list);
  }
  return list;
}

/**
 * What a result has built when read, kept in its store: its categories and grades from the
 * store's numbers, its items and explanation from a detailed pass.
 */
class Built {
  categories: readonly CategoryResult[] | null = null;
  current: GradeView | null = null;
  final: GradeView | null = null;
  detail: Detail | null = null;
  items: readonly ItemResult[] | null = null;
  explanation: readonly ExplanationLine[] | null = null;

  constructor(
    readonly store: Store,
    /** The result's slot in the store. */
    readonly k: number,
  ) {}
}

type Store = ResultStore<Built>;

/** The detailed pass: its numbers, and the one-student store its category views are in. */
interface Detail extends Computed {
  readonly store: Store;
}

/** A result's link to its store: a property every result shares the descriptor of (store.link). */
const STORE = Symbol('store');

/**
 * A one-student result starts as a class instance, a full pass's as an object literal. V8 learns
 * per literal where its objects live: a full pass's results live through the pass, so their site
 * allocates in the old generation. Made at the same site, every one-student result (each live
 * edit makes one, soon garbage) went there too, with its store, to pile up until the next full
 * collection (+22 MiB over the bench's 14,000 single recomputes); instances are not tracked.
 */
class Result {
  constructor(readonly studentId: number) {}
}

type StoredResult = StudentResult & { readonly [STORE]: Store };
type Building = { -readonly [K in keyof StudentResult]: StudentResult[K] };

/**
 * What the result has built, made on its first read. A screen reads a result many times (every
 * cell of its row, on every render), so this allocates nothing.
 */
function builtOf(r: StoredResult): Built {
  const store = r[STORE];
  const k = slotOf(store, r.studentId);
  return (store.built[k] ??= new Built(store, k));
}

/**
 * Items and explanation come from a second, detailed pass over the student when first read; the
 * pass is deterministic, so its numbers are the ones the result holds.
 */
function detailOf(z: Built, studentId: number): Detail {
  if (z.detail === null) {
    const { course, asOf } = z.store;
    const detailed = newResultStore<Built>(course, asOf, 1);
    const d = computeNumbers(course, course.students.get(studentId)!, asOf, newStudentItems(course.items.length, true), detailed, 0);
    z.detail = { ...d, store: detailed };
  }
  return z.detail;
}

function lazyCategories(this: StoredResult): readonly CategoryResult[] {
  const z = builtOf(this);
  return (z.categories ??= readCategories(z.store, z.k));
}

function lazyCurrent(this: StoredResult): GradeView {
  const z = builtOf(this);
  return (z.current ??= readGrade(z.store, z.k, 'current'));
}

function lazyFinal(this: StoredResult): GradeView {
  const z = builtOf(this);
  return (z.final ??= readGrade(z.store, z.k, 'final'));
}

function lazyItems(this: StoredResult): readonly ItemResult[] {
  const z = builtOf(this);
  return (z.items ??= itemResults(z.store.course, detailOf(z, this.studentId).s));
}

function lazyExplanation(this: StoredResult): readonly ExplanationLine[] {
  const z = builtOf(this);
  if (z.explanation === null) {
    const { course } = z.store;
    const d = detailOf(z, this.studentId);
    const weighted = course.policy.grading === 'weighted';
    const lines = d.s.lines!.slice();
    explainView(course, d.cur, d.store, d.s, weighted, lines);
    explainView(course, d.fin, d.store, d.s, weighted, lines);
    const low = lowAttendance(course, d.attendance);
    if (low) lines.push({ kind: 'flag', flag: 'low-attendance', text: low });
    const ov = course.students.get(this.studentId)!.override;
    const { override, display, letter } = this;
    if (ov && override) {
      const computed = override.computedLetter ?? 'no letter';
      const set = [ov.percent === null ? null : `${display}%`, letter ?? 'no letter'].filter(Boolean).join(' → ');
      const versus = letter === override.computedLetter ? '(same letter as computed)' : `instead of the computed ${computed}`;
      lines.push({ kind: 'override', text: `Override: ${set} ${versus} (${ov.reason})` });
    }
    z.explanation = lines;
  }
  return z.explanation;
}

// Own enumerable getters, so a structured clone (IPC) copies their values. Defined with shared
// functions: getters written in an object literal are new closures per result, which puts every
// result in dictionary mode (several times the memory, and slower to build and read).
const getter = (get: (this: StoredResult) => unknown): PropertyDescriptor => ({ get, enumerable: true, configurable: true });
/** The getters that come right after studentId, defined in one call. */
const LEADING: PropertyDescriptorMap = {
  items: getter(lazyItems),
  categories: getter(lazyCategories),
  current: getter(lazyCurrent),
  final: getter(lazyFinal),
};
const EXPLANATION = getter(lazyExplanation);

/**
 * Fills `fresh`, the new result holding only its student id (see Result). `scratch` holds the
 * item columns while computing; it may be reused for the next student. The numbers go into
 * `store` at slot `k`, which the result reads its categories and grades from.
 */
function computeFor(
  course: PreparedCourse,
  fresh: Pick<StudentResult, 'studentId'>,
  asOf: number,
  scratch: StudentItems,
  store: ResultStore,
  k: number,
): StudentResult {
  const r = fresh as Building;
  const ps = course.students.get(r.studentId);
  if (!ps) throw new RangeError(`no student with id ${r.studentId}`);
  const { s, attendance, fin } = computeNumbers(course, ps, asOf, scratch, store, k);

  let letter = fin.letter;
  let display = fin.display;
  let override: OverrideInfo | null = null;
  const ov = ps.override;
  if (ov) {
    const og = ov.percent === null ? null : grade({ n: BigInt(toUnits(ov.percent)), d: SCALE_N }, course.letters);
    letter = ov.letter ?? og?.letter ?? letter;
    display = og?.display ?? display;
    override = { letter: ov.letter, percent: ov.percent, reason: ov.reason, computedLetter: fin.letter };
  }
  const flags = flagsOf([
    fin.borderline,
    ov !== null,
    s.integrity,
    s.late,
    s.missing,
    isLowAttendance(attendance, course.policy.attendance),
  ]);

  // Always the same properties in the same order, so every result shares one shape.
  Object.defineProperties(r, LEADING);
  r.letter = letter;
  r.display = display;
  r.override = override;
  r.flags = flags;
  Object.defineProperty(r, 'explanation', EXPLANATION);
  Object.defineProperty(r, STORE, store.link);
  return r;
}

/**
 * "Low attendance: 75.00% is below the 80% threshold", or null. Judged on the attendance rule's
 * own rate, whether or not a category grades it.
 */
function lowAttendance(course: PreparedCourse, t: AttendanceTotals): string | null {
  const rule = course.policy.attendance;
  return isLowAttendance(t, rule) ? `Low attendance: ${rateDisplay(t)}% is below the ${fmtPoints(rule.lowThreshold)}% threshold` : null;
}

/** Grades every student; problems in the policy are reported alongside, never fatal. */
export function computeCourse(snapshot: CourseSnapshot, opts?: ComputeOptions): CourseResult {
  return computePrepared(prepareCourse(snapshot), opts);
}

export function computePrepared(course: PreparedCourse, opts?: ComputeOptions): CourseResult {
  const asOf = asOfMs(opts);
  const scratch = scratchFor(course.items.length);
  const store = newResultStore<Built>(course, asOf, course.studentOrder.length);
  return {
    // A literal: its allocation site learns that these results live long (see Result).
    students: course.studentOrder.map((id, k) => computeFor(course, { studentId: id }, asOf, scratch, store, k)),
    policyProblems: course.problems,
  };
}
