import { describe, expect, it } from 'vitest';
import { cellToForm, formToCell, type CellForm } from '@shared/screens/cellForm';
import { blankScore } from '@shared/model';

const TZ = 'America/New_York';
const empty = cellToForm(undefined, undefined, TZ);
const form = (over: Partial<CellForm>): CellForm => ({ ...empty, ...over });

describe('cell menu form', () => {
  it('reads the submission time in the course zone and clears what is empty', () => {
    const r = formToCell(form({ submittedAt: '2026-09-16T10:00', daysLate: ' ', comment: ' Late by email ' }), TZ, false);
    expect(r.ok && r.patches.own).toEqual({
      integrity: null,
      submittedAt: '2026-09-16T14:00:00.000Z',
      daysLate: null,
      extensionDays: null,
      waiverReason: null,
      comment: 'Late by email',
    });
  });

  it('round-trips a saved cell through the form', () => {
    const saved = {
      ...blankScore(1, 2),
      submittedAt: '2026-09-16T14:00:00.000Z',
      daysLate: 2,
      integrity: { date: '2026-09-20', note: 'Copied' },
    };
    const f = cellToForm(saved, saved, TZ);
    expect(f).toMatchObject({ submittedAt: '2026-09-16T10:00', daysLate: '2', integrityDate: '2026-09-20', integrityNote: 'Copied' });
    const r = formToCell(f, TZ, false);
    expect(r.ok && r.patches.own).toMatchObject({ submittedAt: saved.submittedAt, daysLate: 2, integrity: saved.integrity });
  });

  it.each([
    ['a 6-digit year', '202612-09-15T10:00'],
    ['an impossible date', '2026-02-30T10:00'],
    ['no time', '2026-09-15'],
  ])('names "Submitted at" for %s, never throwing', (_, submittedAt) => {
    const r = formToCell(form({ submittedAt }), TZ, false);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual({
      submittedAt: `Submitted at: '${submittedAt}' is not a real date and time. Type a date with a 4-digit year and a time, or clear the field.`,
    });
  });

  it('says which number is not one, and holds the contract limits', () => {
    const r = formToCell(form({ daysLate: 'two', extensionDays: '400' }), TZ, false);
    expect(!r.ok && r.errors.daysLate).toBe("Days late: 'two' is not a number. Type a number of days, e.g. 2, or leave it empty.");
    expect(r.ok).toBe(false);
    const limit = formToCell(form({ extensionDays: '400' }), TZ, false);
    expect(!limit.ok && limit.errors).toEqual({ extensionDays: 'Extension (days): must be 365 or less.' });
    const negative = formToCell(form({ daysLate: '-1' }), TZ, false);
    expect(!negative.ok && negative.errors).toEqual({ daysLate: 'Days late: must be 0 or more.' });
  });

  it('wants both the date and the note of an integrity finding', () => {
    const noNote = formToCell(form({ integrityDate: '2026-10-01' }), TZ, false);
    expect(!noNote.ok && Object.keys(noNote.errors)).toEqual(['integrityNote']);
    const noDate = formToCell(form({ integrityNote: 'Copied' }), TZ, false);
    expect(!noDate.ok && Object.keys(noDate.errors)).toEqual(['integrityDate']);
  });

  it('on a team item, puts submission fields on the team cell and the adjustment on the member', () => {
    const r = formToCell(form({ daysLate: '1', adjustmentMode: 'delta', adjustmentValue: '-2' }), TZ, true);
    expect(r.ok && r.patches).toEqual({
      shared: { submittedAt: null, daysLate: 1, extensionDays: null, waiverReason: null, comment: null },
      own: { integrity: null, adjustment: { mode: 'delta', value: -2 } },
    });
    const missing = formToCell(form({ adjustmentMode: 'replace' }), TZ, true);
    expect(!missing.ok && missing.errors.adjustmentValue).toBe('Adjustment: enter the points, or choose "No adjustment".');
    // On a student's own item there is no adjustment to set.
    expect(formToCell(form({ adjustmentMode: 'replace' }), TZ, false).ok).toBe(true);
  });
});
