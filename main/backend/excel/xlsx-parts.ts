import { inflateRawSync } from 'node:zlib';
import { ApiError } from '@shared/api/envelope';
import type { ReadBudget } from './limits';
import { fileError } from './problems';
import { RowGrid, type CellValue, type RowSink, type Sheet } from './sheet';

/**
 * Reads only the named sheets of an .xlsx, without building the whole workbook: the full
 * workbook's hidden data sheet holds every row of the course, and a general reader (exceljs)
 * spends most of an import building cell objects for sheets the importer never reads.
 * Handles what spreadsheet programs write: shared strings (plain or rich), inline strings,
 * numbers, booleans, ISO dates (t="d"), formula results, either quote style for attributes and
 * namespace-prefixed tags (<x:row>). A damaged file is one plain problem; one beyond `budget`
 * is refused as soon as the reader sees it. `names` null reads every sheet (in workbook order).
 * A sheet named in `sinks` hands its rows as they are read to a sink made there when the sheet
 * starts (a crafted file may repeat a name; the last sheet of a name wins), and comes back empty.
 */
export function readXlsxSheets(
  bytes: Uint8Array,
  names: readonly string[] | null,
  budget: ReadBudget,
  sinks: ReadonlyMap<string, () => RowSink> = new Map(),
): Map<string, Sheet> {
  try {
    budget.file(bytes.length);
    return readSheets(bytes, names, budget, sinks);
  } catch (err) {
    // Any slip on a malformed zip or XML (a bad offset, a too-large part) is the same plain answer.
    if (err instanceof ApiError) throw err;
    throw damaged();
  }
}

function readSheets(
  bytes: Uint8Array,
  names: readonly string[] | null,
  budget: ReadBudget,
  sinks: ReadonlyMap<string, () => RowSink>,
): Map<string, Sheet> {
  const zip = unzip(bytes, budget);
  const text = (path: string) => {
    const entry = zip.get(path);
    return entry ? entry() : null;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw damaged();
  const targets = new Map<string, string>();
  for (const { attrs } of elements(rels, 'Relationship')) {
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts: Parts = {
    strings: sharedStrings(text('xl/sharedStrings.xml') ?? '', budget),
    dateStyles: dateStyles(text('xl/styles.xml') ?? ''),
    epoch: /date1904\s*=\s*["'](1|true)["']/.test(first(workbook, 'workbookPr')?.attrs ?? '') ? EPOCH_1904 : EPOCH_1900,
  };
  const out = new Map<string, Sheet>();
  for (const { attrs } of elements(workbook, 'sheet')) {
    const name = decode(attribute(attrs, 'name') ?? '');
    if (names && !names.includes(name)) continue;
    const path = targets.get(attribute(attrs, 'r:id') ?? '');
    const xml = path ? text(path) : null;
    if (xml === null) throw damaged();
    const sink = sinks.get(name)?.();
    const grid = sink ? null : new RowGrid();
    sheetRows(name, xml, parts, budget, sink ?? grid!.set);
    out.set(name, { name, rows: grid?.done() ?? [] });
  }
  return out;
}

const damaged = () =>
  fileError('The workbook cannot be read: it is damaged (or not a valid .xlsx file). Open it in Excel or LibreOffice and save it again.');

/**
 * The zip's entries by path, each inflated on demand (only the few parts we read). Each part's
 * declared size is reserved from the budget before it is inflated, and bounds the inflation
 * (a part that inflates to more is lying about itself), so a zip bomb stops here.
 */
function unzip(bytes: Uint8Array, budget: ReadBudget): Map<string, () => string> {
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
    const declared = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const skip = view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) throw damaged();
    const path = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + skip;
    entries.set(path, () => {
      // Sizes of 0xFFFFFFFF mean zip64, which no spreadsheet program writes for a sheet we can hold.
      if (declared === 0xffffffff || local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw damaged();
      budget.inflate(declared);
      budget.time();
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + size > bytes.length) throw damaged();
      const raw = bytes.subarray(start, start + size);
      if (method === 0) {
        if (size !== declared) throw damaged();
        return Buffer.from(raw).toString('utf8');
      }
      if (method !== 8) throw damaged();
      try {
        // One output chunk of the declared size: no joining of 16 KiB chunks (a data sheet is over 100 MB).
        return inflateRawSync(raw, { maxOutputLength: Math.max(1, declared), chunkSize: Math.max(64, declared) }).toString('utf8');
      } catch {
        throw damaged();
      }
    });
  }
  return entries;
}

interface Element {
  attrs: string;
  /** The text between the tags; null for a self-closing element. */
  inner: string | null;
  start: number;
  end: number;
}

/** [\w.-], the characters of a tag's name and of its namespace prefix. */
const isNameChar = (code: number) =>
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
/** What \s matches (a tag's name ends at one). */
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));

