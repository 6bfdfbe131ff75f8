/**
 * Exact arithmetic for grades.
 *
 * Every input number (points, weights, percentages, band bounds) is turned into an integer count of
 * "units" on entry: 1 point = SCALE units. SCALE = 63,000,000 = 10^6 · 63, so every value with at
 * most 6 decimals and every third, ninth and seventh of a point (1/3 → 21,000,000 units) is exact.
 * That is the precision limit: other values are rounded to the nearest 1/63,000,000 on entry.
 * Sums of units stay safe integers up to ~1.4e8 points, which no course reaches.
 *
 * A late penalty multiplies a score by a percentage, which can need more digits than SCALE has
 * (10% of 0.333333 points). Such a value is kept at FINE times the resolution (a bigint), so the
 * deduction itself is never rounded.
 *
 * Ratios (a category's percentage, the weighted total) are bigint fractions; they are compared
 * and rounded exactly and become JS numbers only for output.
 */

export const SCALE = 63_000_000;
export const SCALE_N = 63_000_000n;
/** Extra resolution for penalised scores: a "fine" value is units · FINE. */
export const FINE = 100_000_000;
export const FINE_N = 100_000_000n;

/** A number as exact units; throws on values too large to stay exact. */
export function toUnits(x: number): number {
  const u = Math.round(x * SCALE);
  if (!Number.isSafeInteger(u)) throw new RangeError(`${x} is too large to grade exactly`);
  return u;
}

/** A percentage (0..100, up to 6 decimals) as a fraction at FINE resolution: 100% = FINE. */
export function percentToFine(p: number): number {
  return Math.round(p * 1_000_000);
}

/** n / d with d > 0. Not reduced: reduction costs more than it saves at this size. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

export function compare(a: Ratio, b: Ratio): number {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

const POW10 = [1n, 10n, 100n, 1000n, 10000n, 100000n, 1000000n];

function pow10(decimals: number): bigint {
  const p = POW10[decimals];
  if (p === undefined) throw new RangeError(`unsupported number of decimals: ${decimals}`);
  return p;
}

/** The value in steps of 10^-decimals, half-up (ties toward +∞), computed on the exact value. */
export function roundHalfUp(r: Ratio, decimals: number): bigint {
  return floorDiv(2n * r.n * pow10(decimals) + r.d, 2n * r.d);
}

/**
 * roundHalfUp(n / d) for safe integers n ≥ 0, d > 0, without bigint; null when an intermediate
 * would not be exact. (floor of a double quotient is exact when the dividend is below 2^53.)
 */
export function roundHalfUpSafe(n: number, d: number, decimals: number): number | null {
  const top = 2 * n * 10 ** decimals + d;
  if (!Number.isSafeInteger(top) || n < 0) return null;
  return Math.floor(top / (2 * d));
}

/** The value in steps of 10^-decimals, rounded toward −∞. */
export function roundDown(r: Ratio, decimals: number): bigint {
  return floorDiv(r.n * pow10(decimals), r.d);
}

/** m · 10^-decimals as a decimal string with exactly `decimals` digits after the point. */
export function formatSteps(m: bigint, decimals: number): string {
  const neg = m < 0n;
  const digits = (neg ? -m : m).toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  const body = decimals === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return neg ? `-${body}` : body;
}

/** Shown values up to this many steps are kept once made: a course shows the same few thousand. */
const SHOWN_LIMIT = 20_001;
const shown: (string[] | undefined)[] = [];

/** formatSteps for a safe integer m, without bigint. */
export function formatStepsNumber(m: number, decimals: number): string {
  const memo = m >= 0 && m < SHOWN_LIMIT ? (shown[decimals] ??= new Array<string>(SHOWN_LIMIT)) : null;
  const known = memo?.[m];
  if (known !== undefined) return known;
  let text = String(m);
  if (decimals > 0) {
    const abs = Math.abs(m);
    const unit = 10 ** decimals;
    const frac = String(abs % unit);
    text = `${m < 0 ? '-' : ''}${Math.floor(abs / unit)}.${frac.length < decimals ? '0'.repeat(decimals - frac.length) + frac : frac}`;
  }
  if (memo) memo[m] = text;
  return text;
}

export function formatHalfUp(r: Ratio, decimals: number): string {
  return formatSteps(roundHalfUp(r, decimals), decimals);
}

/**
 * Up to `maxDecimals` digits, trailing zeros trimmed (keeping `minDecimals`), truncated toward −∞
 * with "…" appended when digits were cut, so a shown value never claims more than it is.
 */
export function formatTruncated(r: Ratio, minDecimals: number, maxDecimals: number): string {
  const m = roundDown(r, maxDecimals);
  const exact = m * r.d === r.n * pow10(maxDecimals);
  let s = formatSteps(m, maxDecimals);
  if (maxDecimals > minDecimals) {
    let end = s.length;
    const stop = s.length - (maxDecimals - minDecimals);
    while (end > stop && s[end - 1] === '0') end--;
    if (minDecimals === 0 && s[end - 1] === '.') end--;
    s = s.slice(0, end);
  }
  return exact ? s : `${s}…`;
}

const HUGE = 1n << 1000n;

export function toNumber(r: Ratio): number {
  let { n, d } = r;
  // Number(bigint) overflows to Infinity past ~1.8e308; keep both inside range.
  while (d > HUGE || n > HUGE || n < -HUGE) {
    n >>= 64n;
    d >>= 64n;
    if (d === 0n) return n === 0n ? 0 : n > 0n ? Infinity : -Infinity;
  }
  return Number(n) / Number(d);
}
