import { describe, expect, it } from 'vitest';
import type { Student } from '@shared/model';
import { matchesSearch, sortBy } from '@shared/grid';
import { student as baseStudent } from '../grading/helpers';

const student = (over: Partial<Student>): Student =>
  baseStudent(1, { registrarId: '001234567', firstName: 'José', lastName: 'Núñez', ...over });

describe('student search', () => {
  it('ignores accents and case, matches every word', () => {
    const s = student({});
    expect(matchesSearch(s, 'nunez')).toBe(true);
    expect(matchesSearch(s, 'JOSE nun')).toBe(true);
    expect(matchesSearch(s, 'jose smith')).toBe(false);
  });
  it('finds by registrar ID and matches all on an empty query', () => {
    expect(matchesSearch(student({}), '1234')).toBe(true);
    expect(matchesSearch(student({}), '  ')).toBe(true);
  });
});

describe('sorting', () => {
  const rows = [
    { n: 'Item 10', v: 5 },
    { n: 'Item 9', v: null },
    { n: 'item 2', v: 7 },
    { n: '', v: 5 },
  ];
  it('sorts numbers with empties last in both directions, keeping ties stable', () => {
    expect(sortBy(rows, (r) => r.v, 'ASC').map((r) => r.n)).toEqual(['Item 10', '', 'item 2', 'Item 9']);
    expect(sortBy(rows, (r) => r.v, 'DESC').map((r) => r.n)).toEqual(['item 2', 'Item 10', '', 'Item 9']);
  });
  it('sorts text naturally', () => {
    expect(sortBy(rows, (r) => r.n, 'ASC').map((r) => r.n)).toEqual(['item 2', 'Item 9', 'Item 10', '']);
  });
});
