import { describe, expect, it } from 'vitest';
import { toCsv, type CsvCell } from '../../../main/backend/excel/csv-export';

const text = (rows: CsvCell[][], delimiter?: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv(rows, delimiter));

describe('toCsv', () => {
  it('starts with a BOM and ends every row, the last included, with CRLF', () => {
    expect(text([['a', 'b'], ['c']])).toBe('\ufeffa,b\r\nc\r\n');
    expect(text([])).toBe('\ufeff\r\n');
    expect(text([[], ['x']])).toBe('\ufeff\r\nx\r\n');
  });
  it('writes numbers as numbers and null or a non-finite number as an empty field', () => {
    expect(text([[9.5, -3, 0, null, NaN, Infinity, 'EX']])).toBe('\ufeff9.5,-3,0,,,,EX\r\n');
  });
  it('quotes a text cell holding a delimiter, quote, CR, LF, tab or semicolon, or with leading or trailing space', () => {
    const cells = ['a,b', 'say "hi"', 'a\rb', 'a\nb', 'a\tb', 'a;b', ' lead', 'trail ', '\u00a0nbsp'];
    expect(text([cells])).toBe('\ufeff"a,b","say ""hi""","a\rb","a\nb","a\tb","a;b"," lead","trail ","\u00a0nbsp"\r\n');
    expect(text([['plain', 'in side', 'é', "it's"]])).toBe("\ufeffplain,in side,é,it's\r\n");
  });
  it('quotes a cell holding another delimiter', () => {
    expect(text([['a|b', 'c']], '|')).toBe('\ufeff"a|b"|c\r\n');
  });
  it('escapes formula-like text with an apostrophe, quoted only when it needs quotes anyway', () => {
    expect(text([['=1+1', '+a', '-b', '@c', '\tx', '=a,b', '-5']])).toBe("\ufeff'=1+1,'+a,'-b,'@c,\"'\tx\",\"'=a,b\",'-5\r\n");
    expect(text([[-5]])).toBe('\ufeff-5\r\n');
  });
});
