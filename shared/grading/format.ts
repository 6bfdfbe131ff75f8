/** Number formatting for explanation text (the exact values live in the structured fields). */
import { type Ratio, formatTruncated } from './exact';

/** Points for reading: at most 2 decimals, trailing zeros trimmed ("0.8", "7.2", "45"). */
export function fmtPoints(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A percentage value exactly, up to 6 decimals ("93.995", "93.333333…"). */
export function fmtExact(r: Ratio): string {
  return formatTruncated(r, 0, 6);
}
