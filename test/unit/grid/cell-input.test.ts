import { describe, expect, it } from 'vitest';
import { cellText, parseCellInput } from '@shared/grid';

describe('typed cell text', () => {
  it.each([
    ['9.5', { value: 9.5, status: null }],
    [' 10 ', { value: 10, status: null }],
    ['0', { value: 0, status: null }],
    ['.5', { value: 0.5, status: null }],
    ['+2', { value: 2, status: null }],
    ['-0', { value: 0, status: null }],
    ['15', { value: 15, status: null }],
    ['9,5', { value: 9.5, status: null }],
    ['', { value: null, status: null }],
    ['   ', { value: null, status: null }],
  ])('%j sets the points', (text, patch) => {
    expect(parseCellInput(text)).toEqual({ ok: true, patch });
  });

  it.each(['EX', 'ex', 'Ex', 'excused', 'EXCUSED'])('%j marks the cell excused', (text) => {
    expect(parseCellInput(text)).toEqual({ ok: true, patch: { status: 'excused' } });
  });
  it.each(['MI', 'mi', 'missing'])('%j marks the cell missing', (text) => {
    expect(parseCellInput(text)).toEqual({ ok: true, patch: { status: 'missing' } });
  });

  it('refuses words with a message that says what to type', () => {
    const r = parseCellInput('ten');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("'ten' is not a score");
      expect(r.message).toContain('EX for excused');
    }
  });
  it.each(['-2', '-0.5', '-9,5'])('refuses the negative %j at once, saying a score cannot be below 0', (text) => {
    const r = parseCellInput(text);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toBe(`'${text}' is negative: a score cannot be below 0. Type the points earned, 0 or more.`);
  });
  it('refuses a comma that may be a thousands separator', () => {
    const r = parseCellInput('1,000');
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('ambiguous');
  });
  it.each(['9.5.1', '1e3', '95%', 'NaN', 'Infinity'])('refuses %j', (text) => {
    expect(parseCellInput(text).ok).toBe(false);
  });
  it('refuses absurdly large numbers', () => {
    expect(parseCellInput('1000001').ok).toBe(false);
  });

  it('writes cells back as typed: points without trailing zeros, codes for statuses', () => {
    expect(cellText(9.5, null)).toBe('9.5');
    expect(cellText(10, null)).toBe('10');
    expect(cellText(null, null)).toBe('');
    expect(cellText(7, 'excused')).toBe('EX');
    expect(cellText(null, 'missing')).toBe('MI');
  });
});
