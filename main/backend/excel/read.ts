import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Book, CellValue, Sheet } from './sheet';
import { fileError } from './problems';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An .xlsx is a zip; anything else is read as CSV (or refused). */
export const isZip = (bytes: Uint8Array) => startsWith(bytes, ZIP);

/**
 * Reads an .xlsx or .csv file into plain sheets. Refuses, with a plain reason, empty files,
 * files that are not spreadsheets, password-protected (encrypted) workbooks and corrupt ones.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName = ''): Promise<Book> {
  if (bytes.length === 0) throw fileError(`The file ${quote(fileName)}is empty.`);
  if (startsWith(bytes, OLE)) {
    throw fileError(
      `The file ${quote(fileName)}is password-protected or an old-style .xls workbook. Remove the password (or save it as .xlsx) in Excel and import it again.`,
    );
  }
  const book = isZip(bytes) ? await readXlsx(bytes, fileName) : readCsv(bytes, fileName);
  if (book.sheets.every((s) => s.rows.length === 0)) throw fileError(`The file ${quote(fileName)}has no data in it.`);
  return book;
}

const quote = (fileName: string) => (fileName ? `'${fileName}' ` : '');

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Book> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw fileError(
      `The file ${quote(fileName)}looks like a workbook but cannot be read: it is damaged or not an .xlsx file. Open it in Excel or LibreOffice and save it again.`,
    );
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[c - 1] = plain(cell.value);
      });
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      rows[r - 1] = out;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    trimTrailingEmpty(rows);
    sheets.push({ name: ws.name, rows });
  });
  return { kind: 'xlsx', sheets, decimalComma: false };
}

/** exceljs cell values -> plain values: formulas give their cached result, rich text its text. */
function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return v.result === undefined ? null : plain(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('error' in v) return null;
  }
  return null;
}

function readCsv(bytes: Uint8Array, fileName: string): Book {
  const text = decodeText(bytes, fileName);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw fileError(
      `Row ${(broken.row ?? 0) + 1} of ${quote(fileName)}has a quote (") that is never closed, so the rows after it cannot be read. Fix the quotes and import again.`,
    );
  }
  const rows: CellValue[][] = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  trimTrailingEmpty(rows);
  return { kind: 'csv', sheets: [{ name: sheetNameOf(fileName), rows }], decimalComma: delimiter === ';' };
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
