/**
 * A spreadsheet as the importers see it, whatever the file was: every sheet is a grid of plain
 * values. Formula cells already hold their cached result and date cells a Date, so nothing
 * downstream needs to know about xlsx or CSV.
 */
export type CellValue = string | number | boolean | Date | null;

export interface Sheet {
  name: string;
  /** rows[r][c]; r and c are 0-based (reports add 1 so they match what a spreadsheet shows). */
  rows: CellValue[][];
}

/** Takes a sheet's rows as a reader finds them, in file order: row r (0-based) and its cells. */
export type RowSink = (r: number, cells: CellValue[]) => void;

/**
 * A sheet's rows built from what a reader finds, in file order: a row given again replaces the
 * cells given before, and rows never given are empty.
 */
export class RowGrid {
  private readonly rows: CellValue[][] = [];

  readonly set: RowSink = (r, cells) => {
    this.rows[r] = cells;
  };

  /** Every row up to the last one given. */
  done(): CellValue[][] {
    for (let i = 0; i < this.rows.length; i++) this.rows[i] ??= [];
    return this.rows;
  }
}

export interface Book {
  /** 'csv' files have one sheet; their text cells are exactly as written (IDs keep leading zeros). */
  kind: 'xlsx' | 'csv';
  sheets: Sheet[];
  /** CSV only: a decimal comma ("9,50") is a number because fields are separated by ';'. */
  decimalComma: boolean;
}

/** Column letters as a spreadsheet shows them: 0 -> A, 27 -> AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The text of a cell as the instructor would read it (trimmed; '' for empty). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const NUMBER = /^[+-]?(\d+([.]\d*)?|[.]\d+)(e[+-]?\d+)?$/i;
const COMMA_NUMBER = /^[+-]?\d+(,\d+)?$/;

/**
 * A cell as a number: real numbers as they are, and numbers stored as text ("9.5", " 10 ",
 * "9,50" where the file uses decimal commas). null for empty; NaN for text that is not a number.
 */
export function cellNumber(value: CellValue | undefined, decimalComma: boolean): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean' || value instanceof Date) return Number.NaN;
  const t = value.trim().replace(/\u00a0/g, '');
  if (t === '') return null;
  if (NUMBER.test(t)) return Number(t);
  if (decimalComma && COMMA_NUMBER.test(t)) return Number(t.replace(',', '.'));
  return Number.NaN;
}

/** A cell as a calendar date YYYY-MM-DD (real date cells, or ISO text); null when it is not one. */
export function cellDate(value: CellValue | undefined): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) return value.trim().slice(0, 10);
  return null;
}
