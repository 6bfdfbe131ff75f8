import type { DrawInput } from '@shared/draw';

const teams = (ids: number[], turns: (id: number, i: number) => number) => ids.map((teamId, i) => ({ teamId, turns: turns(teamId, i) }));

/**
 * Draws computed under Node when the algorithm was written. They must never change (stored
 * draws would stop verifying); the Chromium test replays them in the page.
 */
export const GOLDEN: { input: DrawInput; teams: number[] }[] = [
  {
    input: { seed: '2026-09-15 week 1', candidates: teams([1, 2, 3, 4, 5, 6, 7, 8], () => 0), teamsCount: 2, rule: 'fewest-turns' },
    teams: [2, 5],
  },
  {
    input: { seed: 'Ünïcödé ✓ seed', candidates: teams([3, 1, 4, 5, 9, 2, 6], (_, i) => i % 2), teamsCount: 3, rule: 'fewest-turns' },
    teams: [3, 9, 6],
  },
  {
    input: { seed: 'a', candidates: teams([10, 20, 30, 40, 50], (id) => (id === 30 ? 0 : 1)), teamsCount: 2, rule: 'lifted' },
    teams: [10, 40],
  },
  { input: { seed: '', candidates: teams([7], () => 2), teamsCount: 1, rule: 'fewest-turns' }, teams: [7] },
  {
    input: {
      seed: 'c0ffee123456',
      candidates: teams(
        Array.from({ length: 40 }, (_, i) => i + 1),
        () => 0,
      ),
      teamsCount: 8,
      rule: 'lifted',
    },
    teams: [1, 29, 18, 8, 31, 15, 22, 23],
  },
];
