/**
 * The fair, reproducible team draw of reading presentations. Pure: no I/O, no Node built-ins,
 * so the backend, the CLI and the browser replay a draw identically.
 *
 *   draw({ seed, candidates, teamsCount, rule })   the drawn team ids, in order
 *   verifyDraw(stored)                             re-computes a stored draw: { ok, expected, actual, problem }
 *   countTurns(draws)                              turns per team (withdrawn draws do not count)
 *   seededGenerator(seed)                          the sfc32 generator and its unbiased below(n)
 *   DRAW_ALGORITHM                                 the name stored with each draw
 *   presentationWeek(date, firstSessionDate)       week 1 is the calendar week of the first session
 */
export { draw, verifyDraw, countTurns, DRAW_ALGORITHM } from './draw';
export type { DrawCandidate, DrawInput, DrawRule, StoredDraw, DrawCheck } from './draw';
export { seededGenerator, murmur3, type Generator } from './rng';
export { presentationWeek } from './week';
