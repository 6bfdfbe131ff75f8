/**
 * A student's grade: items → categories → weighted (or points) total → rounding → letter,
 * in both views, with the explanation trail.
 *
 * Weighted total = Σ w_c · r_c · (W / W_counted), where W is the sum of all weights and
 * W_counted that of the categories with something to count. So empty categories hand their
 * weight to the others in proportion, while weights that do not total 100 are not rescaled
 * (the total then tops out at W; validatePolicy reports it).
 * Points total = Σ earned / Σ possible over every category (attendance: a point per session).
 */
import type { CourseSnapshot } from '../model/course';
import { type CategoryTotals, attendanceCategory, itemsCategory } from './category';
import { FINE_N, type Ratio, SCALE, SCALE_N, formatHalfUp, toNumber, toUnits } from './exact';
import {
  borderlineText,
  categoryText,
  letterText,
  pointsTotalText,
  roundingText,
  weightedTotalText,
} from './explain';
import { type StudentItems, evaluateItems } from './item';
import { type Graded, grade } from './letter';
import { type PreparedCourse, type PreparedStudent, prepareCourse } from './prepare';
import type {
  CategoryResult,
  CategoryView,
  ComputeOptions,
  CourseResult,
  ExplanationLine,
  Flag,
  GradeView,
  OverrideInfo,
  StudentResult,
  View,
} from './types';

