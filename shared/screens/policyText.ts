/** A course policy's changes in words, one line per rule that changed: "Time zone: America/New_York → Europe/Paris". */
import { fmtPoints } from '../grading/format';
import { plural } from '../text/words';
import { clockText } from '../time/format';
import type { Band, LateStep, Policy, RubricCriterion, Rounding } from '../model/policy';

type Show = (v: never) => string;

const yesNo = (v: boolean) => (v ? 'yes' : 'no');
const percent = (v: number) => `${fmtPoints(v)}%`;
const share = (v: number) => `${fmtPoints(v * 100)}%`;
const hours = (v: number | null) => (v === null ? 'none' : `${fmtPoints(v)} h`);
const PER = { flat: 'once', hour: 'per hour', day: 'per day' } as const;

/** Each rule of the policy by its path, with its label and how its value reads. */
const RULES: Record<string, { label: string; show?: Show }> = {
  grading: { label: 'Grading', show: (v: Policy['grading']) => (v === 'weighted' ? 'weighted categories' : 'total points') },
  timeZone: { label: 'Time zone' },
  defaultDueTime: { label: 'Default due time', show: clockText },
  rounding: {
    label: 'Rounding',
    show: (r: Rounding) => (r.mode === 'none' ? 'none' : `half up to ${plural(r.decimals, 'decimal')}`),
  },
  bands: { label: 'Letter bands', show: (b: Band[]) => b.map((x) => `${x.letter} ${fmtPoints(x.min)}`).join(', ') },
  'late.basis': { label: 'Late penalty taken from', show: (v: 'earned' | 'possible') => `points ${v}` },
  'late.steps': {
    label: 'Late penalties',
    show: (s: LateStep[]) =>
      s.map((x) => `up to ${fmtPoints(x.upToHours)} h late ${fmtPoints(x.deduction)}% ${PER[x.per]}`).join('; ') || 'none',
  },
  'late.floorPercent': { label: 'Late work never below', show: (v: number | null) => (v === null ? 'no floor' : percent(v)) },
  'late.cutoffHours': { label: 'Late work not accepted after', show: hours },
  'attendance.present': { label: 'Attendance credit when present', show: share },
  'attendance.late': { label: 'Attendance credit when late', show: share },
  'attendance.absent': { label: 'Attendance credit when absent', show: share },
  'attendance.excusedCounts': { label: 'Excused sessions count', show: yesNo },
  'attendance.freeAbsences': { label: 'Free absences', show: (v: number) => fmtPoints(v) },
  'attendance.lowThreshold': { label: 'Low attendance below', show: percent },
  'attendance.scope': {
    label: 'Attendance counts',
    show: (v: 'to-date' | 'term') => (v === 'term' ? 'the whole term' : 'sessions to date'),
  },
  'attendance.unmarked': {
    label: 'Sessions without a mark',
    show: (v: 'not-counted' | 'absent') => (v === 'absent' ? 'absent' : 'not counted'),
  },
  borderlineDistance: { label: 'Borderline within', show: (v: number) => `${fmtPoints(v)} points` },
  'presentations.rubric': {
    label: 'Presentation rubric',
    show: (r: RubricCriterion[]) => r.map((c) => `${c.name} ${fmtPoints(c.points)}`).join(', '),
  },
  'presentations.absentPresenter': {
    label: 'Absent presenters get',
    show: (v: 'team' | 'zero' | 'excused') => ({ team: 'the team grade', zero: 0, excused: 'excused' })[v].toString(),
  },
  confirmExtraCredit: { label: 'Ask before saving a score above points possible', show: yesNo },
  'missingWork.enabled': { label: 'Missing work scores a share', show: yesNo },
  'missingWork.percent': { label: 'Missing work scores', show: percent },
};

/** The rules a policy holds, by path (RULES' keys): nested objects are opened, arrays and unions read whole. */
function rules(p: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (p === null || typeof p !== 'object') return out;
  for (const [k, v] of Object.entries(p)) {
    const path = prefix + k;
    if (!(path in RULES) && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of rules(v, `${path}.`)) out.set(pk, pv);
    } else out.set(path, v);
  }
  return out;
}

/** Whether a policy path has words of its own (the unit test holds every rule of the preset to this). */
export const ruleLabel = (path: string) => RULES[path]?.label;

export function policyChanges(before: unknown, after: unknown): string[] {
  const b = rules(before);
  const a = rules(after);
  const lines: string[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const was = b.get(path);
    const now = a.get(path);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const rule = RULES[path] ?? { label: path };
    const show = (v: unknown) => (v === undefined ? 'not set' : rule.show ? (rule.show as (x: unknown) => string)(v) : String(v));
    lines.push(`${rule.label}: ${show(was)} → ${show(now)}`);
  }
  return lines;
}
