import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GOLDEN } from './golden';
import { countTurns, draw, DRAW_ALGORITHM, verifyDraw, type DrawCandidate, type StoredDraw } from '@shared/draw';

const TEAMS = [1, 2, 3, 4, 5, 6, 7, 8];
const WEEKS = 13;

/** A term: per week, which teams are away (nobody present or excused), how many to draw, and the seed. */
const term = fc.array(
  fc.record({
    away: fc.subarray(TEAMS, { maxLength: 5 }),
    teamsCount: fc.integer({ min: 1, max: 2 }),
    seed: fc.string({ maxLength: 12 }),
    withdrawLast: fc.boolean(),
  }),
  { minLength: WEEKS, maxLength: WEEKS },
);

interface Week {
  eligible: number[];
  candidates: DrawCandidate[];
  drawn: number[];
}

/** Runs a term as the app does: candidates with their turns, a draw, sometimes a withdrawn redraw first. */
function simulate(weeks: { away: number[]; teamsCount: number; seed: string; withdrawLast: boolean }[]): {
  weeks: Week[];
  stored: StoredDraw[];
} {
  const draws: { teams: number[]; withdrawn: boolean }[] = [];
  const stored: StoredDraw[] = [];
  const out: Week[] = [];
  for (const w of weeks) {
    const eligible = TEAMS.filter((t) => !w.away.includes(t));
    const run = (seed: string) => {
      const turns = countTurns(draws);
      const candidates = eligible.map((teamId) => ({ teamId, turns: turns.get(teamId) ?? 0 }));
      const teamsCount = Math.min(w.teamsCount, candidates.length);
      const input = { seed, candidates, teamsCount, rule: 'fewest-turns' as const };
      const drawn = draw(input);
      stored.push({ ...input, algorithm: DRAW_ALGORITHM, result: drawn });
      return { candidates, drawn };
    };
    // A withdrawn draw must not count as a turn.
    if (w.withdrawLast) draws.push({ teams: run(`${w.seed}-withdrawn`).drawn, withdrawn: true });
    const { candidates, drawn } = run(w.seed);
    draws.push({ teams: drawn, withdrawn: false });
    out.push({ eligible, candidates, drawn });
  }
  return { weeks: out, stored };
}

