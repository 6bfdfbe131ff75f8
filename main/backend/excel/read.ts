import Papa from 'papaparse';
import { runOffThread } from '../jobs/off-thread';
import type { Steps } from '../jobs/steps';
import { ReadBudget, SHEET_LIMITS, type ReadLimits } from './limits';
import type { Book, CellValue } from './sheet';
import { fileError } from './problems';
import { readXlsxSheets } from './xlsx-parts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An .xlsx is a zip; anything else is read as CSV (or refused). */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, ZIP);

/**
 * Reads an .xlsx or .csv file into plain sheets. Refuses, with a plain reason, empty files,
 * files that are not spreadsheets, password-protected (encrypted) workbooks, corrupt ones and
 * files beyond `limits` (see limits.ts).
 */
export function readSpreadsheet(bytes: Uint8Array, fileName = '', limits: Readonly<ReadLimits> = SHEET_LIMITS): Book {
  const budget = new ReadBudget(limits);
  if (bytes.length === 0) throw fileError(`The file ${quote(fileName)}is empty.`);
  if (startsWith(bytes, OLE)) {
    throw fileError(
      `The file ${quote(fileName)}is password-protected or an old-style .xls workbook. Remove the password (or save it as .xlsx) in Excel and import it again.`,
    );
  }
  budget.file(bytes.length);
  const book = isZip(bytes) ? readXlsx(bytes, budget) : readCsv(bytes, fileName, budget);
  if (book.sheets.every((s) => s.rows.length === 0)) throw fileError(`The file ${quote(fileName)}has no data in it.`);
  return book;
}

/**
 * readSpreadsheet on a worker thread (jobs/off-thread.ts), as every importer reads: other calls
 * are answered while a large file is parsed, and cancelling the job stops the parse.
 */
export const readSpreadsheetOffThread = (file: { name: string; bytes: Uint8Array }, work?: Steps): Promise<Book> =>
  runOffThread('readSpreadsheet', { bytes: file.bytes, fileName: file.name }, work);

const quote = (fileName: string) => (fileName ? `'${fileName}' ` : '');

function readXlsx(bytes: Uint8Array, budget: ReadBudget): Book {
  const sheets = [...readXlsxSheets(bytes, null, budget).values()];
  for (const sheet of sheets) trimTrailingEmpty(sheet.rows);
  return { kind: 'xlsx', sheets, decimalComma: false };
}

function readCsv(bytes: Uint8Array, fileName: string, budget: ReadBudget): Book {
  const text = decodeText(bytes, fileName);
  const delimiter = detectDelimiter(text);
  const name = sheetNameOf(fileName);
  checkCsvShape(text, delimiter, name, budget);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw fileError(
      `Row ${(broken.row ?? 0) + 1} of ${quote(fileName)}has a quote (") that is never closed, so the rows after it cannot be read. Fix the quotes and import again.`,
    );
  }
  const rows: CellValue[][] = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  trimTrailingEmpty(rows);
  return { kind: 'csv', sheets: [{ name, rows }], decimalComma: delimiter === ';' };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Walks the text once, as the parser will split it (a field that starts with a quote runs to
 * its closing quote; "" inside is a quote), and refuses too many rows, too many fields in a
 * row or too long a field before the parser builds a single array.
 */
function checkCsvShape(text: string, delimiter: string, sheet: string, budget: ReadBudget): void {
  const d = delimiter.charCodeAt(0);
  let row = 0;
  let column = 0;
  let fieldStart = 0;
  let rowHasText = false;
  const endField = (at: number) => {
    if (at > fieldStart) {
      if (!rowHasText) budget.row(sheet, row);
      rowHasText = true;
      budget.column(sheet, column);
      budget.cell(sheet, row, column, at - fieldStart);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && i === fieldStart) {
      const close = closingQuote(text, i + 1);
      if (close < 0) return; // the parser reports the unclosed quote with its row
      i = close;
    } else if (ch === d) {
      endField(i);
      column++;
      fieldStart = i + 1;
    } else if (ch === LF || ch === CR) {
      endField(i);
      if (ch === CR && text.charCodeAt(i + 1) === LF) i++;
      row++;
      column = 0;
      fieldStart = i + 1;
      rowHasText = false;
    }
  }
  endField(text.length);
}

/** The index of the quote that closes a quoted field whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at >= 0; at = text.indexOf('"', at + 2)) {
    if (text.charCodeAt(at + 1) !== QUOTE) return at;
  }
  return -1;
}

const sheetNameOf = (fileName: string) => (fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'CSV').slice(0, 31);

/** UTF-8 (BOM or not); text that is not valid UTF-8 is read as Windows-1252, as Excel writes it. */
function decodeText(bytes: Uint8Array, fileName: string): string {
  const sample = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (sample.includes(0)) throw fileError(`The file ${quote(fileName)}is not a spreadsheet (.xlsx or .csv).`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // eslint-disable-next-line no-control-regex
  const controls = (text.slice(0, 65536).match(/[\x00-\x08\x0e-\x1f]/g) ?? []).length;
  if (controls > 8) throw fileError(`The file ${quote(fileName)}is not a spreadsheet (.xlsx or .csv).`);
  return text;
}

/** The separator that splits the first lines most consistently: ',', ';' or tab. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 6).filter((l) => l.trim() !== '');
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    const count = Math.min(...lines.map((l) => countOutsideQuotes(l, d)));
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

function trimTrailingEmpty(rows: CellValue[][]): void {
  const empty = (r: CellValue[] | undefined) => !r || r.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
  while (rows.length && empty(rows[rows.length - 1])) rows.pop();
}