interface ViewTotals {
  readonly percent: Ratio | null;
  readonly views: CategoryView[];
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

function categoryTotals(course: PreparedCourse, ps: PreparedStudent, s: StudentItems, weighted: boolean): [CategoryTotals, CategoryTotals][] {
  return course.categories.map((pc) => {
    if (pc.category.kind === 'attendance') {
      return [attendanceCategory(ps.marks, course.attendance, false), attendanceCategory(ps.marks, course.attendance, true)];
    }
    const equal = weighted && pc.category.equalWeightItems;
    const current = itemsCategory(pc, course.possibleUnits, s, s.inCurrent, equal);
    const same = pc.items.every((i) => s.inCurrent[i] === s.inFinal[i]);
    return [current, same ? current : itemsCategory(pc, course.possibleUnits, s, s.inFinal, equal)];
  });
}

function combine(
  course: PreparedCourse,
  totals: readonly CategoryTotals[],
  view: View,
  weighted: boolean,
  lines: ExplanationLine[],
): ViewTotals {
  const cats = course.categories;
  const views: CategoryView[] = new Array(cats.length);
  let percent: Ratio | null = null;
  const contributions: number[] = [];

  if (weighted) {
    let counted = 0;
    let sum: Ratio = { n: 0n, d: 1n };
    for (let c = 0; c < cats.length; c++) {
      const r = totals[c]!.ratio;
      if (r === null) continue;
      const w = BigInt(cats[c]!.weightUnits);
      counted += cats[c]!.weightUnits;
      sum = sum.d === r.d ? { n: sum.n + w * r.n, d: sum.d } : { n: sum.n * r.d + w * r.n * sum.d, d: sum.d * r.d };
    }
    const all = course.totalWeightUnits;
    if (counted > 0) percent = { n: sum.n * BigInt(all), d: sum.d * BigInt(counted) * SCALE_N };
    for (let c = 0; c < cats.length; c++) {
      const t = totals[c]!;
      const effectiveWeight = t.ratio === null || counted === 0 ? 0 : (cats[c]!.weightUnits / SCALE) * (all / counted);
      const contribution =
        t.ratio === null || counted === 0
          ? 0
          : toNumber({ n: t.ratio.n * BigInt(cats[c]!.weightUnits) * BigInt(all), d: t.ratio.d * BigInt(counted) * SCALE_N });
      if (t.ratio !== null) contributions.push(contribution);
      views[c] = categoryView(t, effectiveWeight, contribution);
    }
  } else {
    let earned = 0n;
    let possible = 0;
    for (const t of totals) {
      earned += exactEarnedFine(t);
      possible += t.possibleUnits;
    }
    if (possible > 0) percent = { n: earned * 100n, d: BigInt(possible) * FINE_N };
    for (let c = 0; c < cats.length; c++) {
      const t = totals[c]!;
      const effectiveWeight = possible > 0 ? (100 * t.possibleUnits) / possible : 0;
      const contribution = possible > 0 ? toNumber({ n: exactEarnedFine(t) * 100n, d: BigInt(possible) * FINE_N }) : 0;
      views[c] = categoryView(t, effectiveWeight, contribution);
    }
  }

  for (let c = 0; c < cats.length; c++) {
    const pc = cats[c]!;
    const t = totals[c]!;
    const v = views[c]!;
    for (const i of t.dropped) {
      const it = course.items[i]!.item;
      const which = t.dropped.indexOf(i) < Math.min(pc.category.dropLowest, t.dropped.length) ? 'lowest' : 'highest';
      lines.push({ kind: 'drop', view, categoryId: pc.category.id, itemId: it.id, text: `Dropped ${it.name} (${which}) from ${pc.category.name}` });
    }
    if (weighted && t.ratio === null) {
      lines.push({ kind: 'redistribute', view, categoryId: pc.category.id, text: categoryText(lineInput(pc.category, t, v, view, weighted)) });
    }
    lines.push({
      kind: 'category',
      view,
      categoryId: pc.category.id,
      text: categoryText(lineInput(pc.category, t, v, view, weighted)),
      earned: v.earned,
      possible: v.possible,
      percent: v.percent,
      effectiveWeight: v.effectiveWeight,
      contribution: v.contribution,
    });
  }
  let earnedUnits = 0;
  let possibleUnits = 0;
  for (const t of totals) {
    earnedUnits += t.earnedApprox;
    possibleUnits += t.possibleUnits;
  }
  lines.push({
    kind: 'total',
    view,
    text: weighted ? weightedTotalText(view, contributions, percent) : pointsTotalText(view, earnedUnits, possibleUnits, percent),
    percent: percent === null ? null : toNumber(percent),
  });
  return { percent, views };
}

function lineInput(category: CourseSnapshot['categories'][number], t: CategoryTotals, v: CategoryView, view: View, weighted: boolean) {
  return {
    view,
    name: category.name,
    kind: category.kind === 'attendance' ? 'attendance' : weighted && category.equalWeightItems ? 'equal-weight' : 'items',
    weighted,
    earned: v.earned,
    possible: v.possible,
    counted: t.counted,
    ratio: t.ratio,
    weight: category.weight,
    effectiveWeight: v.effectiveWeight,
    contribution: v.contribution,
  } as const;
}

function categoryView(t: CategoryTotals, effectiveWeight: number, contribution: number): CategoryView {
  return {
    earned: t.earnedApprox / SCALE,
    possible: t.possibleUnits / SCALE,
    percent: t.ratio === null ? null : toNumber(percentOf(t.ratio)),
    display: t.ratio === null ? null : formatHalfUp(percentOf(t.ratio), 2),
    effectiveWeight,
    contribution,
    dropped: [],
  };
}

function gradeView(course: PreparedCourse, percent: Ratio | null, view: View, lines: ExplanationLine[]): { view: GradeView; graded: Graded | null } {
  if (percent === null) return { view: { percent: null, rounded: null, display: null, letter: null }, graded: null };
  const g = grade(percent, course.letters);
  const rounded = toNumber(g.rounded);
  lines.push({ kind: 'rounding', view, text: roundingText(percent, g, course.letters.rounding), from: toNumber(percent), to: rounded });
  lines.push({ kind: 'letter', view, text: letterText(g), letter: g.letter });
  return { view: { percent: toNumber(percent), rounded, display: g.display, letter: g.letter }, graded: g };
}

export function computeStudent(course: PreparedCourse, studentId: number, opts?: ComputeOptions): StudentResult {
  return computeFor(course, studentId, asOfMs(opts));
}

function computeFor(course: PreparedCourse, studentId: number, asOf: number): StudentResult {
  const ps = course.students.get(studentId);
  if (!ps) throw new RangeError(`no student with id ${studentId}`);
  const weighted = course.policy.grading === 'weighted';
  const s = evaluateItems(course, ps, asOf);
  const lines = s.lines;
  const totals = categoryTotals(course, ps, s, weighted);

  const cur = combine(course, totals.map((t) => t[0]), 'current', weighted, lines);
  const curGrade = gradeView(course, cur.percent, 'current', lines);
  const fin = combine(course, totals.map((t) => t[1]), 'final', weighted, lines);
  const finGrade = gradeView(course, fin.percent, 'final', lines);

  const categories: CategoryResult[] = course.categories.map((pc, c) => {
    const [tc, tf] = totals[c]!;
    const ids = (t: CategoryTotals) => t.dropped.map((i) => course.items[i]!.item.id);
    return {
      categoryId: pc.category.id,
      name: pc.category.name,
      kind: pc.category.kind,
      weight: pc.category.weight,
      current: { ...cur.views[c]!, dropped: ids(tc) },
      final: { ...fin.views[c]!, dropped: ids(tf) },
    };
  });
  for (const [tc, tf] of totals) {
    for (const i of tc.dropped) s.results[i]!.current = 'dropped';
    for (const i of tf.dropped) s.results[i]!.final = 'dropped';
  }

  const flags: Flag[] = [];
  const g = finGrade.graded;
  if (g?.borderlineGap) {
    flags.push('borderline');
    lines.push({ kind: 'flag', flag: 'borderline', text: borderlineText(g) });
  }
  let letter = finGrade.view.letter;
  let display = finGrade.view.display;
  let override: OverrideInfo | null = null;
  const ov = ps.override;
  if (ov) {
    const og = ov.percent === null ? null : grade({ n: BigInt(toUnits(ov.percent)), d: SCALE_N }, course.letters);
    letter = ov.letter ?? og?.letter ?? letter;
    display = og?.display ?? display;
    override = { letter: ov.letter, percent: ov.percent, reason: ov.reason, computedLetter: finGrade.view.letter };
    flags.push('override');
    const what = [ov.percent === null ? null : `${og!.display}%`, ov.letter === null ? null : `letter ${ov.letter}`].filter(Boolean).join(', ');
    lines.push({ kind: 'override', text: `Override: ${what} → ${letter ?? 'no letter'} instead of the computed ${finGrade.view.letter ?? 'no letter'} (${ov.reason})` });
  }
  if (s.integrity) flags.push('integrity');
  if (s.late) flags.push('late');
  if (s.missing) flags.push('missing');

  return {
    studentId,
    items: s.results,
    categories,
    current: curGrade.view,
    final: finGrade.view,
    letter,
    display,
    override,
    flags,
    explanation: lines,
  };
}

/** Grades every student; problems in the policy are reported alongside, never fatal. */
export function computeCourse(snapshot: CourseSnapshot, opts?: ComputeOptions): CourseResult {
  return computePrepared(prepareCourse(snapshot), opts);
}

export function computePrepared(course: PreparedCourse, opts?: ComputeOptions): CourseResult {
  const asOf = asOfMs(opts);
  return { students: course.studentOrder.map((id) => computeFor(course, id, asOf)), policyProblems: course.problems };
}
