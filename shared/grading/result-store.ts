/**
 * A recompute's numbers in columns: one typed array and one plain array for the whole pass, not
 * objects per student.
 *
 * A full recompute keeps every result alive until it ends. When each held its category views and
 * grades as objects (about 25 per student), all of them survived the pass's scavenges, were
 * copied and promoted, and were old-generation garbage by the next pass. Here a result keeps only
 * itself and its lazy state; its `categories`, `current` and `final` objects are built from these
 * columns when first read (see course.ts).
 */
import type { CategoryResult, CategoryView, GradeView, View } from './types';
import type { PreparedCourse } from './prepare';

/** A view slot's numbers: earned, possible, percent (NaN: null), effective weight, contribution. */
const VIEW_FIELDS = 5;

const viewIndex = (v: View) => (v === 'current' ? 0 : 1);

/**
 * Two arrays, so that a one-student store (every live edit makes one) is three objects. Per
 * student, in `numbers`: each category's two view slots of VIEW_FIELDS, then each view's grade
 * (percent, rounded; NaN: null), then per category 1 when its final view reads as the current one.
 * In `refs`: each view slot's display and dropped item indices, then each view's display and letter.
 */
export interface ResultStore {
  readonly categories: number;
  readonly numbers: Float64Array;
  readonly refs: unknown[];
}

const numbersPer = (categories: number) => categories * 2 * VIEW_FIELDS + 4 + categories;
const refsPer = (categories: number) => categories * 4 + 4;

export function newResultStore(students: number, categories: number): ResultStore {
  // `refs` grows as the pass writes it, student by student (never far past its end, so it stays a
  // fast array): `new Array(n)` past 100,000 slots makes a dictionary (slow) one, and filling it
  // first cost 2% of a full recompute. Every slot that is read has been written.
  return { categories, numbers: new Float64Array(students * numbersPer(categories)), refs: [] };
}

const NONE: readonly number[] = Object.freeze([]);
const orNaN = (x: number | null) => (x === null ? NaN : x);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

/** Where a view slot's numbers start. */
const viewAt = (store: ResultStore, student: number, c: number, view: 0 | 1) =>
  student * numbersPer(store.categories) + (c * 2 + view) * VIEW_FIELDS;
/** Where a view slot's display is (its dropped list is after it). */
const viewRef = (store: ResultStore, student: number, c: number, view: 0 | 1) => student * refsPer(store.categories) + (c * 2 + view) * 2;
const gradeAt = (store: ResultStore, student: number, view: 0 | 1) =>
  student * numbersPer(store.categories) + store.categories * 2 * VIEW_FIELDS + view * 2;
const gradeRef = (store: ResultStore, student: number, view: 0 | 1) =>
  student * refsPer(store.categories) + store.categories * 4 + view * 2;
const sameAt = (store: ResultStore, student: number, c: number) =>
  student * numbersPer(store.categories) + store.categories * 2 * VIEW_FIELDS + 4 + c;

/** Positional, as the numbers pass calls it per category and view: no object to build. */
export function writeView(
  store: ResultStore,
  student: number,
  c: number,
  view: View,
  earned: number,
  possible: number,
  percent: number | null,
  display: string | null,
  effectiveWeight: number,
  contribution: number,
  dropped: readonly number[],
): void {
  const v = viewIndex(view);
  const at = viewAt(store, student, c, v);
  const n = store.numbers;
  n[at] = earned;
  n[at + 1] = possible;
  n[at + 2] = orNaN(percent);
  n[at + 3] = effectiveWeight;
  n[at + 4] = contribution;
  const ref = viewRef(store, student, c, v);
  store.refs[ref] = display;
  store.refs[ref + 1] = dropped.length === 0 ? NONE : dropped;
}

/** Whether the current view at this slot has this weight and contribution. */
export function readsAsCurrent(store: ResultStore, student: number, c: number, effectiveWeight: number, contribution: number): boolean {
  const at = viewAt(store, student, c, 0);
  return store.numbers[at + 3] === effectiveWeight && store.numbers[at + 4] === contribution;
}

/** The final view reads as the current one (written with writeView for 'current'). */
export function markSameView(store: ResultStore, student: number, c: number, same: boolean): void {
  store.numbers[sameAt(store, student, c)] = same ? 1 : 0;
}

const isSameView = (store: ResultStore, student: number, c: number) => store.numbers[sameAt(store, student, c)] === 1;

export function writeGrade(
  store: ResultStore,
  student: number,
  view: View,
  percent: number | null,
  rounded: number | null,
  display: string | null,
  letter: string | null,
): void {
  const v = viewIndex(view);
  const at = gradeAt(store, student, v);
  store.numbers[at] = orNaN(percent);
  store.numbers[at + 1] = orNaN(rounded);
  const ref = gradeRef(store, student, v);
  store.refs[ref] = display;
  store.refs[ref + 1] = letter;
}

export function readGrade(store: ResultStore, student: number, view: View): GradeView {
  const v = viewIndex(view);
  const at = gradeAt(store, student, v);
  const ref = gradeRef(store, student, v);
  return {
    percent: orNull(store.numbers[at]!),
    rounded: orNull(store.numbers[at + 1]!),
    display: store.refs[ref] as string | null,
    letter: store.refs[ref + 1] as string | null,
  };
}

export function readView(store: ResultStore, course: PreparedCourse, student: number, c: number, view: View): CategoryView {
  const v = view === 'final' && !isSameView(store, student, c) ? 1 : 0;
  const at = viewAt(store, student, c, v);
  const n = store.numbers;
  const ref = viewRef(store, student, c, v);
  const dropped = store.refs[ref + 1] as readonly number[];
  return {
    earned: n[at]!,
    possible: n[at + 1]!,
    percent: orNull(n[at + 2]!),
    display: store.refs[ref] as string | null,
    effectiveWeight: n[at + 3]!,
    contribution: n[at + 4]!,
    dropped: dropped.length === 0 ? NONE : dropped.map((i) => course.items[i]!.item.id),
  };
}

/** A student's categories, both views; a category that reads the same in both has one view object. */
export function readCategories(store: ResultStore, course: PreparedCourse, student: number): CategoryResult[] {
  return course.categories.map((pc, c) => {
    const cat = pc.category;
    const current = readView(store, course, student, c, 'current');
    const same = isSameView(store, student, c);
    return {
      categoryId: cat.id,
      name: cat.name,
      kind: cat.kind,
      weight: cat.weight,
      current,
      final: same ? current : readView(store, course, student, c, 'final'),
    };
  });
}