/**
 * The first <tag> element (with or without a namespace prefix such as x:) from `from` on, or
 * null. Tags are found with indexOf and a look at each name, not with a pattern: a large sheet
 * has millions of cells. Its closing tag is found with one forward search, so a file with
 * unclosed tags costs linear time; an unclosed element is damage.
 */
function nextElement(xml: string, tag: string, from: number): Element | null {
  for (let at = xml.indexOf('<', from); at >= 0; at = xml.indexOf('<', at + 1)) {
    let name = at + 1;
    let i = name;
    while (isNameChar(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) === 58 && i > name) {
      name = ++i;
      while (isNameChar(xml.charCodeAt(i))) i++;
    }
    if (i - name !== tag.length || !xml.startsWith(tag, name)) continue;
    const next = xml.charCodeAt(i);
    if (next !== 47 && next !== 62 && !isSpace(next)) continue;
    const open = xml.indexOf('>', i);
    if (open < 0) return null;
    if (open > i && xml.charCodeAt(open - 1) === 47) return { attrs: xml.slice(i, open - 1), inner: null, start: at, end: open + 1 };
    const close = `</${xml.slice(at + 1, name)}${tag}>`;
    const to = xml.indexOf(close, open + 1);
    if (to < 0) throw damaged();
    return { attrs: xml.slice(i, open), inner: xml.slice(open + 1, to), start: at, end: to + close.length };
  }
  return null;
}

/** Every <tag> element of `xml`, in order, not nested in itself (see nextElement). */
function* elements(xml: string, tag: string): Generator<Element> {
  for (let e = nextElement(xml, tag, 0); e; e = nextElement(xml, tag, e.end)) yield e;
}

const first = (xml: string, tag: string): Element | null => nextElement(xml, tag, 0);

/**
 * The value of attribute `name` in a tag's attribute text (either quote style, spaces around
 * =), as /(?:^|\s)name\s*=\s*(?:"([^"]*)"|'([^']*)')/ finds it, without a pattern per cell.
 */
