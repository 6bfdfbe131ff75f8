import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../main/backend/excel';
import { ReadBudget, SHEET_LIMITS } from '../../../main/backend/excel/limits';
import { readXlsxSheets } from '../../../main/backend/excel/xlsx-parts';
import { ApiError } from '@shared/api/envelope';
import { newCourse, refused, tempDir, tinyXlsx, zipOf } from './helpers';

const read = (bytes: Uint8Array) => readXlsxSheets(bytes, ['Data'], new ReadBudget(SHEET_LIMITS)).get('Data')!.rows;
const sheet = (rows: string, prefix = '') => `<${prefix}worksheet><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

/** The plain refusal every broken file must get (never "Unexpected error: Offset is outside the bounds"). */
function expectInvalid(bytes: Uint8Array): void {
  let error: unknown;
  try {
    read(bytes);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).message).toMatch(/damaged \(or not a valid \.xlsx file\).*Nothing was imported/);
}

describe('reading sheet XML', () => {
  it('reads t="d" cells as dates (an ISO date without a zone as UTC)', () => {
    const rows = read(
      tinyXlsx(sheet('<row r="1"><c r="A1" t="d"><v>2026-03-15T00:00:00Z</v></c><c r="B1" t="d"><v>2026-03-16</v></c></row>')),
    );
    expect(rows[0]).toEqual([new Date('2026-03-15T00:00:00Z'), new Date('2026-03-16T00:00:00Z')]);
  });

  it('reads single-quoted attributes', () => {
    const bytes = tinyXlsx(
      sheet(`<row r='2'><c r='B2' t='s'><v>1</v></c><c r='C2'><v>7</v></c></row>`),
      '<sst><si><t>a</t></si><si><t>b</t></si></sst>',
    );
    expect(read(bytes)).toEqual([[], [null, 'b', 7]]);
  });

  it('keeps shared-string indexes right with <si > and namespace-prefixed tags', () => {
    const strings =
      '<x:sst xmlns:x="m"><x:si><x:t>Ada</x:t></x:si><si ><t>Grace</t></si><si><r><t>Ka</t></r><r><t xml:space="preserve">tie</t></r><rPh><t>ignored</t></rPh></si></x:sst>';
    const rows = read(
      tinyXlsx(
        sheet(
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>2</x:v></x:c></x:row>',
          'x:',
        ),
        strings,
      ),
    );
    expect(rows).toEqual([['Ada', 'Grace', 'Katie']]);
  });

  it('decodes entities in one pass: &#38;amp; is "&amp;", not "&"', () => {
    const rows = read(
      tinyXlsx(
        sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&lt;b&gt; &amp;lt; &#x41;_x0042_</t></is></c></row>'),
        '<sst><si><t>R&#38;amp;D</t></si></sst>',
      ),
    );
    expect(rows[0]).toEqual(['R&amp;D', '<b> &lt; AB']);
  });

  it('decodes the named entities of text with neither &amp; nor a numeric reference (JSON in the data sheet)', () => {
    const rows = read(
      tinyXlsx(
        sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>{&quot;a&quot;:&quot;&lt;&apos;x&apos;&gt;&quot;,&quot;b&quot;:&bogus;}</t></is></c></row>',
        ),
      ),
    );
    expect(rows[0]).toEqual([`{"a":"<'x'>","b":&bogus;}`]);
  });

  it('finds cells and attributes however they are spaced, and not in tags or attributes whose names only start alike', () => {
    const rows = read(
      tinyXlsx(
        sheet(
          `<row r = "1" spans="1:3"><c xr="C1" r ='B1'\n t= "str"><v>b</v></c><cc r="A1"><v>x</v></cc><c r="C1"/><c r="D1"><vv>9</vv><v>4</v></c></row><rows r="2"><c r="A2"><v>1</v></c></rows><row r="3"><c\tr="A3" s="0"><v>3</v></c></row>`,
        ),
      ),
    );
    expect(rows).toEqual([[null, 'b', null, 4], [], [3]]);
  });

  it('refuses unclosed rows and cells at once instead of scanning the rest of the file for each', () => {
    const unclosed = '<row r="1"><c r="A1"><v>1</v></c>'.repeat(60_000);
    const started = Date.now();
    expectInvalid(tinyXlsx(sheet(unclosed).replace('</sheetData>', '')));
    expectInvalid(tinyXlsx(sheet(`<row r="1">${'<c r="A1"><v>1</v>'.repeat(60_000)}</row>`)));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('reading the zip', () => {
  const good = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');

  it('reads a well-formed hand-made file', () => {
    expect(read(tinyXlsx(good))).toEqual([[1]]);
  });

  it('refuses a part that inflates to more than it declares (a zip bomb), without inflating it all', () => {
    expectInvalid(tinyXlsx(`${good}${' '.repeat(5_000_000)}`, undefined, { 'xl/worksheets/sheet1.xml': { declaredSize: 1_000 } }));
  });

  it('refuses a part declared larger than any sheet we read', () => {
    expectInvalid(tinyXlsx(good, undefined, { 'xl/worksheets/sheet1.xml': { declaredSize: 0xffffffff } }));
  });

  it('refuses local header offsets and sizes outside the file', () => {
    expectInvalid(tinyXlsx(good, undefined, { 'xl/worksheets/sheet1.xml': { localOffset: 0x7fffffff } }));
    expectInvalid(tinyXlsx(good, undefined, { 'xl/workbook.xml': { localOffset: 3 } }));
    // A stored part whose directory entry claims more bytes than the file has.
    const long = Buffer.from(zipOf([{ path: 'xl/workbook.xml', text: 'x'.repeat(200), deflate: false }]));
    const centralEntry = 30 + 'xl/workbook.xml'.length + 200;
    long.writeUInt32LE(0xffff, centralEntry + 20);
    expectInvalid(new Uint8Array(long));
  });

  it('answers a crafted workbook with a plain problem through the import', async () => {
    const course = newCourse(tempDir());
    const file = { name: 'bomb.xlsx', bytes: tinyXlsx(good, undefined, { 'xl/workbook.xml': { localOffset: 0x7fffffff } }) };
    const result = await refused(() => importWorkbook(course, file));
    expect(result.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/damaged \(or not a valid \.xlsx file\)/) }),
    ]);
  });
});
