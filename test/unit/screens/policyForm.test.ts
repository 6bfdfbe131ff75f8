import { describe, expect, it } from 'vitest';
import { parseNumber } from '@shared/screens/fields';
import { formToPolicy, policyToForm, weightMessage, weightTotal, withBands } from '@shared/screens/policyForm';
import { IE7374_CATEGORIES, IE7374_COURSE, IE7374_POLICY, type Category } from '@shared/model';

const categories: Category[] = IE7374_CATEGORIES.map((c, i) => ({ ...c, id: i + 1, position: i }));

describe('policy form', () => {
  it('round-trips the preset unchanged', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    const back = formToPolicy(form);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.policy).toEqual(IE7374_POLICY);
    expect(back.categories).toEqual(categories.map(({ position: _p, ...c }) => c));
    expect(back.info.name).toBe(IE7374_COURSE.name);
  });

  it('carries the attendance rule: free absences, threshold, which sessions count, unmarked sessions', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    expect(form).toMatchObject({ freeAbsences: '0', lowThreshold: '80', attendanceScope: 'to-date', unmarked: 'not-counted' });
    const back = formToPolicy({ ...form, freeAbsences: '2', lowThreshold: '75%', attendanceScope: 'term', unmarked: 'absent' });
    expect(back.ok && back.policy.attendance).toEqual({
      ...IE7374_POLICY.attendance,
      freeAbsences: 2,
      lowThreshold: 75,
      scope: 'term',
      unmarked: 'absent',
    });
    const bad = formToPolicy({ ...form, freeAbsences: '1.5', lowThreshold: 'most' });
    expect(bad.ok || bad.errors).toEqual([
      'Free absences: use a whole number, 0 or more.',
      'Low attendance threshold: "most" is not a number. Type a number such as 10.',
    ]);
  });

  it('names every field that is not a number and builds nothing', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    form.categories[0]!.weight = 'ten';
    form.bands[1]!.min = '';
    const back = formToPolicy(form);
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.errors).toEqual([
      'Category 1 (Homeworks), weight: "ten" is not a number. Type a number such as 10.',
      'Band A-, from: "" is not a number. Type a number such as 10.',
    ]);
  });

  it('turns an empty floor and cut-off into "none", and a rounding choice into the policy shape', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    form.cutoffHours = ' ';
    form.rounding = 'none';
    const back = formToPolicy(form);
    expect(back.ok && back.policy.late.cutoffHours).toBeNull();
    expect(back.ok && back.policy.rounding).toEqual({ mode: 'none' });
  });

  it('turns the missing-work setting into the policy, refusing a percentage over 100', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    expect(form).toMatchObject({ missingEnabled: false, missingPercent: '0' });
    form.missingEnabled = true;
    form.missingPercent = '50';
    const back = formToPolicy(form);
    expect(back.ok && back.policy.missingWork).toEqual({ enabled: true, percent: 50 });
    form.missingPercent = '150';
    expect(formToPolicy(form)).toEqual({ ok: false, errors: ['Missing work score: use a percentage from 0 to 100.'] });
  });

  it('refuses equal-weight items under points grading, in words', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    form.grading = 'points';
    form.categories[0]!.equalWeightItems = true;
    expect(formToPolicy(form)).toEqual({
      ok: false,
      errors: [
        '"Homeworks" counts its items equally, which grading by points cannot do. Turn off "Equal-weight items" for it, or grade by weighted categories.',
      ],
    });
  });

  it('shows a live message when weights do not total 100, and none when they do', () => {
    const form = policyToForm(IE7374_COURSE, IE7374_POLICY, categories);
    expect(weightMessage(form)).toBeNull();
    form.categories[0]!.weight = '20';
    expect(weightTotal(form.categories)).toBe(95);
    expect(weightMessage(form)).toBe('The weights total 95%, 5% short of 100%. Change them so they total exactly 100%.');
    form.categories[0]!.weight = '33.33';
    form.categories[1]!.weight = '33.33';
    form.categories[2]!.weight = '33.34';
    form.categories[3]!.weight = '0';
    expect(weightMessage(form)).toBeNull();
    expect(weightMessage({ ...form, grading: 'points', categories: [] })).toBeNull();
  });

  it('parses numbers strictly', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('10%')).toBe(10);
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('9.')).toBe(9);
  });

  it('builds a preview policy with edited cut-offs, or none while one is half-typed', () => {
    const rows = IE7374_POLICY.bands.map((b) => ({ letter: b.letter, min: String(b.min) }));
    rows[0]!.min = '90';
    expect(withBands(IE7374_POLICY, rows)?.bands[0]).toEqual({ letter: 'A', min: 90 });
    rows[0]!.min = 'x';
    expect(withBands(IE7374_POLICY, rows)).toBeNull();
  });
});
