/** Rows of the Final grades table, built from the engine's results, and their sort order. */
import type { Student } from '../model/course';
import { studentName } from '../model/student-name';
import type { Flag, StudentResult, View } from '../grading/types';

/** The two views as the view switch on the Gradebook and Final grades names them, so both screens say which one they show. */
export const VIEW_CHOICE: Readonly<Record<View, string>> = {
  current: 'Current (graded work only)',
  final: 'Final (ungraded work counts 0)',
};

export interface FinalRow {
  readonly studentId: number;
  readonly name: string;
  readonly registrarId: string;
  /** Category percentage display strings by category id (null: nothing counts yet). */
  readonly categories: Readonly<Record<number, string | null>>;
  /** The view's percentage (after any override percent) for sorting and the histogram. */
  readonly percent: number | null;
  readonly display: string | null;
  readonly letter: string | null;
  readonly computedLetter: string | null;
  readonly flags: readonly Flag[];
  readonly overrideReason: string | null;
}

/**
 * One row per enrolled student. An override replaces the letter (and the percent when it sets
 * one) in both views, as the engine reports it; the computed letter stays visible beside the pin.
 */
export function finalRows(students: readonly Student[], results: readonly StudentResult[], view: View): FinalRow[] {
  const byId = new Map(results.map((r) => [r.studentId, r]));
  const rows: FinalRow[] = [];
  for (const s of students) {
    const r = byId.get(s.id);
    if (!r || s.status !== 'enrolled') continue;
    const g = r[view];
    const o = r.override;
    rows.push({
      studentId: s.id,
      name: studentName(s),
      registrarId: s.registrarId,
      categories: Object.fromEntries(r.categories.map((c) => [c.categoryId, c[view].display])),
      percent: o?.percent ?? g.rounded,
      display: o?.percent != null ? r.display : g.display,
      letter: o ? r.letter : g.letter,
      computedLetter: g.letter,
      flags: r.flags,
      overrideReason: o?.reason ?? null,
    });
  }
  return rows;
}

export type SortKey = 'name' | 'registrarId' | 'percent' | 'letter' | `category:${number}`;

/**
 * Sorts rows; empty values always go last. Letters sort by band (A above A-), given the
 * course's letters highest first, not alphabetically.
 */
export function sortRows(rows: readonly FinalRow[], key: SortKey, dir: 'asc' | 'desc', bandOrder: readonly string[]): FinalRow[] {
  const value = (r: FinalRow): string | number | null => {
    if (key === 'name') return r.name.toLocaleLowerCase();
    if (key === 'registrarId') return r.registrarId;
    if (key === 'percent') return r.percent;
    if (key === 'letter') {
      const i = r.letter === null ? -1 : bandOrder.indexOf(r.letter);
      return i < 0 ? null : bandOrder.length - i;
    }
    const d = r.categories[Number(key.slice('category:'.length))];
    return d == null ? null : Number(d);
  };
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name) : x === null ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c === 0 ? a.name.localeCompare(b.name) : sign * c;
  });
}
