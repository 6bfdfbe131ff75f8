import { describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { categoryStatistics, itemStatistics, type StatEntry } from '@shared/charts/stats';
import type { CourseSnapshot, Score } from '@shared/model';
import { LATE_TERM, category, item, score, snapshot, student } from '../grading/helpers';

const HW = item(1, 1, 10, { dueDate: '2026-09-15' });

/** The engine's results for one 10-point item with these cells, one student per cell. */
function entries(cells: (number | Partial<Score> | null)[], over: Partial<CourseSnapshot> = {}): StatEntry[] {
  const students = cells.map((_, i) => student(i + 1));
  const scores = cells.flatMap((c, i) =>
    c === null ? [] : [typeof c === 'number' ? score(i + 1, HW.id, c) : score(i + 1, HW.id, null, c)],
  );
  const snap = snapshot({ students, items: [HW], scores, ...over });
  const results = computeCourse(snap, { asOf: LATE_TERM }).students;
  return snap.students.map((s, i) => ({ student: s, result: results[i]! }));
}

const bin = (s: { bins: readonly { label: string; count: number }[] }) =>
  Object.fromEntries(s.bins.filter((b) => b.count > 0).map((b) => [b.label, b.count]));

describe('itemStatistics', () => {
  it('an odd count: the middle score is the median, the SD divides by n', () => {
    // mean 21/3 = 7; deviations −3, 0, 3; variance 18/3 = 6; √6 = 2.449…
    const s = itemStatistics(entries([4, 7, 10]), HW);
    expect(s).toMatchObject({ count: 3, mean: 7, median: 7, sd: 2.45, min: 4, max: 10 });
    expect(bin(s)).toEqual({ '40–50': 1, '70–80': 1, '90–100': 1 });
  });

  it('an even count: the median is halfway between the two middle scores; excused, ungraded and withdrawn are left out', () => {
    const e = entries([6, 8, 9, 10, { status: 'excused' }, null, 2]);
    const withdrawn = { ...e[6]!, student: { status: 'withdrawn' as const } };
    // mean 33/4 = 8.25; squares of deviations 5.0625 + 0.0625 + 0.5625 + 3.0625 = 8.75; √(8.75/4) = 1.479…
    const s = itemStatistics([...e.slice(0, 6), withdrawn], HW);
    expect(s).toMatchObject({ count: 4, mean: 8.25, median: 8.5, sd: 1.48, min: 6, max: 10 });
    expect(s.left).toEqual({ withdrawn: 1, excused: 1, ungraded: 1 });
  });

  it('everyone excused: nothing is counted and no figure is made up', () => {
    const s = itemStatistics(entries([{ status: 'excused' }, { status: 'exempt' }]), HW);
    expect(s).toMatchObject({ count: 0, mean: null, median: null, sd: null, min: null, max: null });
    expect(s.left.excused).toBe(2);
    expect(s.bins.every((b) => b.count === 0)).toBe(true);
  });

  it('one score: it is the mean, the median, the min and the max, with no spread', () => {
    expect(itemStatistics(entries([7.5]), HW)).toMatchObject({ count: 1, mean: 7.5, median: 7.5, sd: 0, min: 7.5, max: 7.5 });
  });

  it('extra credit above points possible counts as entered and lands in the top bar', () => {
    // 15 and 5: mean 10, median 10, deviations ±5, SD 5.
    const s = itemStatistics(entries([15, 5]), HW);
    expect(s).toMatchObject({ count: 2, mean: 10, median: 10, sd: 5, max: 15 });
    expect(bin(s)).toEqual({ '50–60': 1, '90–100': 1 });
  });

  it('rounds half-up on the exact values, where doubles would round 1.015 down', () => {
    expect((1.01 + 1.02) / 2).not.toBe(1.015);
    expect(itemStatistics(entries([1.01, 1.02]), HW)).toMatchObject({ mean: 1.02, median: 1.02, sd: 0.01 });
  });

  it('counts what the engine counts: missing work past due as 0, a late score after its penalty', () => {
    // 8 submitted a day late: −10% of 8 earned = 7.2. Missing: 0. Mean 3.6, SD 3.6.
    const s = itemStatistics(entries([{ value: 8, submittedAt: '2026-09-17T00:00:00Z' }, { status: 'missing' }]), HW);
    expect(s).toMatchObject({ count: 2, mean: 3.6, median: 3.6, sd: 3.6, min: 0, max: 7.2 });
  });

  it('a 0-point bonus item has figures in points but no histogram', () => {
    const bonus = item(2, 1, 0);
    const e = entries([], { students: [student(1)], items: [HW, bonus], scores: [score(1, 2, 3)] });
    expect(itemStatistics(e, bonus)).toMatchObject({ count: 1, mean: 3, bins: [] });
  });
});

describe('categoryStatistics', () => {
  const items = [item(1, 1, 10), item(2, 1, 10)];
  const snap = snapshot({
    categories: [category(1)],
    students: [student(1), student(2), student(3), student(4, { status: 'withdrawn' })],
    items,
    scores: [
      score(1, 1, 8),
      score(1, 2, 6),
      score(2, 1, 10),
      score(3, 1, null, { status: 'excused' }),
      score(3, 2, null, { status: 'excused' }),
      score(4, 1, 1),
    ],
  });
  const results = computeCourse(snap, { asOf: LATE_TERM }).students;
  const e = snap.students.map((s, i) => ({ student: s, result: results[i]! }));

  it('takes the students’ percentages in the view asked for', () => {
    // current: 70% and 100% (the ungraded item does not count yet); final: 70% and 50%.
    expect(categoryStatistics(e, 1, 'current')).toMatchObject({ count: 2, mean: 85, median: 85, sd: 15, min: 70, max: 100 });
    expect(categoryStatistics(e, 1, 'final')).toMatchObject({ count: 2, mean: 60, median: 60, sd: 10, min: 50, max: 70 });
  });

  it('leaves out a student with nothing counted and a withdrawn one', () => {
    expect(categoryStatistics(e, 1, 'current').left).toEqual({ withdrawn: 1, excused: 0, ungraded: 1 });
    expect(bin(categoryStatistics(e, 1, 'final'))).toEqual({ '50–60': 1, '70–80': 1 });
  });
});
