import type { RosterField, SheetInfo } from '../../../shared/api/excel';
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

/** Where a report says the table was found: the sheet, its 1-based header row and the headers. */
export const sheetChoice = (sheet: Sheet, headerRow: number) => ({
  sheet: sheet.name,
  headerRow: headerRow + 1,
  headers: (sheet.rows[headerRow] ?? []).map((h) => cellText(h)),
});

/** "Núñez, José" -> last Núñez, first José; "José Núñez" -> last Núñez, first José. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const comma = full.indexOf(',');
  if (comma >= 0) return { lastName: full.slice(0, comma).trim(), firstName: full.slice(comma + 1).trim() };
  const space = full.trim().lastIndexOf(' ');
  if (space < 0) return { firstName: '', lastName: full.trim() };
  return { firstName: full.slice(0, space).trim(), lastName: full.slice(space + 1).trim() };
}
