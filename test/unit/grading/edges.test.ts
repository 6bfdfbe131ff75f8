/** The edge rules of issue 13, each written from the rule with the grade worked by hand. */
import { describe, expect, it } from 'vitest';
import { computeCourse, validatePolicy } from '@shared/grading';
import { category, categoryOf, gradeOne, item, itemOf, policy, score, snapshot, student } from './helpers';

const texts = (r: ReturnType<typeof gradeOne>) => r.explanation.map((l) => l.text);

describe('drop limits: n = droppable counted items; lowest ≤ n − 1; lowest + highest ≥ n cancels highest', () => {
  it('never-drop items do not count toward the limit: the only droppable item stays', () => {
    // Item1 10/10 never-drop, Item2 2/10 droppable, drop lowest 1. n = 1, so drop lowest clamps to 0:
    // 12/20 = 60% (the old rule dropped Item2 and gave 100%... only by counting Item1 as droppable).
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10, { neverDrop: true }), item(2, 1, 10)],
        scores: [score(1, 1, 10), score(1, 2, 2)],
      }),
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([]);
    expect(r.final.display).toBe('60.00');
    expect(texts(r)).toContain('Cat1: 1 droppable item, so drop lowest 1 → 0 (one always stays)');
  });

  it('drop highest is cancelled when lowest + highest would take every droppable item', () => {
    // 4/10, 6/10, 9/10 with drop lowest 2 and highest 1: n = 3, lowest stays 2 (= n − 1), 2 + 1 ≥ 3
    // so highest is 0. Dropping 4 and 6 leaves 9/10 = 90%.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 2, dropHighest: 1 })],
        items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 4), score(1, 2, 6), score(1, 3, 9)],
      }),
    );
    expect([...categoryOf(r, 1).final.dropped].sort()).toEqual([1, 2]);
    expect(r.final.display).toBe('90.00');
    expect(texts(r)).toContain('Cat1: 3 droppable items, so drop highest 1 → 0 (one always stays)');
  });

  it('an integrity zero is not droppable and does not count toward n', () => {
    // Item1 integrity 0/10, Item2 5/10, Item3 7/10, drop lowest 2: n = 2, so 1 drop: Item2.
    // 0 + 7 of 20 = 35%.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 2 })],
        items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 9, { integrity: { date: '2024-10-01', note: 'copied' } }), score(1, 2, 5), score(1, 3, 7)],
      }),
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('35.00');
  });
});

describe('one tie rule: larger points possible, then the later item', () => {
  it('equal grades either way and equal points possible: the later item is dropped', () => {
    // 0/10, 0/10, 8/10, drop lowest 1: removing either zero leaves 8/20 = 40%.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 0), score(1, 2, 0), score(1, 3, 8)],
      }),
    );
    // The later zero (Item2) goes.
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('40.00');
    expect(texts(r)).toContain(
      'Dropped Item2 (lowest) from Cat1 (tied with Item1: the tie drops the item with more points possible, then the later one)',
    );
  });

  it('a tie between different points possible drops the larger one', () => {
    // 3/5, 6/10, 3/5, drop lowest 1: every item is 60%, as is the whole (12/20), so every removal
    // leaves 60%. Item2 has the most points possible.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 5), item(2, 1, 10), item(3, 1, 5)],
        scores: [score(1, 1, 3), score(1, 2, 6), score(1, 3, 3)],
      }),
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('60.00');
    expect(texts(r).filter((t) => t.startsWith('Dropped'))).toEqual([
      'Dropped Item2 (lowest) from Cat1 (tied with Item1: the tie drops the item with more points possible, then the later one)',
      'Dropped Item2 (lowest) from Cat1 (tied with Item1: the tie drops the item with more points possible, then the later one)',
    ]);
  });

  it('drop highest follows the same rule, and so does points grading', () => {
    // 10/10 and 10/10 beside 5/10, drop highest 1: the later 10/10 (Item2) goes → 15/20 = 75%.
    const snap = snapshot({
      categories: [category(1, { dropHighest: 1 })],
      items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
      scores: [score(1, 1, 10), score(1, 2, 10), score(1, 3, 5)],
    });
    expect(categoryOf(gradeOne(snap), 1).final.dropped).toEqual([2]);
    const points = gradeOne({ ...snap, policy: policy({ grading: 'points' }) });
    expect(categoryOf(points, 1).final.dropped).toEqual([2]);
    expect(points.final.display).toBe('75.00');
  });
});

