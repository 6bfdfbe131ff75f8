/** Words for counts, shared by every screen, message and history label. */

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6, useGrouping: false, signDisplay: 'negative' });

/** "1 item", "3 items", "0.5 days": the count (up to 6 decimals, as points are shown) with the right noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${countFormat.format(n)} ${n === 1 ? one : many}`;
}

/** "100,000": counts in messages about a file are often large, so they are grouped. */
export const wholeNumber = (n: number): string => n.toLocaleString('en-US');

/** "1 row", "100,000 rows": a whole count, grouped, with the right noun. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${wholeNumber(n)} ${n === 1 ? one : many}`;
}
