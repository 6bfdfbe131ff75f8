/**
 * Number formatting for explanation text (the exact values live in the structured fields).
 * Words and plurals are in shared/text/words.ts, dates, times and durations in shared/time/format.ts.
 *
 * Conventions (docs/UX.md, "Numbers"):
 * - points as entered: up to the engine's input precision of 6 decimals, trailing zeros trimmed
 *   ("93.995", "9.5", "45", a third of a point "0.333333");
 * - the steps of a total (category contributions and the unrounded total) to SUM_DECIMALS fixed
 *   decimals, apportioned so the shown parts add up exactly to the shown total.
 */
import { type Ratio, compare, formatSteps, formatTruncated, roundDown, roundHalfUp } from './exact';

/** The engine's input precision: points, weights and percentages are exact to 6 decimals. */
export const POINT_DECIMALS = 6;
/** Decimals of contributions and of the unrounded total in the explanation (more than any rounding setting). */
export const SUM_DECIMALS = 4;

/** "93.995000" → "93.995", "45.000000" → "45", "-0.000000" → "0". */
function trimZeros(s: string): string {
  if (!s.includes('.')) return s === '-0' ? '0' : s;
  const t = s.replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
}

/** Points as entered: half-up to 6 decimals, trailing zeros trimmed ("93.995", "9.5", "45", "0.333333"). */
export function fmtPoints(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return trimZeros(x.toFixed(POINT_DECIMALS));
}

/** An exact number of points, as fmtPoints shows it (half-up to 6 decimals, trimmed). */
export function fmtPointsExact(r: Ratio): string {
  return fmtStepsTrimmed(roundHalfUp(r, POINT_DECIMALS), POINT_DECIMALS);
}

/** m · 10^-decimals, trailing zeros trimmed. */
export function fmtStepsTrimmed(m: bigint, decimals: number): string {
  return trimZeros(formatSteps(m, decimals));
}

/** A percentage value exactly, up to 6 decimals ("93.995", "93.333333…"). */
export function fmtExact(r: Ratio): string {
  return formatTruncated(r, 0, 6);
}

/** The value truncated toward −∞ to `decimals` steps, and whether that is the exact value. */
export function truncate(r: Ratio, decimals: number): { readonly steps: bigint; readonly exact: boolean } {
  const steps = roundDown(r, decimals);
  return { steps, exact: steps * r.d === r.n * 10n ** BigInt(decimals) };
}

/**
 * Each part in steps of 10^-decimals, within one step of its exact value, so that the parts add
 * up to `target` exactly (largest remainder: every part is rounded down, then the parts with the
 * largest remainders get one step more, earlier parts first on ties). `target` must lie between
 * the sum of the parts rounded down and that sum plus the number of parts — true of the exact
 * sum rounded down or half-up to the same decimals.
 */
export function apportion(parts: readonly Ratio[], target: bigint, decimals: number): bigint[] {
  const p = 10n ** BigInt(decimals);
  const floors = parts.map((r) => roundDown(r, decimals));
  let k = target - floors.reduce((a, b) => a + b, 0n);
  if (parts.length === 0) return floors;
  const rem = parts.map((r, i): Ratio => ({ n: r.n * p - floors[i]! * r.d, d: r.d }));
  const order = parts.map((_, i) => i).sort((a, b) => compare(rem[b]!, rem[a]!) || a - b);
  const n = BigInt(parts.length);
  // Outside the documented range (never, for the callers): spread whole steps evenly first.
  const whole = k >= 0n ? k / n : -((-k + n - 1n) / n);
  k -= whole * n;
  for (let i = 0; i < floors.length; i++) floors[i]! += whole;
  for (let j = 0; k > 0n; j++, k--) floors[order[j]!]! += 1n;
  return floors;
}