describe('zero-point items (extra credit) can be dropped', () => {
  it('rank by their raw score', () => {
    // Item1 8/10 and a 1-point extra credit (0 possible) are droppable, Item3 10/10 never-drop;
    // drop highest 1 takes the worst grade: without Item1, 11/10 = 110%; without the extra
    // credit, 18/20 = 90%. So the extra credit goes: 90%.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropHighest: 1 })],
        items: [item(1, 1, 10), item(2, 1, 0), item(3, 1, 10, { neverDrop: true })],
        scores: [score(1, 1, 8), score(1, 2, 1), score(1, 3, 10)],
      }),
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('90.00');
  });

  it('two extra-credit items: the lower raw score is the lowest', () => {
    // Item1 5/10 never-drop, extra credit 1 and 3 points (0 possible), drop lowest 1: without the
    // 1 → 8/10 = 80%; without the 3 → 6/10 = 60%. The 1-point one goes.
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10, { neverDrop: true }), item(2, 1, 0), item(3, 1, 0)],
        scores: [score(1, 1, 5), score(1, 2, 1), score(1, 3, 3)],
      }),
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('80.00');
  });

  it('a category of extra credit only keeps no percentage', () => {
    // Nothing possible in Cat1: no percentage, its weight goes to Cat2 (7/10 = 70%).
    const r = gradeOne(
      snapshot({
        categories: [category(1, { weight: 50, dropLowest: 1 }), category(2, { weight: 50 })],
        items: [item(1, 1, 0), item(2, 1, 0), item(3, 2, 10)],
        scores: [score(1, 1, 1), score(1, 2, 2), score(1, 3, 7)],
      }),
    );
    expect(categoryOf(r, 1).final.percent).toBeNull();
    expect(r.final.display).toBe('70.00');
  });
});

describe('letters below the scale', () => {
  it('a percentage below every lower bound gets the lowest band', () => {
    // Bands A from 90, B from 50: 30/100 = 30% is below B's 50 → B, said so in Explain.
    const r = gradeOne(
      snapshot({
        policy: policy({
          bands: [
            { letter: 'A', min: 90 },
            { letter: 'B', min: 50 },
          ],
        }),
        items: [item(1, 1, 100)],
        scores: [score(1, 1, 30)],
      }),
    );
    expect(r.final.letter).toBe('B');
    expect(texts(r)).toContain('30.00 is below every band; the lowest band is open downward → B');
  });

  it('a negative total (from an import) gets F in the preset', () => {
    // −5 of 10 = −50% → F (F's band starts at 0).
    const r = gradeOne(snapshot({ items: [item(1, 1, 10)], scores: [score(1, 1, -5)] }));
    expect(r.final.display).toBe('-50.00');
    expect(r.final.letter).toBe('F');
  });
});

describe('policy problems are structured', () => {
  it('weights off 100 have a code for scripts', () => {
    const res = computeCourse(snapshot({ categories: [category(1, { weight: 80 })] }));
    expect(res.policyProblems).toEqual([{ code: 'weights_total', message: 'Category weights add up to 80%, not 100%.' }]);
  });

  it('equal-weight items under points grading are a problem, not silently ignored', () => {
    expect(validatePolicy(policy({ grading: 'points' }), [category(1, { name: 'Homeworks', equalWeightItems: true })])).toEqual([
      {
        code: 'equal_weight_points',
        message:
          '"Homeworks" counts its items equally, which grading by points cannot do. Turn off "Equal-weight items" for it, or grade by weighted categories.',
      },
    ]);
  });
});

