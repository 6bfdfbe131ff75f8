/**
 * Rounding and letter bands. Rounding happens on the exact value, then the band lookup uses the
 * rounded value, so the displayed number and the letter always agree (93.995 → 94.00 → A).
 */
import type { Band, Rounding } from '../model/policy';
import { type Ratio, SCALE, SCALE_N, formatSteps, formatStepsNumber, formatTruncated, roundHalfUp, toNumber, toUnits } from './exact';
import { plural } from '../text/words';

export interface PreparedBand {
  readonly letter: string;
  readonly min: number;
  readonly minUnits: bigint;
  readonly minUnitsNumber: number;
}

export interface LetterScale {
  readonly rounding: Rounding;
  /** Highest first, whatever order the policy lists them in. */
  readonly bands: readonly PreparedBand[];
  readonly borderlineUnits: bigint;
  readonly borderlineUnitsNumber: number;
}

export function prepareLetterScale(rounding: Rounding, bands: readonly Band[], borderlineDistance: number): LetterScale {
  return {
    rounding,
    bands: bands
      .map((b) => ({ letter: b.letter, min: b.min, minUnits: BigInt(toUnits(b.min)), minUnitsNumber: toUnits(b.min) }))
      .sort((a, b) => b.min - a.min),
    borderlineUnits: BigInt(toUnits(borderlineDistance)),
    borderlineUnitsNumber: toUnits(borderlineDistance),
  };
}

export interface Graded {
  readonly rounded: Ratio;
  readonly display: string;
  readonly letter: string | null;
  /** The band the value fell into (the lowest band when below every bound; null: no bands). */
  readonly band: PreparedBand | null;
  /** Points below the next band up when within the borderline distance, else null. */
  readonly borderlineGap: Ratio | null;
  readonly nextBand: PreparedBand | null;
}

export function applyRounding(percent: Ratio, rounding: Rounding): { rounded: Ratio; display: string } {
  if (rounding.mode === 'none') return { rounded: percent, display: formatTruncated(percent, 2, 4) };
  const steps = roundHalfUp(percent, rounding.decimals);
  return { rounded: { n: steps, d: 10n ** BigInt(rounding.decimals) }, display: formatSteps(steps, rounding.decimals) };
}

/** value ≥ units / SCALE, exactly. */
function atLeast(value: Ratio, units: bigint): boolean {
  return value.n * SCALE_N >= units * value.d;
}

/**
 * The band of a rounded percentage. The lowest band is open downward: a percentage below every
 * lower bound (negative totals included, reachable through adjustments) gets its letter, so a
 * student with a grade always has exactly one letter.
 */
export function lookupLetter(rounded: Ratio, scale: LetterScale): { band: PreparedBand | null; next: PreparedBand | null } {
  const bands = scale.bands;
  let i = 0;
  while (i < bands.length - 1 && !atLeast(rounded, bands[i]!.minUnits)) i++;
  return { band: bands[i] ?? null, next: i > 0 ? bands[i - 1]! : null };
}

/** Whether the value is below every band's lower bound (and took the lowest band's letter). */
export function belowScale(g: Graded): boolean {
  return g.band !== null && !atLeast(g.rounded, g.band.minUnits);
}

export function grade(percent: Ratio, scale: LetterScale): Graded {
  const { rounded, display } = applyRounding(percent, scale.rounding);
  const { band, next } = lookupLetter(rounded, scale);
  let borderlineGap: Ratio | null = null;
  if (next) {
    const gap: Ratio = { n: next.minUnits * rounded.d - rounded.n * SCALE_N, d: rounded.d * SCALE_N };
    if (gap.n > 0n && gap.n * SCALE_N <= scale.borderlineUnits * gap.d) borderlineGap = gap;
  }
  return { rounded, display, letter: band?.letter ?? null, band, borderlineGap, nextBand: next };
}

export function describeRounding(rounding: Rounding): string {
  return rounding.mode === 'none' ? 'no rounding' : `half-up, ${plural(rounding.decimals, 'decimal')}`;
}

/** What a grade view needs from rounding and bands. */
export interface Decision {
  readonly rounded: number;
  readonly display: string;
  readonly letter: string | null;
  readonly borderline: boolean;
}

export function decisionOf(g: Graded): Decision {
  return { rounded: toNumber(g.rounded), display: g.display, letter: g.letter, borderline: g.borderlineGap !== null };
}

/** Margin, in rounding steps, within which a double is not trusted to round the right way. */
const MARGIN = 1e-6;

/**
 * Rounding and band lookup from a double, when the double is far enough from every rounding
 * boundary (x.xx5) that its error (~1e-12 here) cannot matter; null otherwise, and the caller
 * decides on the exact fraction. Once rounded, everything is integer steps, exact in doubles.
 * `none` rounding always goes exact: its boundaries are the band bounds themselves.
 */
export function decideFromDouble(p: number, scale: LetterScale): Decision | null {
  const r = scale.rounding;
  if (r.mode === 'none') return null;
  const pow = 10 ** r.decimals;
  const y = p * pow + 0.5;
  const m = Math.floor(y);
  if (y - m < MARGIN || m + 1 - y < MARGIN || !Number.isSafeInteger(m * SCALE)) return null;
  const bands = scale.bands;
  let i = 0;
  while (i < bands.length - 1 && m * SCALE < bands[i]!.minUnitsNumber * pow) i++;
  const band = bands[i] ?? null;
  const next = i > 0 ? bands[i - 1]! : null;
  let borderline = false;
  if (next) {
    const gap = next.minUnitsNumber * pow - m * SCALE;
    borderline = gap > 0 && gap <= scale.borderlineUnitsNumber * pow;
  }
  return { rounded: m / pow, display: formatStepsNumber(m, r.decimals), letter: band?.letter ?? null, borderline };
}
