import { seededGenerator } from './rng';

/** The name stored with every draw; verification refuses a draw made by another algorithm. */
export const DRAW_ALGORITHM = 'sfc32 seeded by MurmurHash3_x86_32, rejection sampling, fewest turns first (v1)';

/** fewest-turns: a team is not drawn while another candidate has had fewer turns; lifted: any candidate. */
export type DrawRule = 'fewest-turns' | 'lifted';

export interface DrawCandidate {
  teamId: number;
  /** Turns before this draw: draws of the team that were not withdrawn. */
  turns: number;
}

export interface DrawInput {
  seed: string;
  /** In the stored order; the order is part of what makes a draw reproducible. */
  candidates: readonly DrawCandidate[];
  teamsCount: number;
  rule: DrawRule;
}

/**
 * Draws `teamsCount` distinct teams, in order. Each pick is uniform over the remaining
 * candidates the rule allows: under fewest-turns, those with the fewest turns among the
 * remaining ones (so a draw of several teams takes every least-drawn team before any other).
 * Throws a RangeError when asked for more teams than there are candidates (callers say why first).
 */
export function draw(input: DrawInput): number[] {
  const { candidates, teamsCount, rule } = input;
  if (!Number.isInteger(teamsCount) || teamsCount < 1 || teamsCount > candidates.length) {
    throw new RangeError(`Cannot draw ${teamsCount} of ${candidates.length} candidates`);
  }
  if (new Set(candidates.map((c) => c.teamId)).size !== candidates.length) throw new RangeError('A team is a candidate twice');
  const rng = seededGenerator(input.seed);
  const remaining = [...candidates];
  const drawn: number[] = [];
  while (drawn.length < teamsCount) {
    const fewest = Math.min(...remaining.map((c) => c.turns));
    const pool = rule === 'lifted' ? remaining : remaining.filter((c) => c.turns === fewest);
    const pick = pool[rng.below(pool.length)]!;
    drawn.push(pick.teamId);
    remaining.splice(remaining.indexOf(pick), 1);
  }
  return drawn;
}

export interface StoredDraw extends DrawInput {
  algorithm: string;
  /** The team ids stored as the draw's result. */
  result: readonly number[];
}

export interface DrawCheck {
  ok: boolean;
  /** What the stored seed, candidates and rule give (empty when they cannot be replayed). */
  expected: number[];
  actual: number[];
  /** Why it does not verify (null when it does). */
  problem: string | null;
}

/** Re-computes a stored draw from its seed, ordered candidates and rule, and compares the result. */
export function verifyDraw(stored: StoredDraw): DrawCheck {
  const actual = [...stored.result];
  if (stored.algorithm !== DRAW_ALGORITHM) {
    return { ok: false, expected: [], actual, problem: `it was made by an unknown algorithm ("${stored.algorithm}")` };
  }
  let expected: number[];
  try {
    expected = draw(stored);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { ok: false, expected: [], actual, problem: `its stored candidates cannot give ${stored.teamsCount} teams` };
  }
  const ok = expected.length === actual.length && expected.every((t, i) => t === actual[i]);
  return { ok, expected, actual, problem: ok ? null : 'the stored result differs from what its seed and candidates give' };
}

/** Turns per team: how often it was drawn in draws that were not withdrawn. */
export function countTurns(draws: readonly { teams: readonly number[]; withdrawn: boolean }[]): Map<number, number> {
  const turns = new Map<number, number>();
  for (const d of draws) if (!d.withdrawn) for (const t of d.teams) turns.set(t, (turns.get(t) ?? 0) + 1);
  return turns;
}
