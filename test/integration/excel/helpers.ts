import { expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { ApiError } from '../../../shared/api/envelope';
import { createCourse, readSnapshot, type Course, type Preset } from '../../../main/backend/services/course';

export const FIXTURES = path.resolve('test/fixtures');
export const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))) });

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-excel-'));
}

export function newCourse(dir: string, preset: Preset = 'ie7374', name = randomUUID()): Course {
  return createCourse(path.join(dir, `${name}.gradebook`), preset);
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
