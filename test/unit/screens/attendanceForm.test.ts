import { describe, expect, it } from 'vitest';
import { MeetingPattern } from '@shared/api';
import { formToPattern, formToSession, parseSkipped, patternToForm, type PatternForm } from '@shared/screens/attendanceForm';

const form: PatternForm = {
  weekdays: [4, 2, 2],
  start: '09:50',
  end: '11:30',
  first: '2026-09-08',
  last: '2026-12-10',
  skip: '2026-11-26 Thanksgiving\n\n2026-10-12 to 2026-10-16 Fall break',
  title: 'Session {n}',
};

describe('formToPattern', () => {
  it('gives the API a valid meeting pattern, weekdays sorted once each', () => {
    const r = formToPattern(form);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pattern).toEqual({
      weekdays: [2, 4],
      start: '09:50',
      end: '11:30',
      first: '2026-09-08',
      last: '2026-12-10',
      skip: [
        { from: '2026-11-26', label: 'Thanksgiving' },
        { from: '2026-10-12', to: '2026-10-16', label: 'Fall break' },
      ],
      title: 'Session {n}',
    });
    expect(MeetingPattern.safeParse(r.pattern).success).toBe(true);
  });

  it('names every field that is missing or out of order', () => {
    const r = formToPattern({ ...form, weekdays: [], end: '09:00', last: '2026-09-01', skip: '2026-02-30' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.weekdays).toBe('Choose the weekdays the class meets.');
    expect(r.errors.end).toBe('The end time must be after the start time.');
    expect(r.errors.last).toBe('The last date must be on or after the first date.');
    expect(r.errors.skip).toMatch(/line 1 \('2026-02-30'\) is not a date/);
    expect(formToPattern({ ...form, start: '' }).ok).toBe(false);
  });

  it('round-trips through the form, for the last pattern used as defaults', () => {
    const r = formToPattern(form);
    if (!r.ok) throw new Error('expected a pattern');
    expect(formToPattern(patternToForm(r.pattern))).toEqual(r);
    expect(patternToForm(null).title).toBe('Session {n}');
  });
});

describe('parseSkipped', () => {
  it('reads a dash or en dash range too, and refuses a range that ends before it starts', () => {
    expect(parseSkipped('2027-03-08 – 2027-03-12 Spring break')).toEqual({
      ok: true,
      skip: [{ from: '2027-03-08', to: '2027-03-12', label: 'Spring break' }],
    });
    expect(parseSkipped('2027-03-08 - 2027-03-12')).toEqual({ ok: true, skip: [{ from: '2027-03-08', to: '2027-03-12' }] });
    expect(parseSkipped('2027-03-12 to 2027-03-08')).toEqual({ ok: false, message: 'Skipped days: line 1 ends before it starts.' });
    expect(parseSkipped('spring break').ok).toBe(false);
  });
});

describe('formToSession', () => {
  it('clears empty fields and keeps the texts trimmed', () => {
    expect(
      formToSession({ date: '2026-09-08', start: '', end: '', title: ' ', topic: '2.3 Data Quality and Validation ', note: '' }),
    ).toEqual({
      ok: true,
      fields: { date: '2026-09-08', start: null, end: null, title: null, topic: '2.3 Data Quality and Validation', note: null },
    });
  });
  it('asks for a date and a start before an end', () => {
    const r = formToSession({ date: '', start: '', end: '10:00', title: '', topic: '', note: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({ date: 'Give the session date.', end: 'Give a start time too, or leave both empty.' });
  });
});
