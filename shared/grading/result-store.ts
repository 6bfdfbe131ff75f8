/**
 * A recompute's numbers in columns: one typed array and one plain array for the whole pass, not
 * objects per student.
 *
 * A full recompute keeps every result alive until it ends. When each held its category views and
 * grades as objects (about 25 per student), all of them survived the pass's scavenges, were
 * copied and promoted, and were old-generation garbage by the next pass; and the scavenges' cost
 * is what survives them. Here a result is one object, linked to its pass's store; its
 * `categories`, `current` and `final` objects are built from these columns when first read, and
 * what it builds is kept in the store too (see course.ts).
 */
import type { CategoryResult, CategoryView, GradeView, View } from './types';
import type { PreparedCourse } from './prepare';

/** A view slot's numbers: earned, possible, percent (NaN: null), effective weight, contribution. */
const VIEW_FIELDS = 5;

const viewIndex = (v: View) => (v === 'current' ? 0 : 1);

/**
 * Where a student's numbers are, the same for every store of one prepared course. Per student, in
 * `numbers`: each category's two view slots of VIEW_FIELDS, then each view's grade (percent,
 * rounded; NaN: null), then per category 1 when its final view reads as the current one, then per
 * category and view its dropped item indices (a count, then room for the most the category can
 * drop). In `refs`: each view slot's display, then each view's display and letter.
 */
interface Layout {
  readonly categories: number;
  readonly numbersPer: number;
  readonly refsPer: number;
  /** Per category, where its current view's dropped list starts (the final view's follows). */
  readonly droppedAt: readonly number[];
  /** Per category, the most items it can drop in one view (drop lowest + drop highest). */
  readonly droppedRoom: readonly number[];
}

const layouts = new WeakMap<PreparedCourse, Layout>();

function layoutOf(course: PreparedCourse): Layout {
  let layout = layouts.get(course);
  if (layout === undefined) {
    const categories = course.categories.length;
    const droppedRoom = course.categories.map(({ category: c }) => (c.kind === 'items' ? c.dropLowest + c.dropHighest : 0));
    const droppedAt: number[] = [];
    let at = categories * 2 * VIEW_FIELDS + 4 + categories;
    for (const room of droppedRoom) {
      droppedAt.push(at);
      at += 2 * (1 + room);
    }
    layout = { categories, numbersPer: at, refsPer: categories * 2 + 4, droppedAt, droppedRoom };
    layouts.set(course, layout);
  }
  return layout;
}

/** The students' slots in a full pass's store: their order in the course. */
const slotMaps = new WeakMap<PreparedCourse, ReadonlyMap<number, number>>();

function slotsOf(course: PreparedCourse): ReadonlyMap<number, number> {
  let slots = slotMaps.get(course);
  if (slots === undefined) {
    slots = new Map(course.studentOrder.map((id, k) => [id, k]));
    slotMaps.set(course, slots);
  }
  return slots;
}

export interface ResultStore<Built = unknown> {
  readonly course: PreparedCourse;
  readonly asOf: number;
  readonly layout: Layout;
  readonly numbers: Float64Array;
  readonly refs: unknown[];
  /** Per slot, what its result has built when read (course.ts), made on the first read. */
  readonly built: (Built | undefined)[];
  /** Slots by student id; null for a one-student store (slot 0). */
  readonly slots: ReadonlyMap<number, number> | null;
  /** A property descriptor whose value is this store, shared by every result linked to it. */
  readonly link: PropertyDescriptor;
}

/** A store for every student of the course (`students` = the course's), or for one student. */
export function newResultStore<Built>(course: PreparedCourse, asOf: number, students: number): ResultStore<Built> {
  const layout = layoutOf(course);
  const store: ResultStore<Built> = {
    course,
    asOf,
    layout,
    numbers: new Float64Array(students * layout.numbersPer),
    // Grows as the pass writes it, student by student (never far past its end, so it stays a fast
    // array): `new Array(n)` past 100,000 slots makes a dictionary (slow) one, and filling it
    // first cost 2% of a full recompute. Every slot that is read has been written.
    refs: [],
    built: students === 1 ? [undefined] : new Array<Built | undefined>(students),
    slots: students === 1 ? null : slotsOf(course),
    link: { value: null },
  };
  store.link.value = store;
  return store;
}

/** The slot of a student's numbers in the store. */
export function slotOf(store: ResultStore, studentId: number): number {
  return store.slots === null ? 0 : store.slots.get(studentId)!;
}

const NONE: readonly number[] = Object.freeze([]);
const orNaN = (x: number | null) => (x === null ? NaN : x);
const orNull = (x: number) => (Number.isNaN(x) ? null : x);

const viewAt = (store: ResultStore, student: number, c: number, view: 0 | 1) =>
  student * store.layout.numbersPer + (c * 2 + view) * VIEW_FIELDS;
const viewRef = (store: ResultStore, student: number, c: number, view: 0 | 1) => student * store.layout.refsPer + c * 2 + view;
const gradeAt = (store: ResultStore, student: number, view: 0 | 1) =>
  student * store.layout.numbersPer + store.layout.categories * 2 * VIEW_FIELDS + view * 2;
const gradeRef = (store: ResultStore, student: number, view: 0 | 1) =>
  student * store.layout.refsPer + store.layout.categories * 2 + view * 2;
const sameAt = (store: ResultStore, student: number, c: number) =>
  student * store.layout.numbersPer + store.layout.categories * 2 * VIEW_FIELDS + 4 + c;
const droppedAt = (store: ResultStore, student: number, c: number, view: 0 | 1) =>
  student * store.layout.numbersPer + store.layout.droppedAt[c]! + view * (1 + store.layout.droppedRoom[c]!);

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
  store.refs[viewRef(store, student, c, v)] = display;
  // The category's drop limits bound its drops (category.ts); more would be a bug to stop on.
  if (dropped.length > store.layout.droppedRoom[c]!) throw new RangeError(`category ${c} dropped more items than its limits allow`);
  const d = droppedAt(store, student, c, v);
  n[d] = dropped.length;
  for (let j = 0; j < dropped.length; j++) n[d + 1 + j] = dropped[j]!;
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

export function readView(store: ResultStore, student: number, c: number, view: View): CategoryView {
  const v = view === 'final' && !isSameView(store, student, c) ? 1 : 0;
  const at = viewAt(store, student, c, v);
  const n = store.numbers;
  const d = droppedAt(store, student, c, v);
  const count = n[d]!;
  let dropped = NONE;
  if (count > 0) {
    const ids: number[] = new Array(count);
    for (let j = 0; j < count; j++) ids[j] = store.course.items[n[d + 1 + j]!]!.item.id;
    dropped = ids;
  }
  return {
    earned: n[at]!,
    possible: n[at + 1]!,
    percent: orNull(n[at + 2]!),
    display: store.refs[viewRef(store, student, c, v)] as string | null,
    effectiveWeight: n[at + 3]!,
    contribution: n[at + 4]!,
    dropped,
  };
}

/** A student's categories, both views; a category that reads the same in both has one view object. */
export function readCategories(store: ResultStore, student: number): CategoryResult[] {
  return store.course.categories.map((pc, c) => {
    const cat = pc.category;
    const current = readView(store, student, c, 'current');
    const same = isSameView(store, student, c);
    return {
      categoryId: cat.id,
      name: cat.name,
      kind: cat.kind,
      weight: cat.weight,
      current,
      final: same ? current : readView(store, student, c, 'final'),
    };
  });
}
