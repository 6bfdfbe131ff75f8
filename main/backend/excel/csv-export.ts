import Papa from 'papaparse';
import type { Course } from '../services/course';
import { buildGradesTable } from './grades-table';
import { csvSafeText } from './safe-text';

export type CsvCell = string | number | null;

/** Text cells quoted besides those papaparse quotes by itself (a delimiter, quote, CR or LF, a leading or trailing space). */
const alsoQuoted = /[",;\r\n\t]|^\s|\s$/;

/**
 * RFC 4180 CSV with a UTF-8 BOM (so Excel reads accents and non-Latin names) and CRLF. Text
 * is made safe from formula evaluation; numbers are written as numbers.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter = ','): Uint8Array {
  const cell = (v: CsvCell): string | number | null =>
    typeof v === 'string' ? csvSafeText(v) : typeof v === 'number' && !Number.isFinite(v) ? null : v;
  const body = Papa.unparse(
    rows.map((r) => r.map(cell)),
    { delimiter, newline: '\r\n', quoteChar: '"', quotes: (v: unknown) => typeof v === 'string' && alsoQuoted.test(v) },
  );
  return new TextEncoder().encode(`\ufeff${body}\r\n`);
}

/**
 * The grades as CSV (CLI: `gradebook export csv`): scores as entered, which `import scores`
 * reads back unchanged, then the effective scores and the grades.
 */
export function exportGradesCsv(course: Course, now = new Date()): { name: string; bytes: Uint8Array } {
  const table = buildGradesTable(course, now, { raw: true });
  return { name: `${table.fileStem}-grades.csv`, bytes: toCsv([table.header, ...table.rows.map((r) => r.cells)]) };
}
