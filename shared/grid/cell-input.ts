import type { CellPatch } from '../api/scores';

/** What a typed or pasted cell text sets: a score, a status, or nothing (clear). */
export type CellInput = { ok: true; patch: Pick<CellPatch, 'value' | 'status'> } | { ok: false; message: string };

/** Short codes and words an instructor types; case does not matter. */
const CODES: Record<string, Pick<CellPatch, 'value' | 'status'>> = {
  ex: { status: 'excused' },
  excused: { status: 'excused' },
  mi: { status: 'missing' },
  missing: { status: 'missing' },
  exempt: { status: 'exempt' },
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
/** "9,5" from a comma-decimal spreadsheet; three digits after the comma could be thousands. */
const COMMA_DECIMAL = /^[+-]?\d+,\d{1,2}$/;

/**
 * Reads one cell's text. Empty clears the score and status; a number of 0 or more sets the points
 * and clears any status; EX / MI (or the words) set the status and keep the points on record.
 * Points above the item's maximum are allowed (extra credit); negative points are not.
 */
export function parseCellInput(text: string): CellInput {
  const t = text.trim();
  if (t === '') return { ok: true, patch: { value: null, status: null } };
  const code = CODES[t.toLowerCase()];
  if (code) return { ok: true, patch: code };
  let numeric = t;
  if (COMMA_DECIMAL.test(t)) numeric = t.replace(',', '.');
  else if (/^[+-]?\d+,\d{3}$/.test(t)) {
    return {
      ok: false,
      message: `'${t}' is ambiguous: write ${t.replace(',', '')} or ${t.replace(',', '.')} (points, with a dot for decimals).`,
    };
  }
  if (NUMBER.test(numeric)) {
    // "+ 0" turns a typed "-0" into 0.
    const value = Number(numeric) + 0;
    if (value < 0) {
      return {
        ok: false,
        message: `'${t}' is negative: a score cannot be below 0. Type the points earned, 0 or more.`,
      };
    }
    if (Math.abs(value) > 100_000) return { ok: false, message: `'${t}' is too large for a score (at most 100000 points).` };
    return { ok: true, patch: { value, status: null } };
  }
  return {
    ok: false,
    message: `'${t}' is not a score. Type points (e.g. 9.5), EX for excused, MI for missing, or leave it empty to clear.`,
  };
}

/** A cell's text as it is copied out and shown in the editor: points as entered, or the code. */
export function cellText(value: number | null, status: string | null): string {
  if (status === 'excused') return 'EX';
  if (status === 'missing') return 'MI';
  if (status === 'exempt') return 'EXEMPT';
  return value === null ? '' : String(value);
}
