import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '@shared/grid';

describe('TSV from and to spreadsheets', () => {
  it('reads CRLF rows and ignores the trailing newline Excel adds', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });
  it('reads LF rows and a last row without newline', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('keeps empty cells, including trailing ones', () => {
    expect(parseTsv('\t9\t\n')).toEqual([['', '9', '']]);
    expect(parseTsv('\n\n')).toEqual([[''], ['']]);
  });
  it('unquotes cells holding tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"line1\r\nline2"\t"say ""hi"""\r\n')).toEqual([['a\tb', 'line1\r\nline2', 'say "hi"']]);
  });
  it('takes a quote inside an unquoted cell literally', () => {
    expect(parseTsv('5"\t6')).toEqual([['5"', '6']]);
  });
  it('round-trips through formatTsv', () => {
    const rows = [
      ['9.5', 'EX', ''],
      ['tab\there', 'new\nline', 'q"uote'],
    ];
    const text = formatTsv(rows);
    expect(text).toBe('9.5\tEX\t\r\n"tab\there"\t"new\nline"\t"q""uote"');
    expect(parseTsv(text)).toEqual(rows);
  });
  it('reads a lone CR as a row end', () => {
    expect(parseTsv('a\rb\tc\r')).toEqual([['a'], ['b', 'c']]);
  });
  it('keeps one empty row before the trailing newline', () => {
    expect(parseTsv('a\r\n\r\n')).toEqual([['a'], ['']]);
    expect(parseTsv('a\n""')).toEqual([['a'], ['']]);
  });
  it('copies plain cells bare and quotes only tabs, newlines and quotes among them', () => {
    expect(formatTsv([['a;b', 'x,y', 'é'], []])).toBe('a;b\tx,y\té\r\n');
    expect(formatTsv([['a\rb']])).toBe('"a\rb"');
  });
  it('quotes a copied cell with a leading or trailing space (papaparse), which pastes back unchanged', () => {
    const rows = [[' lead', 'trail ', 'in side']];
    const text = formatTsv(rows);
    expect(text).toBe('" lead"\t"trail "\tin side');
    expect(parseTsv(text)).toEqual(rows);
  });
  it('parses nothing from an empty clipboard', () => {
    expect(parseTsv('')).toEqual([]);
  });
});
