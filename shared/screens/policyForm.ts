/**
 * The Settings screen's form: the course policy as editable text fields, and back. Number
 * fields stay strings while the instructor types, so a half-typed "9." is not lost; converting
 * back reports every field that is not a number, in words, and builds nothing then.
 */
import type { CategoryDraft } from '../api/policy';
import { validatePolicy } from '../grading/validate';
import type { CourseInfo } from '../model/course';
import type { AttendanceRule, Category, CategoryKind, LateStep, Policy } from '../model/policy';
import { parseNumber } from './fields';

export interface CategoryRow {
  id?: number;
  name: string;
  weight: string;
  dropLowest: string;
  dropHighest: string;
  equalWeightItems: boolean;
  kind: CategoryKind;
}
export interface BandRow {
  letter: string;
  min: string;
}
export interface LateStepRow {
  upToHours: string;
  deduction: string;
  per: LateStep['per'];
}
export type RoundingChoice = 'none' | '0' | '1' | '2';

export interface PolicyForm {
  courseName: string;
  grading: Policy['grading'];
  categories: CategoryRow[];
  bands: BandRow[];
  rounding: RoundingChoice;
  lateBasis: Policy['late']['basis'];
  lateSteps: LateStepRow[];
  /** Empty: no floor / no cut-off. */
  floorPercent: string;
  cutoffHours: string;
  timeZone: string;
  defaultDueTime: string;
  present: string;
  late: string;
  absent: string;
  excusedCounts: boolean;
  freeAbsences: string;
  lowThreshold: string;
  attendanceScope: AttendanceRule['scope'];
  unmarked: AttendanceRule['unmarked'];
  borderlineDistance: string;
  /** Missing work scores missingPercent of points possible (marked missing, or ungraded past due). */
  missingEnabled: boolean;
  missingPercent: string;
  confirmExtraCredit: boolean;
}

const text = (n: number | null) => (n === null ? '' : String(n));

export function policyToForm(info: CourseInfo, policy: Policy, categories: readonly Category[]): PolicyForm {
  return {
    courseName: info.name,
    grading: policy.grading,
    categories: [...categories]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({
        id: c.id,
        name: c.name,
        weight: text(c.weight),
        dropLowest: text(c.dropLowest),
        dropHighest: text(c.dropHighest),
        equalWeightItems: c.equalWeightItems,
        kind: c.kind,
      })),
    bands: policy.bands.map((b) => ({ letter: b.letter, min: text(b.min) })),
    rounding: policy.rounding.mode === 'none' ? 'none' : (String(policy.rounding.decimals) as RoundingChoice),
    lateBasis: policy.late.basis,
    lateSteps: policy.late.steps.map((s) => ({ upToHours: text(s.upToHours), deduction: text(s.deduction), per: s.per })),
    floorPercent: text(policy.late.floorPercent),
    cutoffHours: text(policy.late.cutoffHours),
    timeZone: policy.timeZone,
    defaultDueTime: policy.defaultDueTime,
    present: text(policy.attendance.present),
    late: text(policy.attendance.late),
    absent: text(policy.attendance.absent),
    excusedCounts: policy.attendance.excusedCounts,
    freeAbsences: text(policy.attendance.freeAbsences),
    lowThreshold: text(policy.attendance.lowThreshold),
    attendanceScope: policy.attendance.scope,
    unmarked: policy.attendance.unmarked,
    borderlineDistance: text(policy.borderlineDistance),
    missingEnabled: policy.missingWork.enabled,
    missingPercent: text(policy.missingWork.percent),
    confirmExtraCredit: policy.confirmExtraCredit,
  };
}

/** Sum of the category weights as typed (fields that are not numbers count 0). */
export function weightTotal(rows: readonly CategoryRow[]): number {
  // Summed in hundredths so 33.33 + 33.33 + 33.34 shows as 100, not 99.99999999999999.
  return rows.reduce((s, r) => s + Math.round((parseNumber(r.weight) ?? 0) * 100), 0) / 100;
}

/** The live message under the weights; null when they total 100 or grading is by points. */
export function weightMessage(form: Pick<PolicyForm, 'grading' | 'categories'>): string | null {
  if (form.grading !== 'weighted') return null;
  const total = weightTotal(form.categories);
  if (total === 100) return null;
  const diff = Math.round(Math.abs(100 - total) * 100) / 100;
  return `The weights total ${total}%, ${diff}% ${total < 100 ? 'short of' : 'over'} 100%. Change them so they total exactly 100%.`;
}

