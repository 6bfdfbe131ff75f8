import { afterEach, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Papa from 'papaparse';
import { ApiError } from '@shared/api/envelope';
import type { Preset } from '@shared/api/course';
import { closeCourse, createCourse, readSnapshot, type Course } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';

export const FIXTURES = path.resolve('test/fixtures');
export const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) });

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-excel-'));
}

// Every course newCourse made is closed after its test (unless the test closed it itself).
const created: Course[] = [];
afterEach(() => {
  for (const course of created.splice(0)) if (course.db.open) closeCourse(course);
});

export function newCourse(dir: string, preset: Preset = 'ie7374', name = randomUUID()): Course {
  const course = createCourse(path.join(dir, `${name}.gradebook`), preset);
  created.push(course);
  return course;
}

/** A new IE 7374 course holding the demo class. */
export function demoCourse(dir: string): Course {
  const course = newCourse(dir);
  loadDemoClass(course);
  return course;
}

/** Everything a failed import must leave untouched: the data and the audit history. */
export function fingerprint(course: Course): string {
  const n = (t: string) => (course.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const extra = ['audit', 'change_batch', 'registrar_export', 'export_profile'].map(n);
  return createHash('sha256')
    .update(JSON.stringify([readSnapshot(course.db), extra]))
    .digest('hex');
}

/** Runs `fn` expecting a validation failure; answers its problems. */
export async function refused(fn: () => Promise<unknown>): Promise<{
  message: string;
  problems: { severity: string; sheet: string | null; row: number | null; column: string | null; message: string }[];
}> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    expect(err.code).toBe('validation_failed');
    return { message: err.message, problems: (err.details as { problems?: never[] })?.problems ?? [] };
  }
  throw new Error('expected the import to be refused');
}

export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
})();

function soffice(args: string[]): void {
  const profile = `file:///tmp/lo-${randomUUID()}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args], { stdio: 'ignore', timeout: 120_000 });
  fs.rmSync(profile.replace('file://', ''), { recursive: true, force: true });
}

/** LibreOffice's reading of an .xlsx, as UTF-8 CSV rows (the first sheet). */
export function libreOfficeCsv(bytes: Uint8Array, dir: string): string[][] {
  const src = path.join(dir, `${randomUUID()}.xlsx`);
  fs.writeFileSync(src, bytes);
  soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, src]);
  const text = fs.readFileSync(src.replace(/\.xlsx$/, '.csv'), 'utf8');
  return Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

/** A CSV saved as .xlsx by LibreOffice, with the first `textColumns` columns typed as text. */
export function libreOfficeXlsx(csv: Uint8Array, dir: string, textColumns = 0, separator = 44): Uint8Array {
  const src = path.join(dir, `${randomUUID()}.csv`);
  fs.writeFileSync(src, csv);
  const types = Array.from({ length: Math.max(textColumns, 1) }, (_, i) => `${i + 1}/${i < textColumns ? 2 : 1}`).join('/');
  soffice([`--infilter=CSV:${separator},34,76,1,${types}`, '--convert-to', 'xlsx', '--outdir', dir, src]);
  return new Uint8Array(fs.readFileSync(src.replace(/\.csv$/, '.xlsx')));
}

/** An .xlsx opened and saved again by LibreOffice (its own writer: shared strings, styles, no exceljs). */
export function libreOfficeResave(bytes: Uint8Array, dir: string): Uint8Array {
  const src = path.join(dir, `${randomUUID()}.xlsx`);
  const out = path.join(dir, randomUUID());
  fs.writeFileSync(src, bytes);
  soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, src]);
  return new Uint8Array(fs.readFileSync(path.join(out, path.basename(src))));
}

/** One part of a hand-made zip; the fields after `text` falsify its directory entry to make a bad file. */
export interface ZipPart {
  path: string;
  text: string;
  deflate?: boolean;
  /** The uncompressed size the central directory claims (default: the true size). */
  declaredSize?: number;
  /** Where the central directory says the local header is (default: where it is). */
  localOffset?: number;
  /** Already deflated bytes to store instead of `text` (give their inflated size as declaredSize). */
  deflated?: Buffer;
}

/** A minimal zip writer, so tests can build the exact (and exactly wrong) .xlsx they need. */
export function zipOf(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.path);
    const plain = Buffer.from(part.text);
    const data = part.deflated ?? (part.deflate === false ? plain : zlib.deflateRawSync(plain));
    const method = part.deflate === false ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(plain.length, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(part.declaredSize ?? plain.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(part.localOffset ?? offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A one-sheet .xlsx ("Data") from hand-written sheet XML and shared strings XML. */
export function tinyXlsx(
  sheetXml: string,
  sharedStrings = '<sst/>',
  overrides: Partial<Record<string, Partial<ZipPart>>> = {},
): Uint8Array {
  const parts: ZipPart[] = [
    {
      path: 'xl/workbook.xml',
      text: `<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    { path: 'xl/_rels/workbook.xml.rels', text: `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
    { path: 'xl/sharedStrings.xml', text: sharedStrings },
    { path: 'xl/worksheets/sheet1.xml', text: sheetXml },
  ];
  return zipOf(parts.map((p) => ({ ...p, ...overrides[p.path] })));
}
