import type { Student } from '../model';

/** Lower case without accents, so "jose" finds "José" and "nunez" finds "Núñez". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of the query must appear in the student's names or registrar ID. */
export function matchesSearch(s: Student, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold([s.firstName, s.lastName, s.preferredName ?? '', s.registrarId, s.email ?? ''].join(' '));
  return words.every((w) => hay.includes(w));
}

export type SortValue = number | string | null;

/**
 * Sorts by a key; empty values (null or '') go last in both directions, ties keep the input
 * order (the roster order), strings compare as a person would ("Item 10" after "Item 9").
 */
export function sortBy<T>(rows: readonly T[], key: (row: T) => SortValue, direction: 'ASC' | 'DESC'): T[] {
  const sign = direction === 'ASC' ? 1 : -1;
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const keyed = rows.map((row, i) => ({ row, i, k: key(row) }));
  keyed.sort((a, b) => {
    const ae = a.k === null || a.k === '';
    const be = b.k === null || b.k === '';
    if (ae || be) return ae === be ? a.i - b.i : ae ? 1 : -1;
    const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : collator.compare(String(a.k), String(b.k));
    return c !== 0 ? sign * c : a.i - b.i;
  });
  return keyed.map((k) => k.row);
}
