import { legalName, type CourseSnapshot, type Policy } from '@shared/model';
import type { CourseCounts } from '@shared/api/course';
import type { CourseResult } from '@shared/grading';
import { describeAttendanceRule } from '@shared/grading/attendance';

/** Plain-text renderings of course data for the terminal. */

export function formatPolicy(policy: Policy, categories: CourseSnapshot['categories']): string {
  const lines = [`Grading: ${policy.grading === 'weighted' ? 'weighted categories' : 'total points'}`, 'Categories:'];
  for (const c of categories) {
    const drops = [c.dropLowest ? `drop lowest ${c.dropLowest}` : '', c.dropHighest ? `drop highest ${c.dropHighest}` : '']
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${c.name.padEnd(24)} ${String(c.weight).padStart(5)}%${c.kind === 'attendance' ? '  (from attendance)' : ''}${drops ? `  (${drops})` : ''}`,
    );
  }
  lines.push('Letter bands (lower bound inclusive):');
  lines.push('  ' + policy.bands.map((b) => `${b.letter} ≥ ${b.min}`).join(', '));
  lines.push(`Rounding before lookup: ${policy.rounding.mode === 'none' ? 'none' : `half-up to ${policy.rounding.decimals} decimals`}`);
  const late = policy.late;
  const steps = late.steps.map(
    (s) => `up to ${s.upToHours} h: -${s.deduction}% of ${late.basis}${s.per === 'flat' ? '' : ` per ${s.per}`}`,
  );
  lines.push(
    `Late work: ${steps.join('; ') || 'no penalty'}${late.cutoffHours !== null ? `; later than ${late.cutoffHours} h: not accepted (0)` : ''}`,
  );
  lines.push(`Due time: ${policy.defaultDueTime} ${policy.timeZone}`);
  lines.push(`Attendance: ${describeAttendanceRule(policy.attendance)}`);
  lines.push(`Borderline: within ${policy.borderlineDistance} points of the next band`);
  return lines.join('\n');
}

export function formatCounts(c: CourseCounts): string {
  return `Students: ${c.students}  Teams: ${c.teams}  Items: ${c.items}  Scores: ${c.scores}  Attendance sessions: ${c.attendanceSessions}`;
}

/** One row per student: category percentages, final percentage and letter. */
export function formatGrades(snapshot: CourseSnapshot, result: CourseResult): string {
  const cats = snapshot.categories;
  const header = ['ID', 'Name', ...cats.map((c) => c.name), 'Current %', 'Final %', 'Letter'];
  const rows = result.students.map((r, i) => {
    const s = snapshot.students[i]!;
    return [
      s.registrarId,
      legalName(s),
      ...r.categories.map((c) => c.final.display ?? '—'),
      r.current.display ?? '—',
      r.display ?? '—',
      (r.letter ?? '—') + (r.override ? ' (override)' : ''),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) =>
    r
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [fmt(header), ...rows.map(fmt)].join('\n');
}
