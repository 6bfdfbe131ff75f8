import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReadBudget, SHEET_LIMITS } from '../../../main/backend/excel/limits';
import { ApiError } from '@shared/api/envelope';
import { LISTED_PROBLEMS } from '../../../main/backend/excel/problems';
import { newCourse, type TestCourse } from '../workspace/helpers';
import { DATA_SHEET } from '../../../main/backend/excel/workbook-format';
import { tinyXlsx } from './helpers';

const wire = (name: string, bytes: Uint8Array | string) => ({ name, data: Buffer.from(bytes).toString('base64') });
const sheetXml = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

/**
 * A sheet of `n` one-cell rows (the last row of Excel is 1,048,576), small once zipped, named
 * as the full workbook's data sheet so that importer reads it too.
 */
function tallSheet(n: number): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= n; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const workbook = `<workbook xmlns:r="r"><sheets><sheet name="${DATA_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  return tinyXlsx(sheetXml(rows.join('')), undefined, { 'xl/workbook.xml': { text: workbook } });
}

/**
 * Shared strings that really inflate to `megabytes` (about 1/1000 of that in the file): one
 * deflated megabyte, repeated as blocks of one deflate stream. `declaredSize` is what the zip
 * directory claims (default: the truth).
 */
function inflationBomb(megabytes: number, declaredSize = megabytes * 1024 * 1024): Uint8Array {
  const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, ' '), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const deflated = Buffer.concat([...Array<Buffer>(megabytes).fill(block), zlib.deflateRawSync(Buffer.alloc(0))]);
  return tinyXlsx(sheetXml(''), undefined, { 'xl/sharedStrings.xml': { deflated, declaredSize } });
}

/** Every import path, previewed and real, as the app calls them (direct methods and jobs). */
const CALLS: [method: string, input: (file: ReturnType<typeof wire>) => object][] = [
  ['excel.inspect', (file) => ({ file })],
  ['excel.importRoster', (file) => ({ file, dryRun: true })],
  ['excel.importRoster', (file) => ({ file })],
  ['excel.importScores', (file) => ({ file })],
  ['excel.importCanvas', (file) => ({ file, dryRun: true })],
  ['excel.importWorkbook', (file) => ({ file })],
];

async function jobError(c: TestCourse, kind: string, file: ReturnType<typeof wire>) {
  const { jobId } = await c.call('excel.startImport', { kind, file } as never);
  for (;;) {
    const s = await c.call('job.status', { id: jobId });
    if (s.state !== 'running') return s.error;
    await new Promise((r) => setTimeout(r, 10));
  }
}

v8.setFlagsFromString('--expose-gc');
/** A full collection of this thread's heap. */
const collect = vm.runInNewContext('gc') as () => void;

/**
 * How far RSS rises above where it stood, after a full collection, while `call` runs. Each path
 * is measured on its own: summed over paths, the peak was mostly the garbage earlier ones had
 * left (one 1,000,000-row read leaves a few hundred MB until the collector runs).
 */
async function peakDuring<T>(call: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  collect();
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    const value = await call();
    return { value, peakMb: (Math.max(peak, process.memoryUsage().rss) - start) / 1048576 };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Sends a file to every import path and answers their messages; each must be a refusal
 * (validation_failed) and the course file must not change. `peakMb`: the most any one path
 * raised memory.
 */
async function refusals(c: TestCourse, file: ReturnType<typeof wire>): Promise<{ messages: string[]; peakMb: number }> {
  const before = c.fileBytes();
  const messages: string[] = [];
  let peakMb = 0;
  const refused = async (label: string, call: () => Promise<{ code: string; message: string } | undefined>) => {
    const { value: error, peakMb: mb } = await peakDuring(call);
    expect(error?.code, `${label}: ${error?.message}`).toBe('validation_failed');
    messages.push(error!.message);
    peakMb = Math.max(peakMb, mb);
  };
  for (const [method, input] of CALLS) await refused(method, () => c.fail(method, input(file)));
  // As jobs, the two readers (the workbook importer's, and every other importer's).
  for (const kind of ['roster', 'workbook']) await refused(`${kind} job`, () => jobError(c, kind, file));
  expect(c.fileBytes().equals(before)).toBe(true);
  return { messages, peakMb };
}

describe('import limits', () => {
  it('refuses a sheet of 1,048,576 rows on every import path, plainly, in bounded memory', async () => {
    const c = newCourse('ie7374');
    const file = wire('huge.xlsx', tallSheet(1_048_576));
    expect(Buffer.from(file.data, 'base64').length).toBeLessThan(8 * 1024 * 1024);
    const { messages, peakMb } = await refusals(c, file);
    for (const m of messages) expect(m).toMatch(/^The sheet 'Gradebook data' is larger than (100,000|1,000,000) rows; split it/);
    expect(peakMb).toBeLessThan(500);
  });

  it('refuses a 1,000,000-row CSV before parsing it', async () => {
    const c = newCourse('ie7374');
    const lines = ['Student ID,Name,Email'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`${i},"L${i}, F",s${i}@x.edu`);
    const { messages, peakMb } = await refusals(c, wire('huge.csv', lines.join('\n')));
    // The workbook importer reads a CSV only to name what it is; the row limit comes first.
    for (const m of messages) expect(m).toMatch(/^The sheet 'huge' is larger than 100,000 rows; split it into smaller files/);
    expect(peakMb).toBeLessThan(500);
  });

  it('refuses a 400 KB zip that inflates to 400 MB, or that lies about its size, before inflating it', async () => {
    const c = newCourse('ie7374');
    const honest = inflationBomb(400);
    expect(honest.length).toBeLessThan(1024 * 1024);
    const tooLarge = /^The workbook unpacks to more than (128|160) MB of sheet data; split it/;
    for (const [bytes, message] of [
      [honest, tooLarge],
      [inflationBomb(400, 3_000_000_000), tooLarge],
      [inflationBomb(400, 1_000), /^The workbook cannot be read: it is damaged/],
    ] as const) {
      const { messages, peakMb } = await refusals(c, wire('bomb.xlsx', bytes));
      for (const m of messages) expect(m).toMatch(message);
      expect(peakMb).toBeLessThan(500);
    }
  });

  it('refuses too many columns and a cell longer than a spreadsheet cell, with its place', async () => {
    const c = newCourse('ie7374');
    const wide = await c.fail('excel.importRoster', { file: wire('wide.csv', `Student ID,${'x,'.repeat(5_000)}\n1,A\n`) });
    expect(wide.message).toMatch(/^The sheet 'wide' is wider than 2,000 columns \(it has a value in column BXY\)/);
    const long = await c.fail('excel.importRoster', { file: wire('long.csv', `Student ID,Name\n1,"${'a'.repeat(40_000)}"\n`) });
    expect(long.message).toMatch(/^Sheet 'long', row 2, column B holds more than 32,767 characters/);
    const xlsx = tinyXlsx(sheetXml(`<row r="3"><c r="C3" t="inlineStr"><is><t>${'b'.repeat(40_000)}</t></is></c></row>`));
    expect((await c.fail('excel.importScores', { file: wire('long.xlsx', xlsx) })).message).toMatch(
      /^Sheet 'Data', row 3, column C holds more than 32,767 characters/,
    );
  });

  it('reads formatted but empty rows down to row 1,048,576 without counting them', async () => {
    const c = newCourse('ie7374');
    const xlsx = tinyXlsx(
      sheetXml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Student ID</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c></row>' +
          '<row r="2"><c r="A2"><v>7</v></c><c r="B2" t="inlineStr"><is><t>Doe, Jane</t></is></c></row>' +
          '<row r="1048576" s="1"><c r="A1048576" s="1"/></row>',
      ),
    );
    const report = await c.call('excel.importRoster', { file: wire('list.xlsx', xlsx) });
    expect(report.counts.new).toBe(1);
  });

  it('stops reading past its time', () => {
    const late = new ReadBudget(SHEET_LIMITS, Date.now() - SHEET_LIMITS.ms - 1);
    expect(() => late.time()).toThrow(ApiError);
    expect(() => late.time()).toThrow(/^Reading the file took longer than 60 seconds; split it/);
    expect(() => new ReadBudget(SHEET_LIMITS).time()).not.toThrow();
  });

  it('counts the duplicates of a sheet that is one ID 99,999 times (as many rows as a sheet may have) and lists the first 200', async () => {
    const c = newCourse('ie7374');
    const lines = ['Student ID,Name'];
    for (let i = 0; i < 99_999; i++) lines.push(`007,"Doe${i}, Jane"`);
    const file = wire('dups.csv', lines.join('\n'));
    const report = await c.call('excel.importRoster', { file, dryRun: true });
    expect(report.counts).toMatchObject({ error: 99_998, new: 1 });
    expect(report.problems).toHaveLength(LISTED_PROBLEMS + 1);
    expect(report.problems[0]).toMatchObject({ row: 3, message: 'Duplicate student ID 007: it is also on row 2.' });
    expect(report.problems[LISTED_PROBLEMS - 1]).toMatchObject({ row: 202 });
    expect(report.problems.at(-1)!.message).toBe(
      '…and 99,798 more problems (99,998 errors and 0 warnings in all; the first 200 are listed). Fix these and check the file again.',
    );
    const refusal = await c.fail('excel.importRoster', { file });
    expect(refusal.message).toMatch(/^The file has 99,998 problems; nothing was imported\. .*…and 99,995 more\.$/);
    expect((refusal.details as { problems: unknown[] }).problems).toHaveLength(LISTED_PROBLEMS + 1);
  });
});
