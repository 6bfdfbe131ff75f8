/** What the crash writer tells the crash test: a score cell as text, and each action it begins. */
export type Cell = string; // "v:<value>", "s:<status>" or "none" (no score row)
export interface Begin {
  n: number;
  kind: 'edit' | 'import' | 'undo';
  cells: [key: string, cell: Cell][];
}

export const cellOf = (row: { value: number | null; status: string | null } | undefined): Cell =>
  !row ? 'none' : row.status ? `s:${row.status}` : `v:${row.value}`;
