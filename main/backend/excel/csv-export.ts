import type { Course } from '../services/course';
import { buildGradesTable } from './grades-table';
import { csvSafeText } from './safe-text';

export type CsvCell = string | number | null;

/**
 * RFC 4180 CSV with a UTF-8 BOM (so Excel reads accents and non-Latin names) and CRLF. Text
 * is made safe from formula evaluation; numbers are written as numbers.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], delimiter = ','): Uint8Array {
  const field = (v: CsvCell) => {
    if (v === null) return '';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
    const text = csvSafeText(v);
    return /[",;\r\n\t]|^\s|\s$/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const body = rows.map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
  return new TextEncoder().encode(`\ufeff${body}`);
}

/**
 * The grades as CSV (CLI: `gradebook export csv`): scores as entered, which `import scores`
 * reads back unchanged, then the effective scores and the grades.
 */
export function exportGradesCsv(course: Course, now = new Date()): { name: string; bytes: Uint8Array } {
  const table = buildGradesTable(course, now, { raw: true });
  return { name: `${table.fileStem}-grades.csv`, bytes: toCsv([table.header, ...table.rows.map((r) => r.cells)]) };
}
