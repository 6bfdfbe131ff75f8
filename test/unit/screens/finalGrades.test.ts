import { describe, expect, it } from 'vitest';
import type { FinalRow } from '@shared/screens/finalGrades';
import { sortRows } from '@shared/screens/finalGrades';

const row = (name: string, percent: number | null, letter: string | null): FinalRow => ({
  studentId: name.length,
  name,
  registrarId: name,
  categories: { 1: percent === null ? null : String(percent) },
  percent,
  display: percent === null ? null : String(percent),
  letter,
  computedLetter: letter,
  flags: [],
  overrideReason: null,
});
const BANDS = ['A', 'A-', 'B+', 'B', 'F'];

describe('final grades sorting', () => {
  const rows = [row('b', 80, 'B'), row('a', 95, 'A'), row('c', null, null), row('d', 90, 'A-')];
  it('sorts letters by band, not alphabetically, with empty values last either way', () => {
    expect(sortRows(rows, 'letter', 'desc', BANDS).map((r) => r.letter)).toEqual(['A', 'A-', 'B', null]);
    expect(sortRows(rows, 'letter', 'asc', BANDS).map((r) => r.letter)).toEqual(['B', 'A-', 'A', null]);
  });
  it('sorts percentages numerically and category columns by their value', () => {
    expect(sortRows(rows, 'percent', 'asc', BANDS).map((r) => r.name)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortRows(rows, 'category:1', 'desc', BANDS).map((r) => r.name)).toEqual(['a', 'd', 'b', 'c']);
  });
});
