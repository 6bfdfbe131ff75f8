/** A rectangle of grid positions, inclusive, in display order (row and column indices). */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Pos {
  row: number;
  col: number;
}

/** The rectangle spanned by two corners in any order. */
export function rangeOf(a: Pos, b: Pos): Range {
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

export function inRange(r: Range, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export interface PlacedText extends Pos {
  text: string;
}

export interface PasteMapping {
  cells: PlacedText[];
  /** Rows or columns of the block fell past the grid's edge and were left out. */
  clipped: boolean;
}

/**
 * Where a pasted block lands: from the target's top-left corner, clipped at the grid edge. A
 * single value pasted onto a selected range fills the whole range (as in Excel).
 */
export function mapPaste(block: readonly (readonly string[])[], target: Range, rows: number, cols: number): PasteMapping {
  const cells: PlacedText[] = [];
  const single = block.length === 1 && block[0]!.length === 1;
  if (single) {
    const text = block[0]![0]!;
    for (let row = target.top; row <= Math.min(target.bottom, rows - 1); row++) {
      for (let col = target.left; col <= Math.min(target.right, cols - 1); col++) cells.push({ row, col, text });
    }
    return { cells, clipped: target.bottom >= rows || target.right >= cols };
  }
  let clipped = false;
  block.forEach((line, dr) => {
    const row = target.top + dr;
    if (row >= rows) {
      clipped = true;
      return;
    }
    line.forEach((text, dc) => {
      const col = target.left + dc;
      if (col >= cols) clipped = true;
      else cells.push({ row, col, text });
    });
  });
  return { cells, clipped };
}

export interface FillStep {
  from: Pos;
  to: Pos;
}

/**
 * Ctrl+D: each column's top cell of the range is copied down the range; a one-row range takes
 * the cell above it (Excel's rule). Empty when there is nothing to copy from.
 */
export function fillDown(range: Range): FillStep[] {
  const steps: FillStep[] = [];
  const source = range.top === range.bottom ? range.top - 1 : range.top;
  if (source < 0) return steps;
  for (let col = range.left; col <= range.right; col++) {
    for (let row = source + 1; row <= range.bottom; row++) steps.push({ from: { row: source, col }, to: { row, col } });
  }
  return steps;
}