describe('due instants to the second', () => {
  // Exact deadline 15 Sep 2025 23:59:30 EDT (03:59:30Z): 10% off up to 48 h late (the preset).
  const due = (submittedAt: string, extensionDays = 0) =>
    gradeOne(
      snapshot({
        students: [student(1, { extensionDays })],
        items: [item(1, 1, 10, { dueAt: '2025-09-16T03:59:30Z' })],
        scores: [score(1, 1, 8, { submittedAt })],
      }),
    );

  it('one second after an exact deadline is late', () => {
    // 8 − 10% of 8 = 7.2 of 10 = 72%.
    expect(due('2025-09-16T03:59:31Z').final.display).toBe('72.00');
    expect(itemOf(due('2025-09-16T03:59:31Z'), 1).late?.deadline).toBe('2025-09-16T03:59:30.000Z');
    // On the second itself: on time, 80%.
    expect(due('2025-09-16T03:59:30Z').final.display).toBe('80.00');
  });

  it('a local date and time is still due at the end of its minute', () => {
    // Due 15 Sep 23:59 EDT: 23:59:59 is on time.
    const r = gradeOne(
      snapshot({
        items: [item(1, 1, 10, { dueDate: '2025-09-15', dueTime: '23:59' })],
        scores: [score(1, 1, 8, { submittedAt: '2025-09-16T03:59:59Z' })],
      }),
    );
    expect(r.final.display).toBe('80.00');
  });

  it('an extension moves an exact deadline by calendar days, keeping its seconds across DST', () => {
    // Due Sat 1 Nov 2025 23:59:30 EDT (03:59:30Z on the 2nd); +2 days is Mon 3 Nov 23:59:30 EST
    // (04:59:30Z on the 4th), one hour more than 48 h because the clocks went back.
    const r = gradeOne(
      snapshot({
        students: [student(1, { extensionDays: 2 })],
        items: [item(1, 1, 10, { dueAt: '2025-11-02T03:59:30Z' })],
        scores: [score(1, 1, 8, { submittedAt: '2025-11-04T04:59:31Z' })],
      }),
    );
    expect(itemOf(r, 1).late?.deadline).toBe('2025-11-04T04:59:30.000Z');
    expect(r.final.display).toBe('72.00');
  });
});

describe('missing-work policy', () => {
  const base = {
    categories: [category(1)],
    items: [
      item(1, 1, 10, { dueDate: '2025-09-15' }),
      item(2, 1, 10, { dueDate: '2025-09-15' }),
      item(3, 1, 10, { dueDate: '2025-12-15' }),
    ],
    scores: [score(1, 1, 9), score(1, 3, null, { status: 'missing' as const })],
  };
  const AS_OF = '2025-10-01T12:00:00Z';

  it('off (the preset): ungraded past due does not count now; marked missing counts 0 once due', () => {
    // Current: only Item1 (9/10 = 90%); Item3 is missing but not yet due.
    const r = gradeOne(snapshot(base), AS_OF);
    expect(r.current.display).toBe('90.00');
    expect(itemOf(r, 2).outcome).toBe('ungraded');
  });

  it('on at 50%: ungraded past its deadline scores 50% of points possible, in both views', () => {
    // Current: Item1 9 + Item2 (ungraded, past due) 5 = 14/20 = 70%. Item3 is marked missing but
    // not yet due: left out now, 0 in the final view (as any unfinished work): 14/30 = 46.67%.
    const r = gradeOne(snapshot({ ...base, policy: policy({ missingWork: { enabled: true, percent: 50 } }) }), AS_OF);
    expect(itemOf(r, 2)).toMatchObject({ outcome: 'auto-missing', effective: 5, current: 'counted' });
    expect(r.current.display).toBe('70.00');
    expect(r.final.display).toBe('46.67');
    expect(texts(r)).toContain(
      'Item2: not graded by its deadline (Mon 15 Sep, 11:59 pm EDT), so missing — scores 50% of points possible by the missing-work policy = 5',
    );
  });

  it('on at 0%: marked missing past due scores 0%, and so does ungraded past due', () => {
    // After every deadline: 9 + 0 + 0 = 9/30 = 30% in both views.
    const r = gradeOne(snapshot({ ...base, policy: policy({ missingWork: { enabled: true, percent: 0 } }) }));
    expect(itemOf(r, 3)).toMatchObject({ outcome: 'missing', effective: 0 });
    expect(r.current.display).toBe('30.00');
    expect(r.final.display).toBe('30.00');
  });

  it('excused work is never missing', () => {
    const r = gradeOne(
      snapshot({
        ...base,
        policy: policy({ missingWork: { enabled: true, percent: 50 } }),
        scores: [score(1, 1, 9), score(1, 2, null, { status: 'excused' })],
      }),
      AS_OF,
    );
    expect(itemOf(r, 2).outcome).toBe('excused');
    expect(r.current.display).toBe('90.00');
  });
});

describe('"does not count toward the final grade"', () => {
  it('is shown and kept, but in no total and no drop', () => {
    // Item1 4/10 does not count; Item2 6/10, Item3 8/10, drop lowest 1. Without Item1 the drop
    // takes Item2: 8/10 = 80%. (Counted, Item1 would have been dropped instead: 14/20 = 70%.)
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10, { omitFromFinal: true }), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 4), score(1, 2, 6), score(1, 3, 8)],
      }),
    );
    expect(itemOf(r, 1)).toMatchObject({ raw: 4, effective: 4, current: 'excluded', final: 'excluded' });
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('80.00');
    expect(texts(r)).toContain('Item1: does not count toward the final grade — shown, not counted');
  });
});
