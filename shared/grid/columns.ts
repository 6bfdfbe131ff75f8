import type { ItemResult, View } from '../grading/types';
import type { GridRow } from './row';
import { studentName } from '../model/student-name';
import type { SortValue } from './view';

/**
 * The grid's column keys: the frozen student columns, one per item ("item:<id>"), one per
 * category ("cat:<id>"), then the total and the letter of the view shown.
 */
export const itemKey = (id: number) => `item:${id}`;
export const categoryKey = (id: number) => `cat:${id}`;

/** What a column shows for a row: the text on screen (and on the clipboard) and the value it sorts by. */
export interface ColumnValue {
  text: string;
  sort: SortValue;
}

/** A percentage, or a dash when nothing counts yet (current view, nothing graded). */
const pct = (v: string | null | undefined) => (v == null ? '—' : `${v}%`);

/**
 * A score sorts by what it counts (the late penalty applied, missing as 0); excused, exempt
 * and ungraded work sort last in both directions.
 */
function scoreSort(it: ItemResult | undefined): SortValue {
  if (!it || it.outcome === 'excused' || it.outcome === 'exempt') return null;
  return it.effective ?? (it.outcome === 'graded' || it.outcome === 'ungraded' ? null : 0);
}

/**
 * What a student or grade column (not a score) shows for a row in the given view: the one
 * answer the grid renders, copies and sorts by. Scores have cellView (shown) and cellText (as
 * entered: copied and edited).
 */
export function columnValue(row: GridRow, key: string, view: View): ColumnValue {
  const r = row.result;
  if (key === 'name') return { text: studentName(row.student), sort: studentName(row.student) };
  if (key === 'registrarId') return { text: row.student.registrarId, sort: row.student.registrarId };
  if (key === 'letter') {
    const letter = (view === 'current' ? r?.current.letter : r?.letter) ?? null;
    return { text: letter ?? '', sort: letter };
  }
  if (key === 'grade') {
    // Overrides are about the final grade.
    if (view === 'current') return { text: r ? pct(r.current.display) : '', sort: r?.current.percent ?? null };
    return { text: r ? pct(r.display) : '', sort: r?.override?.percent ?? r?.final.percent ?? null };
  }
  const [kind, id] = key.split(':');
  if (kind === 'cat') {
    const cat = r?.categories.find((c) => c.categoryId === Number(id))?.[view];
    return { text: pct(cat?.display), sort: cat?.percent ?? null };
  }
  throw new RangeError(`No student or grade column has the key '${key}'.`);
}

/** The value any column sorts by: a score by what it counts, the others by columnValue. */
export function sortValue(row: GridRow, key: string, view: View, itemIndex: ReadonlyMap<number, number>): SortValue {
  if (!key.startsWith('item:')) return columnValue(row, key, view).sort;
  const id = Number(key.slice('item:'.length));
  const i = itemIndex.get(id);
  const it = i === undefined ? undefined : row.result?.items[i];
  return scoreSort(it?.itemId === id ? it : undefined);
}
