/**
 * Generated courses for the engine's property tests, and a fixed corpus of them (with varied
 * policies) whose results are recorded, so a faster engine can be shown to give identical ones.
 */
import fc from 'fast-check';
import type { CourseSnapshot, Policy, Score } from '@shared/model';
import { category, item, policy, score, snapshot, student } from './helpers';

/** The corpus courses' items are due on 2024-10-01 and 2024-10-20, either side of this. */
export const CORPUS_AS_OF = '2024-10-15T12:00:00Z';
const POINTS = [0, 1 / 3, 1, 2.5, 10, 20];

const cellArb = fc.record({
  frac: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 4 }),
  status: fc.constantFrom(null, null, null, null, 'excused', 'missing', 'exempt'),
  daysLate: fc.constantFrom(null, null, null, 0.5, 1, 3),
  integrity: fc.constantFrom(false, false, false, false, false, false, false, true),
});

/** A random course: 1–3 categories, 1–8 items, 1–3 students, varied statuses, drops and lateness. */
export const courseArb = fc
  .record({
    grading: fc.constantFrom('weighted', 'points'),
    cats: fc.array(
      fc.record({
        weight: fc.integer({ min: 0, max: 60 }),
        dropLowest: fc.integer({ min: 0, max: 2 }),
        dropHighest: fc.integer({ min: 0, max: 1 }),
        equal: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    items: fc.array(
      fc.record({
        cat: fc.nat(),
        points: fc.constantFrom(...POINTS),
        due: fc.constantFrom(null, '2024-10-01', '2024-10-20'),
        neverDrop: fc.boolean(),
      }),
      {
        minLength: 1,
        maxLength: 8,
      },
    ),
    students: fc.integer({ min: 1, max: 3 }),
    cells: fc.array(cellArb, { minLength: 24, maxLength: 24 }),
  })
  .map((g): CourseSnapshot => {
    const categories = g.cats.map((c, i) =>
      category(i + 1, { weight: c.weight, dropLowest: c.dropLowest, dropHighest: c.dropHighest, equalWeightItems: c.equal }),
    );
    const items = g.items.map((it, i) =>
      item(i + 1, (it.cat % categories.length) + 1, it.points, { dueDate: it.due, neverDrop: it.neverDrop }),
    );
    const students = Array.from({ length: g.students }, (_, i) => student(i + 1));
    const scores: Score[] = [];
    students.forEach((st, si) =>
      items.forEach((it, ii) => {
        const c = g.cells[(si * items.length + ii) % g.cells.length]!;
        scores.push(
          score(st.id, it.id, c.frac === null ? null : Math.round(it.pointsPossible * c.frac) / 100, {
            status: c.status as Score['status'],
            daysLate: c.daysLate,
            integrity: c.integrity ? { date: '2024-10-02', note: 'finding' } : null,
          }),
        );
      }),
    );
    return snapshot({ policy: policy({ grading: g.grading as 'weighted' | 'points' }), categories, items, students, scores });
  });

/** Policy settings the property courses leave at the preset: rounding, missing work, late rules, borderline. */
const policyArb = fc.record({
  rounding: fc.constantFrom<Policy['rounding'][]>(
    { mode: 'half-up', decimals: 2 },
    { mode: 'half-up', decimals: 0 },
    { mode: 'half-up', decimals: 1 },
    { mode: 'none' },
  ),
  missingWork: fc.constantFrom<Policy['missingWork'][]>(
    { enabled: false, percent: 0 },
    { enabled: true, percent: 50 },
    { enabled: true, percent: 33.3 },
  ),
  late: fc.constantFrom<Policy['late'][]>(
    { basis: 'earned', steps: [{ upToHours: 48, deduction: 10, per: 'flat' }], floorPercent: null, cutoffHours: 48 },
    { basis: 'possible', steps: [{ upToHours: 24, deduction: 7.5, per: 'hour' }], floorPercent: 40, cutoffHours: null },
    {
      basis: 'earned',
      steps: [
        { upToHours: 24, deduction: 5, per: 'flat' },
        { upToHours: 96, deduction: 3.3, per: 'day' },
      ],
      floorPercent: null,
      cutoffHours: 120,
    },
  ),
  borderlineDistance: fc.constantFrom(0, 1, 2.5),
});

/** `count` courses, the same on every run: the property courses under varied policies. */
export function recordedCorpus(count: number): CourseSnapshot[] {
  return fc.sample(
    fc.tuple(courseArb, policyArb).map(([snap, p]) => ({ ...snap, policy: { ...snap.policy, ...p } })),
    { seed: 7374, numRuns: count },
  );
}
