import { inflateRawSync } from 'node:zlib';
import { fileError } from './problems';
import type { CellValue, Sheet } from './sheet';

/**
 * Reads only the named sheets of an .xlsx, without building the whole workbook: the full
 * workbook's hidden data sheet holds every row of the course, and a general reader (exceljs)
 * spends most of an import building cell objects for sheets the importer never reads.
 * Handles what spreadsheet programs write: shared strings (plain or rich), inline strings,
 * numbers, booleans, formula results. Dates are not needed by its caller and read as numbers.
 */
export function readXlsxSheets(bytes: Uint8Array, names: readonly string[]): Map<string, Sheet> {
  const zip = unzip(bytes);
  const text = (path: string) => {
    const entry = zip.get(path);
    return entry ? entry() : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw damaged();
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = attribute(m[1]!, 'Id');
    const target = attribute(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const strings = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const out = new Map<string, Sheet>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const name = decode(attribute(m[1]!, 'name') ?? '');
    if (!names.includes(name)) continue;
    const path = targets.get(attribute(m[1]!, 'r:id') ?? '');
    const xml = path ? text(path) : null;
    if (xml === null) throw damaged();
    out.set(name, { name, rows: sheetRows(xml, strings) });
  }
  return out;
}

const damaged = () =>
  fileError('The workbook cannot be read: it is damaged or not an .xlsx file. Open it in Excel or LibreOffice and save it again.');

/** The zip's entries by path, each inflated on demand (only the few parts we read). */
function unzip(bytes: Uint8Array): Map<string, () => string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_558); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged();
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries = new Map<string, () => string>();
  const utf8 = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged();
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const skip = view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const path = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + skip;
    entries.set(path, () => {
      if (view.getUint32(local, true) !== 0x04034b50) throw damaged();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const raw = bytes.subarray(start, start + size);
      if (method === 0) return Buffer.from(raw).toString('utf8');
      if (method !== 8) throw damaged();
      try {
        return inflateRawSync(raw).toString('utf8');
      } catch {
        throw damaged();
      }
    });
  }
  return entries;
}

const ATTRIBUTES = new Map<string, RegExp>();
function attribute(attrs: string, name: string): string | undefined {
  let re = ATTRIBUTES.get(name);
  if (!re) ATTRIBUTES.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(attrs)?.[1];
}

/** XML text to a string: entities, and Excel's _xHHHH_ escapes for control characters. */
function decode(s: string): string {
  if (s.includes('&')) {
    // Plain replacements are several times faster than one regex with a callback on large sheets;
    // &amp; goes last so "&amp;lt;" stays "&lt;".
    s = s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
    if (s.includes('&#'))
      s = s.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, n: string) =>
        String.fromCodePoint(n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n)),
      );
    s = s.replaceAll('&amp;', '&');
  }
  return s.includes('_x') ? s.replace(/_x([0-9a-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The text runs of a string item (<t>), leaving out phonetic guides (<rPh>). */
function runs(xml: string): string {
  let out = '';
  for (const m of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\s*\/>/g)) out += decode(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\s*\/>/g)) out.push(runs(m[1] ?? ''));
  return out;
}

/** "AB12" -> column 27 (0-based). */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + code - 64;
  }
  return c - 1;
}

function sheetRows(xml: string, strings: string[]): CellValue[][] {
  const rows: CellValue[][] = [];
  let nextRow = 0;
  for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const r = Number(attribute(row[1]!, 'r') ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const cells: CellValue[] = [];
    let nextColumn = 0;
    for (const cell of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attribute(cell[1]!, 'r');
      const c = ref ? columnOf(ref) : nextColumn;
      nextColumn = c + 1;
      const value = cellValue(attribute(cell[1]!, 't') ?? 'n', cell[2] ?? '', strings);
      if (value !== null) {
        while (cells.length < c) cells.push(null);
        cells[c] = value;
      }
    }
    rows[r] = cells;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellValue(type: string, inner: string, strings: string[]): CellValue {
  if (type === 'inlineStr') return runs(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
  const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'str':
      return decode(v);
    case 'b':
      return v === '1';
    case 'e':
      return null;
    default: {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}
