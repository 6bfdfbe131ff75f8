import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseDrops, exact } from '@shared/grading';
import { chooseBothDrops, type DropBothGroup, type DropScores, type DropTotal } from '@shared/grading/drop';
import { category, categoryOf, gradeOne, item, itemOf, policy, score, snapshot } from './helpers';

const { toUnits, FINE, FINE_N } = exact;

function dropCase(scores: [number, number][], dropLowest: number, dropHighest = 0, neverDrop: number[] = []) {
  return gradeOne(
    snapshot({
      categories: [category(1, { dropLowest, dropHighest })],
      items: scores.map(([, p], i) => item(i + 1, 1, p, { neverDrop: neverDrop.includes(i + 1) })),
      scores: scores.map(([s], i) => score(1, i + 1, s)),
    }),
  );
}

interface ArbItem {
  readonly p: number;
  readonly frac: number;
  readonly fine: number | null;
}
interface ArbGroup {
  readonly items: readonly ArbItem[];
  readonly low: number;
  readonly high: number;
}

/**
 * chooseBothDrops against brute force: groups as in points grading (one shared ratio), `fixed`
 * items that are never dropped, and scores kept at FINE resolution (late penalties).
 */
function checkBothDrops(gs: readonly ArbGroup[], fixed: readonly ArbItem[]): void {
  const all = [...gs.flatMap((g) => g.items), ...fixed];
  const exactOf = all.map((x) => BigInt(toUnits((x.p * x.frac) / 100)) * FINE_N + BigInt(x.fine ?? 0));
  const v: DropScores = {
    approx: exactOf.map((e) => Number(e) / FINE),
    fine: all.map((x, i) => (x.fine === null ? null : exactOf[i]!)),
    possible: all.map((x) => toUnits(x.p)),
  };
  const idx = all.map((_, i) => i);
  const total: DropTotal = {
    units: idx.reduce((a, i) => a + (v.fine[i] == null ? v.approx[i]! : 0), 0),
    fine: idx.reduce((a, i) => a + (v.fine[i] ?? 0n), 0n),
    possible: idx.reduce((a, i) => a + v.possible[i]!, 0),
  };
  // Caps as the engine sets them: something with points possible always stays.
  let next = 0;
  const groups: DropBothGroup[] = gs.map((g, j) => {
    const candidates = g.items.map(() => next++);
    const max = candidates.length - (j === 0 && fixed.length === 0 ? 1 : 0);
    const lowest = Math.min(g.low, max);
    return { candidates, lowest, highest: Math.min(g.high, max - lowest) };
  });
  /** The ratio without `gone`, exactly: [earned at FINE, possible]. */
  const ratio = (gone: readonly number[]): [bigint, bigint] => {
    let n = 0n;
    let d = 0n;
    for (const i of idx) if (!gone.includes(i)) [n, d] = [n + exactOf[i]!, d + BigInt(v.possible[i]!)];
    return [n, d];
  };
  const cmp = (a: [bigint, bigint], b: [bigint, bigint]) => Math.sign(Number(a[0] * b[1] - b[0] * a[1]));
  /** Every way to take k of `from`, per group, as one list. */
  const subsets = (from: readonly number[], k: number): number[][] =>
    k === 0 ? [[]] : from.flatMap((x, i) => subsets(from.slice(i + 1), k - 1).map((rest) => [x, ...rest]));
  const choices = (sizes: (g: DropBothGroup) => number, taken: readonly number[]): number[][] =>
    groups.reduce<number[][]>(
      (acc, g) =>
        acc.flatMap((pre) =>
          subsets(
            g.candidates.filter((i) => !taken.includes(i)),
            sizes(g),
          ).map((s) => [...pre, ...s]),
        ),
      [[]],
    );
  const extreme = (xs: [bigint, bigint][], dir: number) => xs.reduce((a, b) => (dir * cmp(b, a) > 0 ? b : a));
  const minMax = extreme(
    choices((g) => g.highest, []).map((h) =>
      extreme(
        choices((g) => g.lowest, h).map((l) => ratio([...h, ...l])),
        1,
      ),
    ),
    -1,
  );
  const maxMin = extreme(
    choices((g) => g.lowest, []).map((l) =>
      extreme(
        choices((g) => g.highest, l).map((h) => ratio([...l, ...h])),
        -1,
      ),
    ),
    1,
  );
  expect(cmp(maxMin, minMax)).toBe(0); // the game has a value: the order of play does not matter

  const got = chooseBothDrops(total, groups, v);
  groups.forEach((g, j) => {
    expect(got.lowest[j]).toHaveLength(g.lowest);
    expect(got.highest[j]).toHaveLength(g.highest);
    for (const i of [...got.lowest[j]!, ...got.highest[j]!]) expect(g.candidates).toContain(i);
  });
  const dropped = [...got.lowest.flat(), ...got.highest.flat()];
  expect(new Set(dropped).size).toBe(dropped.length);
  expect(cmp(ratio(dropped), minMax)).toBe(0);
  // Both kinds: the sets are the saddle at V itself, whatever route found V: per group the
  // `lowest` smallest keys s − V·p, then the `highest` largest of the rest, ties by the tie rule.
  if (groups.some((g) => g.lowest > 0) && groups.some((g) => g.highest > 0)) {
    const [n, d] = minMax;
    const key = (i: number) => exactOf[i]! * d - n * BigInt(v.possible[i]!);
    const byKey = (dir: number) => (a: number, b: number) =>
      dir * Math.sign(Number(key(a) - key(b))) || v.possible[b]! - v.possible[a]! || b - a;
    groups.forEach((g, j) => {
      const lowest = g.lowest > 0 ? [...g.candidates].sort(byKey(1)).slice(0, g.lowest) : [];
      const highest =
        g.highest > 0
          ? g.candidates
              .filter((i) => !lowest.includes(i))
              .sort(byKey(-1))
              .slice(0, g.highest)
          : [];
      expect([got.lowest[j], got.highest[j]]).toEqual([lowest, highest]);
    });
  }
  // With one kind of drop only, exactly the plain optimum (same sets).
  const lowsOnly = groups.map((g) => ({ candidates: g.candidates, k: g.lowest }));
  const highsOnly = groups.map((g) => ({ candidates: g.candidates, k: g.highest }));
  expect(
    chooseBothDrops(
      total,
      groups.map((g) => ({ ...g, highest: 0 })),
      v,
    ).lowest,
  ).toEqual(chooseDrops(total, lowsOnly, 'best', v));
  expect(
    chooseBothDrops(
      total,
      groups.map((g) => ({ ...g, lowest: 0 })),
      v,
    ).highest,
  ).toEqual(chooseDrops(total, highsOnly, 'worst', v));
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

  it('drop lowest and drop highest together: min over high drops of max over low drops', () => {
    // 2/10, 8/20, 8/10, 10/10, drop 1 lowest and 1 highest. For each high drop H, the best low drop:
    //   H = 10/10: drop 2/10 → 16/30 = 53.33%  (8/20 → 10/20 = 50%, 8/10 → 10/30 = 33.33%)
    //   H = 8/10:  drop 2/10 → 18/30 = 60%     (8/20 → 12/20 = 60%)
    //   H = 8/20:  drop 2/10 → 18/20 = 90%;    H = 2/10: drop 8/20 → 18/20 = 90%
    // The minimum, 53.33%: drop 2/10 (lowest) and 10/10 (highest). Canvas's two steps would first
    // drop 8/20 (the best single drop, 20/30 = 66.67%), then 10/10, leaving 10/20 = 50.00% — and
    // with 0/10 instead of 2/10 they give 53.33%: raising a score would lower the grade.
    const items: [number, number][] = [
      [2, 10],
      [8, 20],
      [8, 10],
      [10, 10],
    ];
    const r = dropCase(items, 1, 1);
    expect(categoryOf(r, 1).final.dropped).toEqual([1, 4]);
    expect(r.final.display).toBe('53.33');
    expect(r.explanation.map((l) => l.text)).toEqual(
      expect.arrayContaining(['Dropped Item1 (lowest) from Cat1', 'Dropped Item4 (highest) from Cat1']),
    );
    const lower = dropCase([[0, 10], ...items.slice(1)], 1, 1);
    expect(categoryOf(lower, 1).final.dropped).toEqual([1, 4]);
    expect(lower.final.display).toBe('53.33');
  });

  it('drop lowest and drop highest together with equal weights: the lowest and highest percentages', () => {
    const r = gradeOne(
      snapshot({
        categories: [category(1, { dropLowest: 1, dropHighest: 1, equalWeightItems: true })],
        items: [item(1, 1, 10), item(2, 1, 20), item(3, 1, 10), item(4, 1, 10)],
        scores: [score(1, 1, 2), score(1, 2, 8), score(1, 3, 8), score(1, 4, 10)],
      }),
    );
    // 20%, 40%, 80%, 100%: without 20% and 100%, the mean of 40% and 80%.
    expect(categoryOf(r, 1).final.dropped).toEqual([1, 4]);
    expect(r.final.display).toBe('60.00');
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

  it('drop lowest and highest together when they take every droppable item (found by the property below)', () => {
    // a + b = all four droppable items, one fixed item: a single choice, ratio exactly 0/1. The
    // FINE-resolution scores made the double sums leave noise instead of 0, and the iteration
    // compared that noise as if it were a ratio ("no progress").
    checkBothDrops(
      [
        {
          items: [
            { p: 2, frac: 120, fine: null },
            { p: 2, frac: 40, fine: null },
            { p: 1, frac: 20, fine: 44 },
            { p: 1, frac: 110, fine: null },
          ],
          low: 2,
          high: 2,
        },
      ],
      [{ p: 1, frac: 0, fine: null }],
    );
    checkBothDrops(
      [
        {
          items: [
            { p: 1, frac: 0, fine: null },
            { p: 1, frac: 0, fine: 1 },
            { p: 10, frac: 0, fine: null },
            { p: 5, frac: 50, fine: null },
          ],
          low: 2,
          high: 2,
        },
      ],
      [{ p: 1, frac: 0, fine: null }],
    );
  });

  it('drop lowest and highest together matches brute-force min over H of max over L', () => {
    // FINE-resolution scores exercise the exact comparisons.
    const itemArb = fc.record({
      p: fc.constantFrom(1, 2, 4, 5, 10, 20, 1 / 3),
      frac: fc.integer({ min: 0, max: 12 }).map((x) => x * 10),
      fine: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null, freq: 3 }),
    });
    const groupArb = fc.record({
      items: fc.array(itemArb, { minLength: 1, maxLength: 6 }),
      low: fc.integer({ min: 0, max: 2 }),
      high: fc.integer({ min: 0, max: 2 }),
    });
    fc.assert(fc.property(fc.array(groupArb, { minLength: 1, maxLength: 3 }), fc.array(itemArb, { maxLength: 2 }), checkBothDrops), {
      numRuns: 1500,
    });
  });
  it('drop lowest and highest together never throws, even when approx breaks its contract', () => {
    // approx far from fine / FINE can mislead the double comparisons; the walk then starts over
    // with exact arithmetic instead of failing the whole course.
    const itemArb = fc.record({
      s: fc.integer({ min: 0, max: 1000 }),
      fine: fc.option(fc.bigInt({ min: 1n, max: 100_000_000_000n })),
      p: fc.integer({ min: 1, max: 1000 }),
      junk: fc.double({ min: -500, max: 500, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 3, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        (xs, a0, b0) => {
          const v: DropScores = {
            approx: xs.map((x) => (x.fine === null ? x.s : Number(x.fine) / FINE + x.junk)),
            fine: xs.map((x) => x.fine),
            possible: xs.map((x) => x.p),
          };
          const total: DropTotal = {
            units: xs.reduce((a, x) => a + (x.fine === null ? x.s : 0), 0),
            fine: xs.reduce((a, x) => a + (x.fine ?? 0n), 0n),
            possible: xs.reduce((a, x) => a + x.p, 0),
          };
          const lowest = Math.min(a0, xs.length - 2);
          const highest = Math.min(b0, xs.length - 1 - lowest);
          const got = chooseBothDrops(total, [{ candidates: xs.map((_, i) => i), lowest, highest }], v);
          expect(got.lowest[0]).toHaveLength(lowest);
          expect(got.highest[0]).toHaveLength(highest);
        },
      ),
      { numRuns: 500 },
    );
  });
});
