/** Number formatting for explanation text (the exact values live in the structured fields). */
import { type Ratio, formatHalfUp, formatTruncated } from './exact';

/** Points for reading: at most 2 decimals, trailing zeros trimmed ("0.8", "7.2", "45"). */
export function fmtPoints(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A ratio (a fraction, 0.9) as a percentage with 2 decimals, half-up ("90.00%"). */
export function fmtPercentOfRatio(r: Ratio): string {
  return `${formatHalfUp({ n: r.n * 100n, d: r.d }, 2)}%`;
}

/** A percentage value (not a fraction) with 2 decimals, half-up. */
export function fmtPercent(r: Ratio): string {
  return formatHalfUp(r, 2);
}

/** A percentage value exactly, up to 6 decimals ("93.995", "93.333333…"). */
export function fmtExact(r: Ratio): string {
  return formatTruncated(r, 0, 6);
}
