import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCourse, type StudentResult } from '@shared/grading';
import { fmtPoints } from '@shared/grading/format';
import type { CourseSnapshot } from '@shared/model';
import { CORPUS_AS_OF, courseArb } from './corpus';

const AS_OF = { asOf: CORPUS_AS_OF };

function byStudent(snap: CourseSnapshot): Map<number, StudentResult> {
  return new Map(computeCourse(snap, AS_OF).students.map((s) => [s.studentId, s]));
}

/** Everything a consumer sees, as plain data (getters read). */
function plain(r: StudentResult) {
  return JSON.parse(JSON.stringify(r));
}

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('properties', () => {
  /** A random course with a score raised: no percentage may fall, in either view. */
  const raisingNeverLowers = (courses: fc.Arbitrary<CourseSnapshot>, numRuns: number) =>
    fc.assert(
      fc.property(courses, fc.nat(), fc.integer({ min: 1, max: 50 }), (snap, pick, bump) => {
        const graded = snap.scores.filter((s) => s.studentId === 1 && s.value !== null);
        if (graded.length === 0) return;
        const target = graded[pick % graded.length]!;
        const raised = { ...snap, scores: snap.scores.map((s) => (s === target ? { ...s, value: s.value! + bump / 10 } : s)) };
        const before = byStudent(snap).get(1)!;
        const after = byStudent(raised).get(1)!;
        for (const view of ['current', 'final'] as const) {
          if (before[view].percent !== null) expect(after[view].percent! >= before[view].percent! - 1e-9).toBe(true);
          before.categories.forEach((c, i) => {
            const a = after.categories[i]![view].percent;
            if (snap.policy.grading === 'weighted' && c[view].percent !== null) expect(a! >= c[view].percent! - 1e-9).toBe(true);
          });
        }
      }),
      { numRuns },
    );

  it('raising any graded score never lowers a percentage', () => raisingNeverLowers(courseArb, 1000));

  it('raising any graded score never lowers a percentage, with drop lowest and drop highest together', () => {
    // Every category drops 1–2 lowest and 1–2 highest; few categories, so each has several items.
    const both = fc
      .tuple(courseArb, fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }), fc.boolean())
      .map(([snap, low, high, one]) => ({
        ...snap,
        categories: (one ? snap.categories.slice(0, 1) : snap.categories).map((c) => ({ ...c, dropLowest: low, dropHighest: high })),
        items: one ? snap.items.map((it) => ({ ...it, categoryId: 1 })) : snap.items,
      }));
    raisingNeverLowers(both, 2000);
  });

  it('every student with a grade has exactly one letter, even below every band', () => {
    fc.assert(
      fc.property(courseArb, fc.integer({ min: 1, max: 89 }), (snap, lowest) => {
        const bands = [
          { letter: 'A', min: 90 },
          { letter: 'B', min: lowest },
        ];
        const res = computeCourse({ ...snap, policy: { ...snap.policy, bands } }, AS_OF);
        for (const r of res.students) {
          for (const view of ['current', 'final'] as const) {
            const g = r[view];
            if (g.percent === null) expect(g.letter).toBeNull();
            else expect(g.letter).toBe(g.rounded! >= 90 ? 'A' : 'B');
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("excusing an item for one student never changes another student's result", () => {
    fc.assert(
      fc.property(courseArb, fc.nat(), (snap, pick) => {
        const mine = snap.scores.filter((s) => s.studentId === 1);
        const target = mine[pick % mine.length]!;
        const excused = { ...snap, scores: snap.scores.map((s) => (s === target ? { ...s, status: 'excused' as const } : s)) };
        const a = byStudent(snap);
        const b = byStudent(excused);
        for (const st of snap.students) if (st.id !== 1) expect(plain(b.get(st.id)!)).toEqual(plain(a.get(st.id)!));
      }),
      { numRuns: 200 },
    );
  });

  it('reordering items, categories, scores or students changes nothing', () => {
    fc.assert(
      fc.property(courseArb, fc.integer({ min: 1, max: 1_000_000 }), (snap, seed) => {
        const reordered = {
          ...snap,
          items: shuffle(snap.items, seed),
          categories: shuffle(snap.categories, seed + 1),
          scores: shuffle(snap.scores, seed + 2),
          students: shuffle(snap.students, seed + 3),
        };
        const a = byStudent(snap);
        const b = byStudent(reordered);
        for (const st of snap.students) expect(plain(b.get(st.id)!)).toEqual(plain(a.get(st.id)!));
        expect(computeCourse(reordered, AS_OF).students.map((s) => s.studentId)).toEqual(reordered.students.map((s) => s.id));
      }),
      { numRuns: 200 },
    );
  });

  it("the explanation's numbers add up to the result", () => {
    fc.assert(
      fc.property(courseArb, (snap) => {
        for (const r of computeCourse(snap, AS_OF).students) {
          for (const view of ['current', 'final'] as const) {
            const lines = r.explanation.filter((l) => 'view' in l && l.view === view);
            const total = lines.find((l) => l.kind === 'total');
            expect(total?.kind).toBe('total');
            if (total?.kind !== 'total') continue;
            expect(total.percent).toBe(r[view].percent);
            if (total.percent === null) continue;
            const sum = lines.reduce((acc, l) => acc + (l.kind === 'category' ? l.contribution : 0), 0);
            expect(near(sum, total.percent)).toBe(true);
            const rounding = lines.find((l) => l.kind === 'rounding');
            expect(rounding?.kind === 'rounding' && rounding.to === r[view].rounded).toBe(true);
            const letter = lines.find((l) => l.kind === 'letter');
            expect(letter?.kind === 'letter' && letter.letter === r[view].letter).toBe(true);
          }
          for (const it of r.items) {
            const changes = r.explanation.filter((l) => l.kind === 'item' && l.itemId === it.itemId);
            if (it.effective === null || changes.length === 0) continue;
            const sum = changes.reduce((acc, l) => acc + (l.kind === 'item' ? l.change : 0), it.raw ?? 0);
            expect(near(sum, it.effective)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the numbers shown in the explanation's TEXT add up as shown", () => {
    /** A shown decimal ("56.3970", "66.6666…", "0.333333") in steps of 10^-decimals. */
    const steps = (shown: string, decimals: number): bigint => {
      const s = shown.replace('…', '');
      expect(s).toMatch(/^-?\d+(\.\d+)?$/);
      const [whole, frac = ''] = s.split('.');
      expect(frac.length).toBeLessThanOrEqual(decimals);
      return BigInt(`${whole}${frac.padEnd(decimals, '0')}`);
    };
    const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
    const WEIGHTED_CAT = /= (\S+)%, weight (\S+)%(?: \((\S+)% after redistribution\))? → (\S+) points$/;
    const POINTS_CAT = /: (\S+) of (\S+) (?:points|sessions?) \((\S+) of the total's 100\)$/;
    fc.assert(
      fc.property(courseArb, (snap) => {
        const weighted = snap.policy.grading === 'weighted';
        for (const r of computeCourse(snap, AS_OF).students) {
          for (const view of ['current', 'final'] as const) {
            const lines = r.explanation.filter((l) => 'view' in l && l.view === view);
            const total = lines.find((l) => l.kind === 'total')!;
            if (r[view].percent === null) {
              expect(total.text).toMatch(/nothing graded yet$/);
              continue;
            }
            const cats = lines.filter((l) => l.kind === 'category').map((l) => l.text);
            let shownTotal: string;
            if (weighted) {
              const m = /^(?:Current|Final) grade: (.+) = (\S+)$/.exec(total.text)!;
              expect(m).not.toBeNull();
              shownTotal = m[2]!;
              const parts = m[1]!.split(' + ');
              const contributions = cats.map((t) => {
                const c = WEIGHTED_CAT.exec(t)!;
                expect(c).not.toBeNull();
                // percentage × weight is the contribution, within the precision each is shown with.
                const [pct, w, moved, contribution] = [Number(c[1]), Number(c[2]), c[3], c[4]!];
                const eff = moved === undefined ? w : Number(moved);
                const slack = (0.005 * eff) / 100 + 1e-4 + (1e-6 * 150) / 100;
                expect(Math.abs((pct * eff) / 100 - Number(contribution.replace('…', '')))).toBeLessThanOrEqual(slack);
                return contribution;
              });
              expect(parts).toEqual(contributions.length > 0 ? contributions : ['0']);
              expect(sum(parts.map((p) => steps(p, 4)))).toBe(steps(shownTotal, 4));
            } else {
              const m = /^(?:Current|Final) grade: (\S+) of (\S+) points = (\S+)$/.exec(total.text)!;
              expect(m).not.toBeNull();
              shownTotal = m[3]!;
              const rows = cats.map((t) => {
                const c = POINTS_CAT.exec(t)!;
                expect(c).not.toBeNull();
                return c;
              });
              expect(sum(rows.map((c) => steps(c[1]!, 6)))).toBe(steps(m[1]!, 6));
              expect(sum(rows.map((c) => steps(c[2]!, 6)))).toBe(steps(m[2]!, 6));
              expect(sum(rows.map((c) => steps(c[3]!, 4)))).toBe(steps(shownTotal, 4));
            }
            // The shown total is the exact total truncated to 4 decimals ("…" when digits were cut),
            // and the rounding line rounds exactly that text.
            const diff = r[view].percent! - Number(shownTotal.replace('…', ''));
            expect(diff).toBeGreaterThan(-1e-9);
            expect(diff).toBeLessThan(1e-4 + 1e-9);
            const rounding = lines.find((l) => l.kind === 'rounding')!;
            expect(rounding.text.startsWith(`Rounded ${shownTotal} → ${r[view].display} (`)).toBe(true);
          }
          // Item lines: the shown score less the shown deduction is the shown result.
          for (const l of r.explanation) {
            if (l.kind !== 'item') continue;
            const m = /(?:= |, )−(\S+) → (\S+) \(late rule/.exec(l.text);
            if (!m) continue;
            const it = r.items.find((x) => x.itemId === l.itemId)!;
            expect(steps(fmtPoints(it.raw!), 6) - steps(m[1]!, 6)).toBe(steps(m[2]!, 6));
            expect(Math.abs(Number(m[2]) - it.effective!)).toBeLessThanOrEqual(5e-7 + 1e-12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('computeStudent on a prepared course equals computeCourse', async () => {
    const { prepareCourse, computeStudent } = await import('@shared/grading');
    fc.assert(
      fc.property(courseArb, (snap) => {
        const prepared = prepareCourse(snap);
        const all = byStudent(snap);
        for (const st of snap.students) expect(plain(computeStudent(prepared, st.id, AS_OF))).toEqual(plain(all.get(st.id)!));
      }),
      { numRuns: 100 },
    );
  });
});
