import { describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { columnValue, order, sortValue, type GridRow, type RowFilter } from '@shared/grid';
import type { CourseSnapshot } from '@shared/model';
import { LATE_TERM, category, item, score, snapshot, student } from '../grading/helpers';

/** Three students on two items of one category: 9/10 and 5/10, ungraded and excused, 0 and missing. */
const course: CourseSnapshot = snapshot({
  categories: [category(1, { name: 'Homeworks' })],
  students: [
    student(1, { lastName: 'Avery', firstName: 'Ann', section: 'A' }),
    student(2, { lastName: 'Brook', firstName: 'Ben', section: 'B' }),
    student(3, { lastName: 'Cole', firstName: 'Cy', section: 'A', status: 'withdrawn' }),
  ],
  teams: [{ id: 7, name: 'Owls' }],
  memberships: [{ teamId: 7, studentId: 2, from: '2025-01-01T00:00:00Z', to: null }],
  items: [item(10, 1, 10, { dueDate: '2026-01-01' }), item(11, 1, 10, { dueDate: '2026-01-01' })],
  scores: [
    score(1, 10, 9),
    score(1, 11, 5),
    score(2, 11, null, { status: 'excused' }),
    score(3, 10, 0),
    score(3, 11, null, { status: 'missing' }),
  ],
  overrides: [{ studentId: 2, letter: 'A', percent: 95, reason: 'Appeal' }],
});
const results = computeCourse(course, { asOf: LATE_TERM }).students;
const itemIndex = new Map(course.items.map((it, i) => [it.id, i]));
const rows: GridRow[] = course.students.map((s, i) => ({
  student: s,
  scores: new Map(course.scores.filter((x) => x.studentId === s.id).map((x) => [x.itemId, x])),
  result: results[i]!,
}));
const [ann, ben, cy] = rows as [GridRow, GridRow, GridRow];
const all: RowFilter = { search: '', section: '', team: '', status: '', withdrawn: true };

describe('what a student or grade column shows', () => {
  it('names the student and shows the registrar ID', () => {
    expect(columnValue(ann, 'name', 'current')).toEqual({ text: 'Avery, Ann', sort: 'Avery, Ann' });
    expect(columnValue(ann, 'registrarId', 'final')).toEqual({ text: '001', sort: '001' });
  });

  it('shows the category, the total and the letter of the view asked for, each with the value it sorts by', () => {
    expect(columnValue(ann, 'cat:1', 'current')).toEqual({ text: '70.00%', sort: 70 });
    expect(columnValue(ann, 'grade', 'final')).toEqual({ text: '70.00%', sort: 70 });
    expect(columnValue(ann, 'letter', 'current')).toEqual({ text: 'B-', sort: 'B-' });
    // Ben has only an excused item and no graded work: the current view has nothing to count, the final view counts his ungraded item as 0.
    expect(columnValue(ben, 'cat:1', 'current')).toEqual({ text: '—', sort: null });
    expect(columnValue(ben, 'cat:1', 'final')).toEqual({ text: '0.00%', sort: 0 });
  });

  it('shows an override in the final view only, and sorts by it', () => {
    expect(columnValue(ben, 'grade', 'final')).toEqual({ text: '95.00%', sort: 95 });
    expect(columnValue(ben, 'letter', 'final')).toEqual({ text: 'A', sort: 'A' });
    expect(columnValue(ben, 'grade', 'current')).toEqual({ text: '—', sort: null });
  });

  it('is a bug to ask for a score column or an unknown one', () => {
    expect(() => columnValue(ann, 'item:10', 'current')).toThrow(RangeError);
    expect(() => columnValue(ann, 'points', 'current')).toThrow(RangeError);
  });
});

describe('the rows the grid shows, in order', () => {
  const ids = (
    filter: Partial<RowFilter>,
    sort?: { columnKey: string; direction: 'ASC' | 'DESC' },
    view: 'current' | 'final' = 'current',
  ) => order(rows, { ...all, ...filter }, course.memberships, sort, view, itemIndex);

  it('filters by withdrawn, section, team, status and search', () => {
    expect(ids({})).toEqual([1, 2, 3]);
    expect(ids({ withdrawn: false })).toEqual([1, 2]);
    expect(ids({ section: 'A' })).toEqual([1, 3]);
    expect(ids({ team: '7' })).toEqual([2]);
    expect(ids({ status: 'override' })).toEqual([2]);
    expect(ids({ search: 'cole' })).toEqual([3]);
  });

  it('sorts a score by what it counts, with excused and ungraded work last both ways', () => {
    expect(sortValue(cy, 'item:11', 'current', itemIndex)).toBe(0);
    expect(sortValue(ben, 'item:11', 'current', itemIndex)).toBeNull();
    expect(ids({}, { columnKey: 'item:11', direction: 'ASC' })).toEqual([3, 1, 2]);
    expect(ids({}, { columnKey: 'item:11', direction: 'DESC' })).toEqual([1, 3, 2]);
  });

  it('sorts the total and the letter by the view shown', () => {
    expect(ids({}, { columnKey: 'grade', direction: 'DESC' }, 'final')).toEqual([2, 1, 3]);
    expect(ids({}, { columnKey: 'grade', direction: 'DESC' }, 'current')).toEqual([1, 3, 2]);
    expect(ids({}, { columnKey: 'name', direction: 'DESC' })).toEqual([3, 2, 1]);
  });
});
