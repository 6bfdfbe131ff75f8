import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDrops, exact } from '../../../shared/grading';
import { category, categoryOf, gradeOne, item, itemOf, policy, score, snapshot } from './helpers';

const { toUnits } = exact;

function dropCase(scores: [number, number][], dropLowest: number, dropHighest = 0, neverDrop: number[] = []) {
  return gradeOne(
    snapshot({
      categories: [category(1, { dropLowest, dropHighest })],
      items: scores.map(([, p], i) => item(i + 1, 1, p, { neverDrop: neverDrop.includes(i + 1) })),
      scores: scores.map(([s], i) => score(1, i + 1, s)),
    }),
  );
}

describe('drop lowest / highest', () => {
  it('drops the item whose removal gives the best grade, not the lowest raw score or percentage', () => {
    // 80/100, 1/2, 9/10. Dropping 1/2 (lowest score and percentage) → 89/110 = 80.9%;
    // dropping 80/100 → 10/12 = 83.3%, the best.
    const r = dropCase(
      [
        [80, 100],
        [1, 2],
        [9, 10],
      ],
      1,
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([1]);
    expect(itemOf(r, 1).final).toBe('dropped');
    expect(r.final.display).toBe('83.33');
    expect(r.explanation.map((l) => l.text)).toContain('Dropped Item1 (lowest) from Cat1');
  });

  it('drop two: the best pair, not the two lowest percentages', () => {
    // 100/100, 20/100 (20%), 3/5 (60%), 1/2 (50%). Dropping the two lowest percentages, 20/100 and
    // 1/2, leaves 103/105 = 98.10%; dropping 20/100 and 3/5 leaves 101/102 = 99.02%, the best.
    const r = dropCase(
      [
        [100, 100],
        [20, 100],
        [3, 5],
        [1, 2],
      ],
      2,
    );
    expect([...categoryOf(r, 1).final.dropped].sort()).toEqual([2, 3]);
    expect(r.final.display).toBe('99.02');
  });

  it('never drops never-drop items', () => {
    const r = dropCase(
      [
        [1, 10],
        [5, 10],
        [10, 10],
      ],
      1,
      0,
      [1],
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([2]);
    expect(r.final.display).toBe('55.00');
  });

  it('drop highest removes the item that gives the worst grade', () => {
    const r = dropCase(
      [
        [10, 10],
        [5, 10],
        [8, 10],
      ],
      0,
      1,
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([1]);
    expect(r.final.display).toBe('65.00');
    expect(r.explanation.map((l) => l.text)).toContain('Dropped Item1 (highest) from Cat1');
  });

  it('keeps at least one item', () => {
    const r = dropCase(
      [
        [3, 10],
        [5, 10],
      ],
      5,
    );
    expect(categoryOf(r, 1).final.dropped).toEqual([1]);
    expect(r.final.display).toBe('50.00');
  });

  it('ungraded work counting 0 in the final view can be the one dropped', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1 })],
        items: [item(1, 1, 10), item(2, 1, 10), item(3, 1, 10)],
        scores: [score(1, 1, 6), score(1, 2, 8)],
      }),
    );
    expect(categoryOf(r, 1).current.dropped).toEqual([1]);
    expect(categoryOf(r, 1).final.dropped).toEqual([3]);
    expect(r.current.display).toBe('80.00');
    expect(r.final.display).toBe('70.00');
  });

  it('points grading chooses drops for the course total, not for the category alone', () => {
    const r = gradeOne(
      snapshot({
        policy: policy({ grading: 'points' }),
        categories: [category(1, { dropLowest: 1 }), category(2)],
        items: [item(1, 1, 0), item(2, 1, 2.5), item(3, 1, 1), item(4, 2, 20)],
        scores: [score(1, 1, 1.2), score(1, 2, 1.73)],
      }),
    );
    // Final view: alone, category 1 would drop item 2 (1.2/1 = 120% beats 2.93/2.5 = 117.2%),
    // but for the total, dropping the ungraded item 3 is better: 2.93 / 22.5 = 13.02% vs 1.2 / 21.
    expect(categoryOf(r, 1).final.dropped).toEqual([3]);
    expect(r.final.display).toBe('13.02');
  });

  it('matches exhaustive search on random categories', () => {
    const itemArb = fc.record({ p: fc.integer({ min: 1, max: 40 }), frac: fc.integer({ min: 0, max: 120 }) });
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 2, maxLength: 9 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), (raw, k0, best) => {
        const k = Math.min(k0, raw.length - 1);
        const approx = raw.map((x) => toUnits((x.p * x.frac) / 100));
        const possible = raw.map((x) => toUnits(x.p));
        const v = { approx, fine: raw.map(() => null), possible };
        const total = {
          approx: approx.reduce((a, b) => a + b, 0),
          units: approx.reduce((a, b) => a + b, 0),
          fine: 0n,
          possible: possible.reduce((a, b) => a + b, 0),
        };
        const idx = raw.map((_, i) => i);
        const chosen = chooseDrops(total, [{ candidates: idx, k }], best ? 'best' : 'worst', v)[0]!;
        const ratio = (set: number[]) => {
          let s = 0;
          let p = 0;
          idx.forEach((i) => {
            if (!set.includes(i)) {
              s += approx[i]!;
              p += possible[i]!;
            }
          });
          return s / p;
        };
        let target = best ? -Infinity : Infinity;
        const visit = (start: number, set: number[]) => {
          if (set.length === k) {
            const r = ratio(set);
            target = best ? Math.max(target, r) : Math.min(target, r);
            return;
          }
          for (let i = start; i < raw.length; i++) visit(i + 1, [...set, i]);
        };
        visit(0, []);
        expect(chosen).toHaveLength(k);
        expect(ratio(chosen)).toBeCloseTo(target, 12);
      }),
      { numRuns: 400 },
    );
  });
});
