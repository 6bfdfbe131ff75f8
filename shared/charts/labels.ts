/** Where chart labels go so that none covers another. */

export interface Span {
  /** The label's centre and width, in the same unit (pixels along the axis). */
  readonly at: number;
  readonly width: number;
}

/**
 * The row of each label, in the given order: labels are staggered into as few rows as keep every
 * two labels of a row `gap` apart (row 0 first, left to right), so close cut-offs never overlap.
 */
export function staggerRows(spans: readonly Span[], gap = 2): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.at - spans[b]!.at);
  const rowEnds: number[] = [];
  const rows = new Array<number>(spans.length);
  for (const i of order) {
    const { at, width } = spans[i]!;
    const left = at - width / 2;
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = at + width / 2;
    rows[i] = row;
  }
  return rows;
}
