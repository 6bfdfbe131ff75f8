/**
 * Data for the letter-band chart and the histogram of final percentages. The letters and
 * percentages come from the grading engine; this module only counts and lays them out.
 */
import type { Band } from '../model/policy';

export interface BandCount {
  readonly letter: string;
  /** The band's lower bound (inclusive). */
  readonly min: number;
  readonly count: number;
  /** Share of all graded students, in percent; the shares add up to exactly 100 (or all 0). */
  readonly percent: number;
}

export interface BandDistribution {
  /** Highest band first, whatever order the policy lists them in. */
  readonly bands: readonly BandCount[];
  /** Students without a letter (nothing counts yet). */
  readonly ungraded: number;
  /** Letters that are not one of the course's bands (e.g. an override letter from an old scheme). */
  readonly other: number;
  readonly total: number;
}

/** Bands highest first, as the chart and the engine read them. */
export function bandsHighestFirst(bands: readonly Band[]): Band[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/**
 * Shares of `counts` in percent with `decimals` decimals that add up to exactly 100, by the
 * largest-remainder method, so a table of rounded shares never sums to 99.9 or 100.1.
 */
export function sharesSummingTo100(counts: readonly number[], decimals = 1): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const steps = 100 * 10 ** decimals;
  const exact = counts.map((c) => (c * steps) / total);
  const floors = exact.map(Math.floor);
  let left = steps - floors.reduce((a, b) => a + b, 0);
  // Ties go to the earlier (higher) band, so the result does not depend on sort stability.
  const order = exact.map((x, i) => ({ i, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => f / 10 ** decimals);
}

/** Counts each band's students from the engine's letters, in the course's band order. */
export function bandDistribution(bands: readonly Band[], letters: readonly (string | null)[]): BandDistribution {
  const ordered = bandsHighestFirst(bands);
  const counts = new Map(ordered.map((b) => [b.letter, 0]));
  let ungraded = 0;
  let other = 0;
  for (const letter of letters) {
    if (letter === null) ungraded++;
    else if (counts.has(letter)) counts.set(letter, counts.get(letter)! + 1);
    else other++;
  }
  const values = ordered.map((b) => counts.get(b.letter)!);
  const shares = sharesSummingTo100(values);
  return {
    bands: ordered.map((b, i) => ({ letter: b.letter, min: b.min, count: values[i]!, percent: shares[i]! })),
    ungraded,
    other,
    total: letters.length - ungraded,
  };
}

export interface HistogramBin {
  /** Lower edge (inclusive). */
  readonly from: number;
  /** Upper edge (exclusive, except the last bin, which also holds `to` and anything above). */
  readonly to: number;
  readonly label: string;
  readonly count: number;
}

/**
 * Counts percentages into bins of `width` from 0 to 100. Values below 0 fall in the first bin,
 * values of 100 and above (extra credit) in the last, so every student is in some bar.
 */
export function histogram(percentages: readonly (number | null)[], width = 5): HistogramBin[] {
  if (!(width > 0) || 100 % width !== 0) throw new RangeError(`a histogram bin width must divide 100 (got ${width})`);
  const n = 100 / width;
  const bins = Array.from({ length: n }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    label: `${i * width}–${(i + 1) * width}`,
    count: 0,
  }));
  for (const p of percentages) {
    if (p === null || Number.isNaN(p)) continue;
    const i = Math.min(n - 1, Math.max(0, Math.floor(p / width)));
    bins[i]!.count++;
  }
  return bins;
}

export interface CutoffLine {
  readonly letter: string;
  readonly at: number;
  readonly label: string;
}

/** The band lower bounds as labelled vertical lines ("A ≥ 94"); a bound of 0 draws nothing. */
export function cutoffLines(bands: readonly Band[]): CutoffLine[] {
  return bandsHighestFirst(bands)
    .filter((b) => b.min > 0 && b.min <= 100)
    .map((b) => ({ letter: b.letter, at: b.min, label: `${b.letter} ≥ ${b.min}` }));
}