describe('the fairness rule over a simulated term (13 weeks x 8 teams)', () => {
  it('keeps the counts of teams eligible every week within 1 of each other after every week', () => {
    fc.assert(
      fc.property(term, (weeks) => {
        const { weeks: run } = simulate(weeks);
        const always = TEAMS.filter((t) => run.every((w) => w.eligible.includes(t)));
        const counts = new Map<number, number>();
        for (const w of run) {
          for (const t of w.drawn) counts.set(t, (counts.get(t) ?? 0) + 1);
          const c = always.map((t) => counts.get(t) ?? 0);
          if (c.length) expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never draws a team while an eligible team has had fewer turns (so none twice before all once)', () => {
    fc.assert(
      fc.property(term, (weeks) => {
        for (const w of simulate(weeks).weeks) {
          const drawn = w.candidates.filter((c) => w.drawn.includes(c.teamId));
          const skipped = w.candidates.filter((c) => !w.drawn.includes(c.teamId));
          // Every drawn team had no more turns than any team left out.
          for (const d of drawn) for (const s of skipped) expect(d.turns).toBeLessThanOrEqual(s.turns);
          // A second turn only once every eligible team has had one (or gets it in this same draw).
          if (drawn.some((d) => d.turns >= 1)) expect(skipped.every((s) => s.turns >= 1)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('verifies every stored draw, and fails a tampered one', () => {
    fc.assert(
      fc.property(term, fc.nat(), (weeks, pick) => {
        const { stored } = simulate(weeks);
        for (const s of stored) expect(verifyDraw(s)).toMatchObject({ ok: true, problem: null });
        const s = stored[pick % stored.length]!;
        const other = s.candidates.find((c) => !s.result.includes(c.teamId));
        if (other) expect(verifyDraw({ ...s, result: [other.teamId, ...s.result.slice(1)] }).ok).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('draw', () => {
  const equal = (n: number) => Array.from({ length: n }, (_, i) => ({ teamId: i + 1, turns: 0 }));

  it('gives the same teams for the same seed and candidates, in the same order', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 8 }), (seed, k) => {
        const input = { seed, candidates: equal(8), teamsCount: k, rule: 'fewest-turns' as const };
        const a = draw(input);
        expect(draw(input)).toEqual(a);
        expect(new Set(a).size).toBe(k);
      }),
    );
  });

  it('keeps its results fixed under Node (golden values the Chromium replay also checks)', () => {
    expect(GOLDEN.map((g) => draw(g.input))).toEqual(GOLDEN.map((g) => g.teams));
  });

  it('draws every team with a share within 3 standard deviations of 1/n over 10,000 seeded draws', () => {
    const n = 8;
    const draws = 10_000;
    const counts = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < draws; i++)
      counts[draw({ seed: `uniform-${i}`, candidates: equal(n), teamsCount: 1, rule: 'fewest-turns' })[0]!]!++;
    const sd = Math.sqrt(draws * (1 / n) * (1 - 1 / n));
    for (let t = 1; t <= n; t++) expect(Math.abs(counts[t]! - draws / n)).toBeLessThan(3 * sd);
  });

  it('takes every least-drawn team before any other, unless the rule is lifted', () => {
    const candidates = [
      { teamId: 1, turns: 1 },
      { teamId: 2, turns: 0 },
      { teamId: 3, turns: 1 },
      { teamId: 4, turns: 0 },
    ];
    for (let i = 0; i < 50; i++) {
      const teams = draw({ seed: `s${i}`, candidates, teamsCount: 3, rule: 'fewest-turns' });
      expect(teams.slice(0, 2).sort()).toEqual([2, 4]);
      expect([1, 3]).toContain(teams[2]);
    }
    const lifted = new Set<number>();
    for (let i = 0; i < 50; i++) lifted.add(draw({ seed: `s${i}`, candidates, teamsCount: 1, rule: 'lifted' })[0]!);
    expect([...lifted].sort()).toEqual([1, 2, 3, 4]);
  });

  it('refuses more teams than candidates, and a candidate listed twice', () => {
    expect(() => draw({ seed: 'x', candidates: equal(2), teamsCount: 3, rule: 'fewest-turns' })).toThrow(RangeError);
    expect(() => draw({ seed: 'x', candidates: [...equal(2), { teamId: 1, turns: 0 }], teamsCount: 1, rule: 'lifted' })).toThrow(
      RangeError,
    );
  });

  it('refuses to verify a draw of another algorithm, or one whose candidates cannot give its result', () => {
    const input = { seed: 'x', candidates: equal(3), teamsCount: 2, rule: 'fewest-turns' as const };
    const stored = { ...input, algorithm: DRAW_ALGORITHM, result: draw(input) };
    expect(verifyDraw({ ...stored, algorithm: 'Math.random' })).toMatchObject({ ok: false });
    expect(verifyDraw({ ...stored, teamsCount: 4 })).toMatchObject({ ok: false, expected: [] });
    expect(verifyDraw({ ...stored, seed: 'y' }).ok).toBe(verifyDraw({ ...stored, seed: 'y' }).expected.join() === stored.result.join());
  });
});

describe('countTurns', () => {
  it('counts each team once per draw that was not withdrawn', () => {
    const turns = countTurns([
      { teams: [1, 2], withdrawn: false },
      { teams: [1], withdrawn: true },
      { teams: [1], withdrawn: false },
    ]);
    expect(Object.fromEntries(turns)).toEqual({ 1: 2, 2: 1 });
  });
});
