import { fmtPoints } from '../grading/format';
import type { ItemResult, LateInfo } from '../grading/types';
import type { Score } from '../model';
import { formatDuration, formatInstant } from '../time/format';

export type CellMark =
  | 'excused'
  | 'missing'
  | 'auto-missing'
  | 'exempt'
  | 'late'
  | 'not-accepted'
  | 'dropped'
  | 'integrity'
  | 'team'
  | 'adjusted'
  | 'extra-credit'
  | 'comment';

/** What one score cell shows: its text, its state marks (each drawn with a letter or icon) and a tooltip. */
export interface CellView {
  text: string;
  marks: CellMark[];
  title: string;
}

const HOUR_MS = 3_600_000;

/**
 * When the work came in and how late, in the course's zone: "Submitted Tue 16 Sep, 2:58 pm EDT,
 * 38 h 59 min late", or "Marked 2 days late" when only days late were entered.
 */
function lateWhen(late: LateInfo, timeZone: string): string {
  const lateMs = Math.round(late.hoursLate * HOUR_MS);
  if (late.source === 'manual' || late.deadline === null)
    return `Marked ${fmtPoints(late.hoursLate / 24)} day${late.hoursLate === 24 ? '' : 's'} late`;
  return `Submitted ${formatInstant(new Date(Date.parse(late.deadline) + lateMs).toISOString(), timeZone)}, ${formatDuration(lateMs)} late`;
}

/**
 * The cell as the instructor should see it: the engine's outcome for the item (late penalty,
 * integrity, drop, team score, extra credit) over the student's own cell (comment, status as
 * typed). Dates are shown in the course's time zone.
 */
export function cellView(own: Score | undefined, result: ItemResult | undefined, teamGraded: boolean, timeZone = 'UTC'): CellView {
  const marks: CellMark[] = [];
  const tips: string[] = [];
  let text = own?.value != null ? String(own.value) : '';
  if (result) {
    text = result.raw != null ? String(result.raw) : '';
    switch (result.outcome) {
      case 'excused':
        text = 'EX';
        marks.push('excused');
        tips.push('Excused: not counted.');
        break;
      case 'missing':
      case 'missing-before-due':
        text = 'MI';
        marks.push('missing');
        tips.push(
          result.outcome === 'missing'
            ? `Missing: counts ${fmtPoints(result.effective ?? 0)}.`
            : 'Missing: counts once due (and in the final view).',
        );
        break;
      case 'auto-missing':
        text = 'MI';
        marks.push('auto-missing');
        tips.push(`Not graded by its deadline: missing by the course's missing-work policy, counts ${fmtPoints(result.effective ?? 0)}.`);
        break;
      case 'exempt':
        text = 'EXEMPT';
        marks.push('exempt');
        tips.push('Exempt: not counted in the current grade.');
        break;
      default:
        break;
    }
    if (result.integrity) {
      marks.push('integrity');
      text = '0';
      tips.push(
        `Integrity finding ${result.integrity.date}: ${result.integrity.note}.${result.integrity.original != null ? ` Entered: ${fmtPoints(result.integrity.original)}.` : ''}`,
      );
    } else if (result.late) {
      const late = result.late;
      const when = lateWhen(late, timeZone);
      if (late.waived) tips.push(`${when}; penalty waived: ${late.waived}.`);
      else if (late.notAccepted) {
        marks.push('not-accepted');
        tips.push(`Not accepted: ${when} (late rule: ${late.rule}). Entered ${text || 'nothing'}, counts 0.`);
      } else if (late.deduction > 0 && result.effective != null) {
        marks.push('late');
        tips.push(
          `${when}; ${late.penalty ?? `−${fmtPoints(late.deduction)} → ${fmtPoints(result.effective)}`}`,
          `Late rule: ${late.rule}.`,
        );
        text = fmtPoints(result.effective);
      } else tips.push(`${when}: no points taken off.`);
    }
    if (result.raw != null && result.raw > result.possible && !result.integrity) {
      marks.push('extra-credit');
      tips.push(`Extra credit: ${fmtPoints(result.raw)} of ${fmtPoints(result.possible)}`);
    }
    if (result.final === 'dropped' || result.current === 'dropped') {
      marks.push('dropped');
      tips.push('Dropped: does not count toward the category.');
    }
    if (result.team) {
      const { teamScore, adjustment } = result.team;
      if (adjustment) {
        marks.push('adjusted');
        const adj =
          adjustment.mode === 'replace'
            ? `replaced by ${fmtPoints(adjustment.value)}`
            : `${adjustment.value >= 0 ? '+' : ''}${fmtPoints(adjustment.value)} points`;
        tips.push(`Team score ${teamScore ?? 'not entered'}, individually adjusted: ${adj}.`);
        if (result.effective != null && !result.late?.deduction && !result.integrity) text = fmtPoints(result.effective);
      } else if (result.team.teamId === null) tips.push('Not on a team at the due date.');
      else tips.push('Team score: shared by every member.');
    }
    // The engine's own line on lateness says what the tooltip's late line already says.
    const lateness = result.late?.lateness;
    tips.push(...result.why.filter((w) => !tips.includes(w) && !(lateness && w.includes(lateness))));
  }
  if (teamGraded) marks.unshift('team');
  if (own?.comment) {
    marks.push('comment');
    tips.push(`Comment: ${own.comment}`);
  }
  return { text, marks, title: tips.join('\n') };
}