export type FormResult =
  { ok: true; info: Pick<CourseInfo, 'name'>; policy: Policy; categories: CategoryDraft[] } | { ok: false; errors: string[] };

/** Converts the form back to a policy; every field that is not a number is named in `errors`. */
export function formToPolicy(form: PolicyForm): FormResult {
  const errors: string[] = [];
  const num = (s: string, where: string): number => {
    const n = parseNumber(s);
    if (n === null) errors.push(`${where}: "${s}" is not a number. Type a number such as 10.`);
    return n ?? 0;
  };
  const optional = (s: string, where: string): number | null => (s.trim() === '' ? null : num(s, where));
  const percent = (s: string, where: string): number => {
    const n = num(s, where);
    if (n < 0 || n > 100) errors.push(`${where}: use a percentage from 0 to 100.`);
    return n;
  };
  const whole = (s: string, where: string): number => {
    const n = num(s, where);
    if (!Number.isInteger(n) || n < 0) errors.push(`${where}: use a whole number, 0 or more.`);
    return n;
  };

  if (!form.courseName.trim()) errors.push('Course name: a name is required.');
  const categories: CategoryDraft[] = form.categories.map((c, i) => {
    const where = `Category ${i + 1}${c.name.trim() ? ` (${c.name.trim()})` : ''}`;
    if (!c.name.trim()) errors.push(`${where}: a name is required.`);
    return {
      ...(c.id !== undefined ? { id: c.id } : {}),
      name: c.name.trim(),
      weight: num(c.weight, `${where}, weight`),
      dropLowest: whole(c.dropLowest, `${where}, drop lowest`),
      dropHighest: whole(c.dropHighest, `${where}, drop highest`),
      equalWeightItems: c.equalWeightItems,
      kind: c.kind,
    };
  });
  if (categories.length === 0) errors.push('Categories: add at least one category.');
  const bands = form.bands.map((b, i) => {
    if (!b.letter.trim()) errors.push(`Band ${i + 1}: a letter is required.`);
    return { letter: b.letter.trim(), min: num(b.min, `Band ${b.letter.trim() || i + 1}, from`) };
  });
  if (bands.length === 0) errors.push('Bands: add at least one letter band.');
  const steps = form.lateSteps.map((s, i) => ({
    upToHours: num(s.upToHours, `Late step ${i + 1}, up to hours`),
    deduction: num(s.deduction, `Late step ${i + 1}, deduction`),
    per: s.per,
  }));
  const policy: Policy = {
    grading: form.grading,
    timeZone: form.timeZone,
    defaultDueTime: form.defaultDueTime,
    rounding: form.rounding === 'none' ? { mode: 'none' } : { mode: 'half-up', decimals: Number(form.rounding) as 0 | 1 | 2 },
    bands,
    late: {
      basis: form.lateBasis,
      steps,
      floorPercent: optional(form.floorPercent, 'Late work floor'),
      cutoffHours: optional(form.cutoffHours, 'Late work cut-off'),
    },
    attendance: {
      present: num(form.present, 'Attendance credit for present'),
      late: num(form.late, 'Attendance credit for late'),
      absent: num(form.absent, 'Attendance credit for absent'),
      excusedCounts: form.excusedCounts,
      freeAbsences: whole(form.freeAbsences, 'Free absences'),
      lowThreshold: num(form.lowThreshold, 'Low attendance threshold'),
      scope: form.attendanceScope,
      unmarked: form.unmarked,
    },
    borderlineDistance: num(form.borderlineDistance, 'Borderline distance'),
    missingWork: { enabled: form.missingEnabled, percent: form.missingEnabled ? percent(form.missingPercent, 'Missing work score') : 0 },
    confirmExtraCredit: form.confirmExtraCredit,
  };
  // Contradictions the engine cannot honour are refused here, in the engine's words.
  const drafts = categories.map((c, position) => ({ ...c, id: c.id ?? -1 - position, position }));
  for (const p of validatePolicy(policy, drafts)) if (p.code === 'equal_weight_points') errors.push(p.message);
  if (errors.length) return { ok: false, errors };
  return { ok: true, info: { name: form.courseName.trim() }, policy, categories };
}

/** The policy with edited band cut-offs, for previewing a distribution before saving. */
export function withBands(policy: Policy, rows: readonly BandRow[]): Policy | null {
  const bands = rows.map((r) => ({ letter: r.letter.trim(), min: parseNumber(r.min) }));
  if (bands.some((b) => b.min === null || !b.letter)) return null;
  return { ...policy, bands: bands.map((b) => ({ letter: b.letter, min: b.min! })) };
}
