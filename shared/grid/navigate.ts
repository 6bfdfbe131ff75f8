import type { Pos } from './range';

/** The grid's shape for moving: rows, and the score columns (the only editable ones), all indices inclusive. */
export interface GridShape {
  rows: number;
  firstEditable: number;
  lastEditable: number;
  lastCol: number;
}

/**
 * Where Tab (or Shift+Tab) goes: the next (previous) score cell in reading order, as Excel's Tab
 * moves among the unlocked cells of a protected sheet. From the last score cell of a row (or a
 * grade column after it) Tab goes to the next row's first score cell; null past the grid's
 * first or last score cell, where focus leaves the grid.
 */
export function tabTarget(from: Pos, back: boolean, grid: GridShape): Pos | null {
  const { firstEditable: first, lastEditable: last } = grid;
  if (first > last) return null;
  let { row, col } = from;
  if (back) {
    if (col > last) col = last;
    else if (col > first) col -= 1;
    else if (row > 0) [row, col] = [row - 1, last];
    else return null;
  } else if (col < first) col = first;
  else if (col < last) col += 1;
  else if (row < grid.rows - 1) [row, col] = [row + 1, first];
  else return null;
  return { row, col };
}

/** Ctrl+Home: the first score cell of the first row (the top-left of Excel's unfrozen pane); Ctrl+End: the last row's last cell. */
export function cornerTarget(end: boolean, grid: GridShape): Pos {
  return end ? { row: grid.rows - 1, col: grid.lastCol } : { row: 0, col: grid.firstEditable };
}
