/**
 * The attendance category: credit per session from the marks. Current view counts marked
 * sessions only; the final view counts an unmarked session as absent. An excused session leaves
 * the denominator unless `excusedCounts`, in which case it earns full (present) credit.
 * Each session is worth one point (this is what it weighs in points grading).
 */
import type { AttendanceRule } from '../model/policy';
import type { AttendanceMark } from '../model/course';
import { SCALE, toUnits } from './exact';

export interface AttendanceCredits {
  readonly present: number;
  readonly late: number;
  readonly absent: number;
  readonly excusedCounts: boolean;
}

export function prepareAttendance(rule: AttendanceRule): AttendanceCredits {
  return { present: toUnits(rule.present), late: toUnits(rule.late), absent: toUnits(rule.absent), excusedCounts: rule.excusedCounts };
}

export interface AttendanceTotals {
  /** Credit earned, in units. */
  readonly earned: number;
  /** Sessions counted, in units (one point each). */
  readonly possible: number;
  readonly sessions: number;
  readonly marks: Readonly<Record<AttendanceMark | 'unmarked', number>>;
}

export function attendanceTotals(
  marks: readonly (AttendanceMark | undefined)[],
  credits: AttendanceCredits,
  final: boolean,
): AttendanceTotals {
  const count = { present: 0, late: 0, absent: 0, excused: 0, unmarked: 0 };
  for (const m of marks) count[m ?? 'unmarked']++;
  const absent = count.absent + (final ? count.unmarked : 0);
  const excusedCredit = credits.excusedCounts ? count.excused * credits.present : 0;
  const sessions = count.present + count.late + absent + (credits.excusedCounts ? count.excused : 0);
  return {
    earned: count.present * credits.present + count.late * credits.late + absent * credits.absent + excusedCredit,
    possible: sessions * SCALE,
    sessions,
    marks: count,
  };
}
