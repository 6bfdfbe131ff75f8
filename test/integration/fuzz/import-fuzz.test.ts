/**
 * Malformed files against every import path: truncated and bit-flipped zips and CSVs,
 * inflation bombs, entity expansion, NUL bytes, huge fields, wrong encodings, CSV oddities.
 * Each file goes to excel.inspect and to the four importers, previewed and real. Every answer is
 * a report or a clear refusal (never internal), a refusal leaves the course file as it was, and
 * memory stays bounded. FUZZ_RUNS sets the number of files (`npm run fuzz` runs thousands),
 * FUZZ_SEED replays a run.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@shared/util/random';
import { exportWorkbook } from '../../../main/backend/excel';
import { DATA_SHEET } from '../../../main/backend/excel/workbook-format';
import { FIXTURES, tinyXlsx } from '../excel/helpers';
import { newCourse, type TestCourse } from '../workspace/helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, list: readonly T[]): T => list[int(random, list.length)]!;

const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
).join('')}]>`;

/** Valid files of each kind the importers read, to be broken. */
function seeds(workbook: Uint8Array): Uint8Array[] {
  const read = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
  return [
    read('class-list.csv'),
    read('class-list-libreoffice.xlsx'),
    read('canvas-gradebook-export.csv'),
    read('canvas-gradebook-export-semicolon.csv'),
    workbook,
  ];
}