function attribute(attrs: string, name: string): string | undefined {
  for (let at = attrs.indexOf(name); at >= 0; at = attrs.indexOf(name, at + 1)) {
    if (at > 0 && !isSpace(attrs.charCodeAt(at - 1))) continue;
    let i = at + name.length;
    while (isSpace(attrs.charCodeAt(i))) i++;
    if (attrs.charCodeAt(i++) !== 61) continue;
    while (isSpace(attrs.charCodeAt(i))) i++;
    const quote = attrs[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, i + 1);
    if (end >= 0) return attrs.slice(i + 1, end);
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML text to a string: entities in one pass (so "&#38;amp;" is "&amp;", not "&"), then
 * Excel's _xHHHH_ escapes for control characters, which live inside the XML text.
 */
function decode(s: string): string {
  if (s.includes('&')) {
    // Without &amp; and &#, no entity can make another: the named ones are replaced one by one, a
    // few times faster than one pattern with a callback. The data sheet's JSON has a &quot; per
    // quote and mostly no other entity, as the first replace then shows.
    const quotes = s.replaceAll('&quot;', '"');
    if (!quotes.includes('&')) s = quotes;
    else if (!s.includes('&amp;') && !s.includes('&#'))
      s = quotes.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&apos;', "'");
    else
      s = s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex?: string, dec?: string, name?: string) => {
        if (name) return ENTITIES[name] ?? whole;
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      });
  }
  return s.includes('_x') ? s.replace(/_x([0-9a-f]{4})_/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** The text runs of a string item (<t>), leaving out phonetic guides (<rPh>). */
function runs(xml: string): string {
  let text = xml;
  if (/<(?:[\w.-]+:)?rPh\b/.test(xml)) {
    text = '';
    let at = 0;
    for (const guide of elements(xml, 'rPh')) {
      text += xml.slice(at, guide.start);
      at = guide.end;
    }
    text += xml.slice(at);
  }
  let out = '';
  for (const t of elements(text, 't')) out += decode(t.inner ?? '');
  return out;
}

function sharedStrings(xml: string, budget: ReadBudget): string[] {
  const out: string[] = [];
  for (const si of elements(xml, 'si')) {
    if (out.length % 1000 === 0) budget.time();
    out.push(runs(si.inner ?? ''));
  }
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

/**
 * The sheet's rows, each handed to `keep` as it is read. Rows and cells without a value take no
 * memory and count against no limit (spreadsheet programs write formatted but empty rows down
 * to row 1,048,576).
 */
function sheetRows(name: string, xml: string, parts: Parts, budget: ReadBudget, keep: RowSink): void {
  let nextRow = 0;
  let read = 0;
  for (const row of elements(xml, 'row')) {
    if (++read % 1000 === 0) budget.time();
    const r = Number(attribute(row.attrs, 'r') ?? nextRow + 1) - 1;
    if (!Number.isInteger(r) || r < 0 || r > MAX_ROWS) throw damaged();
    nextRow = r + 1;
    const cells: CellValue[] = [];
    let nextColumn = 0;
    for (const cell of elements(row.inner ?? '', 'c')) {
      const ref = attribute(cell.attrs, 'r');
      const c = ref ? columnOf(ref) : nextColumn;
      if (c < 0 || c > MAX_COLUMNS) throw damaged();
      nextColumn = c + 1;
      const value = cellValue(cell.attrs, cell.inner ?? '', parts);
      if (value === null) continue;
      if (cells.length === 0) budget.row(name, r);
      budget.column(name, c);
      if (typeof value === 'string') budget.cell(name, r, c, value.length);
      while (cells.length < c) cells.push(null);
      cells[c] = value;
    }
    if (cells.length) keep(r, cells);
  }
}

/** Excel's limits; a reference beyond them is damage, not a reason to allocate a huge grid. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** What the cells of every sheet refer to: shared strings, which styles are dates, the date system. */
interface Parts {
  strings: string[];
  dateStyles: Set<number>;
  /** Serial day 0 in ms since 1970 (Excel's 1900 system, or the 1904 one a workbook may choose). */
  epoch: number;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Excel's built-in number formats that show a date or a time. */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** The cell style indexes (s="3") whose number format shows a date, as a spreadsheet reads them. */
function dateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const f of elements(first(xml, 'numFmts')?.inner ?? '', 'numFmt'))
    custom.set(Number(attribute(f.attrs, 'numFmtId')), decode(attribute(f.attrs, 'formatCode') ?? ''));
  const out = new Set<number>();
  let index = 0;
  for (const xf of elements(first(xml, 'cellXfs')?.inner ?? '', 'xf')) {
    const id = Number(attribute(xf.attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code)) out.add(index);
    index++;
  }
  return out;
}

/** A format code with day, month, year or time parts outside quoted text, colours and escapes. */
const isDateFormat = (code: string) => /[dmyhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, ''));

function cellValue(attrs: string, inner: string, { strings, dateStyles, epoch }: Parts): CellValue {
  const type = attribute(attrs, 't') ?? 'n';
  if (type === 'inlineStr') return runs(first(inner, 'is')?.inner ?? '');
  const v = first(inner, 'v')?.inner;
  if (v === undefined || v === null) return null;
  switch (type) {
    case 's':
      return strings[Number(v)] ?? null;
    case 'str':
      return decode(v);
    case 'b':
      return v === '1';
    case 'e':
      return null;
    case 'd': {
      // ISO 8601 date text; one without a zone is read as UTC so a date does not shift by a day.
      const text = decode(v).trim();
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
      return Number.isNaN(date.getTime()) ? text : date;
    }
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      return dateStyles.has(Number(attribute(attrs, 's') ?? -1)) ? new Date(epoch + Math.round(n * DAY_MS)) : n;
    }
  }
}
