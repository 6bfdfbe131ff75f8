import type { RosterField, SheetInfo } from '@shared/api/excel';
import { fileError } from './problems';
import { cellText, type Book, type CellValue, type Sheet } from './sheet';

/** "Student_ID " -> "student id": headers compared the way a person reads them. */
export const normalizeHeader = (value: CellValue | undefined) =>
  cellText(value)
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/[.:#*]+$/, '')
    .trim();

const ROSTER_HEADERS: Record<RosterField, RegExp> = {
  registrarId:
    /^(student ?id|id|sis user id|sis id|banner id|nuid|emplid|student number|student no|registrar id|matriculation number|id number)$/,
  name: /^(name|student|student name|full name|name \(last, first\)|last, first|last name, first name)$/,
  firstName: /^(first|first name|given name|given names|forename)$/,
  lastName: /^(last|last name|surname|family name)$/,
  preferredName: /^(preferred name|preferred first name|nickname)$/,
  email: /^(e-?mail|e-?mail address|school e-?mail|university e-?mail|student e-?mail)$/,
  section: /^(section|sec|section id|class section)$/,
  status: /^(status|registration status|enrollment status|enrolment status|reg status|student status|course status)$/,
};

/** Field per column detected from a header row (each field at most once, first column wins). */
export function detectRosterMapping(header: readonly CellValue[]): (RosterField | null)[] {
  const taken = new Set<RosterField>();
  return header.map((h) => {
    const text = normalizeHeader(h);
    const field = (Object.keys(ROSTER_HEADERS) as RosterField[]).find((f) => !taken.has(f) && ROSTER_HEADERS[f].test(text));
    if (field) taken.add(field);
    return field ?? null;
  });
}

/**
 * The header row: the first of the top rows that names an ID column and at least one other
 * known field (class lists often start with a title or the term above the table).
 */
export function detectHeaderRow(sheet: Sheet, recognise: (row: readonly CellValue[]) => number = rosterScore): number {
  const limit = Math.min(sheet.rows.length, 20);
  for (let r = 0; r < limit; r++) if (recognise(sheet.rows[r] ?? []) >= 2) return r;
  return 0;
}

const rosterScore = (row: readonly CellValue[]) => {
  const m = detectRosterMapping(row);
  return m.includes('registrarId') ? m.filter(Boolean).length : 0;
};

/** The chosen sheet, or the first sheet that has data. */
export function pickSheet(book: Book, name: string | undefined): Sheet {
  if (name !== undefined) {
    const sheet = book.sheets.find((s) => s.name === name);
    if (!sheet)
      throw fileError(`The file has no sheet named '${name}'. Its sheets are: ${book.sheets.map((s) => `'${s.name}'`).join(', ')}.`);
    return sheet;
  }
  const sheet = book.sheets.find((s) => s.rows.length > 0);
  if (!sheet) throw fileError('The file has no data in it.');
  return sheet;
}

const PREVIEW_ROWS = 12;

/** Sheet names, sizes and first rows, for the wizard. */
export function sheetInfos(book: Pick<Book, 'sheets'>): SheetInfo[] {
  return book.sheets.map((s) => ({
    name: s.name,
    rowCount: s.rows.length,
    columnCount: s.rows.reduce((n, r) => Math.max(n, r.length), 0),
    preview: s.rows.slice(0, PREVIEW_ROWS).map((r) => r.map((c) => cellText(c))),
  }));
}

/** A 1-based header row from the request, checked against the sheet. */
export function headerRowIndex(sheet: Sheet, requested: number | undefined, detect: () => number): number {
  if (requested === undefined) return detect();
  if (requested > sheet.rows.length)
    throw fileError(`Sheet '${sheet.name}' has only ${sheet.rows.length} rows; row ${requested} cannot be the header.`);
  return requested - 1;
}

/**
 * The columns headed by `names` (compared as normalizeHeader reads them), in the given 0-based
 * header row or else the first of the top rows that has them all: for a mapping by header name
 * (the CLI's --map), where the headers are in a language detection does not know.
 */
export function columnsByHeader(sheet: Sheet, names: readonly string[], headerRow?: number): { headerRow: number; columns: number[] } {
  const wanted = names.map((n) => normalizeHeader(n));
  const find = (r: number) => {
    const row = (sheet.rows[r] ?? []).map((h) => normalizeHeader(h));
    return wanted.map((w) => row.indexOf(w));
  };
  const rows = headerRow !== undefined ? [headerRow] : [...Array(Math.min(sheet.rows.length, 20)).keys()];
  for (const r of rows) {
    const columns = find(r);
    if (columns.every((c) => c >= 0)) return { headerRow: r, columns };
  }
  const r = headerRow ?? 0;
  const missing = names.filter((_, i) => find(r)[i]! < 0);
  const headers = (sheet.rows[r] ?? []).map((h) => `'${cellText(h)}'`).join(', ');
  throw fileError(
    `Sheet '${sheet.name}' has no column headed ${missing.map((m) => `'${m}'`).join(', ')}${headerRow !== undefined ? ` in row ${r + 1}` : ' in its first rows'}. Row ${r + 1} has: ${headers || 'nothing'}.`,
  );
}

/** Where a report says the table was found: the sheet, its 1-based header row and the headers. */
export const sheetChoice = (sheet: Sheet, headerRow: number) => ({
  sheet: sheet.name,
  headerRow: headerRow + 1,
  headers: (sheet.rows[headerRow] ?? []).map((h) => cellText(h)),
});

/**
 * An enrolment status cell as the student's status: Banner's Registered / Web Registered (RE,
 * RW), Enrolled, Audit stay enrolled; Dropped, Drop/Delete (DD, DW), Withdrawn (WD, W) become
 * withdrawn, with or without decoration ("**Dropped**", "DD - Drop/Delete", "Withdrawn 9/15").
 * null for an empty cell; undefined when the value is not a status.
 */
export function enrolmentStatus(cell: string): 'enrolled' | 'withdrawn' | null | undefined {
  const t = cell
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .trim();
  if (t === '') return null;
  if (/^(d[dw]|wd?|w[dw])\b|\b(drop|dropped|withdrawn|withdrew|withdraw|withdrawal|cancel+ed)\b/.test(t)) return 'withdrawn';
  if (/^(r[ew]|au|en)\b|\b(registered|enrolled|enroled|audit|active|added)\b/.test(t)) return 'enrolled';
  return undefined;
}

/** "Núñez, José" -> last Núñez, first José; "José Núñez" -> last Núñez, first José. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const comma = full.indexOf(',');
  if (comma >= 0) return { lastName: full.slice(0, comma).trim(), firstName: full.slice(comma + 1).trim() };
  const space = full.trim().lastIndexOf(' ');
  if (space < 0) return { firstName: '', lastName: full.trim() };
  return { firstName: full.slice(0, space).trim(), lastName: full.slice(space + 1).trim() };
}