/** One malformed file: a seed broken one way, or a file made wrong from the start. */
const MUTATIONS: ((random: Random, seed: Uint8Array) => Uint8Array)[] = [
  // Truncated anywhere (a zip loses its directory, a CSV its last quote).
  (random, seed) => seed.slice(0, int(random, seed.length)),
  // Bit flips.
  (random, seed) => {
    const out = seed.slice();
    for (let n = 1 + int(random, 20); n > 0; n--) out[int(random, out.length)]! ^= 1 << int(random, 8);
    return out;
  },
  // Bytes overwritten with NULs or 0xFF runs.
  (random, seed) => {
    const out = seed.slice();
    out.fill(random() < 0.5 ? 0 : 0xff, int(random, out.length), int(random, out.length));
    return out;
  },
  // A zip whose parts claim any size, or lie about where they are.
  (random) =>
    tinyXlsx('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>', undefined, {
      [pick(random, ['xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'])]: pick(random, [
        { declaredSize: int(random, 2 ** 32) },
        { declaredSize: 0 },
        { localOffset: int(random, 2 ** 31) },
        { deflate: false, declaredSize: 1 },
      ]),
    }),
  // An inflation bomb: at most 1 MB that inflates to up to 1 GB, declared truthfully or not.
  (random) => {
    const megabytes = pick(random, [2, 16, 300, 1000]);
    const block = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, '<'), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const deflated = Buffer.concat([...Array<Buffer>(megabytes).fill(block), zlib.deflateRawSync(Buffer.alloc(0))]);
    const declaredSize = random() < 0.5 ? megabytes * 1024 * 1024 : int(random, 2 ** 32);
    return tinyXlsx('<worksheet/>', undefined, {
      [pick(random, ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'])]: { deflated, declaredSize },
    });
  },
  // XML entity expansion (billion laughs) in the strings, the sheet or the workbook.
  (random) => {
    const sheet = `${BILLION_LAUGHS}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c><c r="B1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const strings = `${BILLION_LAUGHS}<sst><si><t>&lol9;&lol8;</t></si></sst>`;
    return tinyXlsx(random() < 0.5 ? sheet : '<worksheet/>', strings);
  },
  // Tags never closed, or nested without end.
  (random) => {
    const row = pick(random, [
      '<row r="1"><c r="A1"><v>1</v>',
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      '<row r="2000000"/>',
      '<row r="-1"/>',
    ]);
    return tinyXlsx(`<worksheet><sheetData>${row.repeat(1 + int(random, 5000))}</sheetData></worksheet>`);
  },
  // The full workbook's data sheet with a huge JSON cell or junk rows.
  (random) => {
    const cell = pick(random, ['{'.repeat(100_000), `{"id":${'9'.repeat(400)}}`, 'null', '[]', '\u0000']);
    const workbook = `<workbook xmlns:r="r"><sheets><sheet name="${DATA_SHEET}" r:id="rId1"/></sheets></workbook>`;
    const sheet = `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>gradebook-workbook</t></is></c><c><v>1</v></c></row><row r="2"><c t="inlineStr"><is><t>${pick(random, ['student', 'score', 'course', 'x'])}</t></is></c><c t="inlineStr"><is><t>${cell.replace(/[<&]/g, '')}</t></is></c></row></sheetData></worksheet>`;
    return tinyXlsx(sheet, undefined, { 'xl/workbook.xml': { text: workbook } });
  },
  // Huge fields and rows in a CSV.
  (random) => {
    const field = 'x'.repeat(pick(random, [32_768, 1_000_000, 5_000_000]));
    return new TextEncoder().encode(
      pick(random, [`Student ID,Name\n1,"${field}"\n`, `Student ID,Name\n${field}\n`, `${','.repeat(5000)}\n1\n`]),
    );
  },
  // Wrong encodings: UTF-16 (with and without BOM), Latin-1 bytes, random bytes.
  (random, seed) => {
    const text = new TextDecoder().decode(seed.slice(0, 4000));
    switch (int(random, 4)) {
      case 0:
        return new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
      case 1:
        return new Uint8Array(Buffer.from(text, 'utf16le'));
      case 2:
        return new Uint8Array(Buffer.from(text, 'latin1'));
      default:
        return new Uint8Array(Array.from({ length: 1 + int(random, 4000) }, () => int(random, 256)));
    }
  },
  // CSV oddities: an unclosed quote, lone CRs, stray quotes, only separators, a BOM alone, blank lines.
  (random) =>
    new TextEncoder().encode(
      pick(random, [
        'Student ID,Name\n1,"Doe, Jane\n2,Roe\n',
        'Student ID,Name\r1,"Doe, Jane"\r2,Roe\r',
        'Student ID,Name\n1,Do"e, "Jane\n',
        ';;;;\n,,,,\n\t\t\t\n',
        '\ufeff',
        '\n\n\n\n',
        'Student ID,Name\n\u0000\u0000\u0000,x\n',
        '"","",""\n"""\n',
        'sep=;\nStudent ID;Name\n1;"A; B"\n',
      ]),
    ),
];

/** Every import path, as the app calls it; `real` marks the ones that may write. */
const CALLS: { method: string; input: (file: object) => object; real: boolean }[] = [
  { method: 'excel.inspect', input: (file) => ({ file }), real: false },
  ...['excel.importRoster', 'excel.importScores', 'excel.importCanvas', 'excel.importWorkbook'].flatMap((method) => [
    { method, input: (file: object) => ({ file, dryRun: true }), real: false },
    { method, input: (file: object) => ({ file }), real: true },
  ]),
];

async function feed(c: TestCourse, bytes: Uint8Array, label: string): Promise<void> {
  const file = { name: 'fuzz.xlsx', data: Buffer.from(bytes).toString('base64') };
  for (const { method, input, real } of CALLS) {
    const before = c.fileBytes();
    const envelope = await c.call(method as never, input(file) as never).then(
      () => null,
      (err: { code: string; message: string }) => err,
    );
    if (envelope === null) {
      // A file that is still a valid spreadsheet may import; a preview never writes.
      if (!real) expect(c.fileBytes().equals(before), `${label} ${method} preview wrote`).toBe(true);
      continue;
    }
    expect(envelope.code, `${label} ${method}: ${envelope.message}`).toMatch(/^(validation_failed|conflict)$/);
    expect(envelope.message.length, `${label} ${method}`).toBeGreaterThan(20);
    expect(envelope.message, `${label} ${method}`).toMatch(/nothing was (imported|changed)|not changed/i);
    expect(c.fileBytes().equals(before), `${label} ${method} refused but wrote`).toBe(true);
  }
}

describe('imports under malformed files (fuzz)', () => {
  it(
    `refuses ${RUNS} malformed files on every import path plainly, in bounded memory, changing nothing`,
    async () => {
      const c = newCourse('ie7374', { demo: true });
      const workbook = (await exportWorkbook(c.workspace.course!)).bytes;
      const corpus = seeds(workbook);
      const random = seededRandom(SEED);
      const start = process.memoryUsage().rss;
      let peak = start;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      try {
        for (let run = 0; run < RUNS; run++) {
          const mutation = int(random, MUTATIONS.length);
          const bytes = MUTATIONS[mutation]!(random, pick(random, corpus));
          await feed(c, bytes, `FUZZ_SEED=${SEED} file ${run} (mutation ${mutation})`);
        }
      } finally {
        clearInterval(sampler);
      }
      // Over the whole corpus, not per file (limits.test.ts holds each huge file under 500 MiB):
      // the worker threads' heaps are collected lazily, and Node 24 lets rss grow further
      // between collections, so the bound here is the process staying well clear of a crash.
      expect((peak - start) / 1048576, `FUZZ_SEED=${SEED}`).toBeLessThan(1024);
    },
    120_000 + RUNS * 3_000,
  );
});
