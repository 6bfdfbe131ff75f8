import { fmtPoints } from '../grading/format';
import type { ItemResult } from '../grading/types';
import type { Score } from '../model';

export type CellMark =
  'excused' | 'missing' | 'exempt' | 'late' | 'not-accepted' | 'dropped' | 'integrity' | 'team' | 'adjusted' | 'comment';

/** What one score cell shows: its text, its state marks (each drawn with a letter or icon) and a tooltip. */
export interface CellView {
  text: string;
  marks: CellMark[];
  title: string;
}

/**
 * The cell as the instructor should see it: the engine's outcome for the item (late penalty,
 * integrity, drop, team score) over the student's own cell (comment, status as typed).
 */
export function cellView(own: Score | undefined, result: ItemResult | undefined, teamGraded: boolean): CellView {
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
        tips.push(result.outcome === 'missing' ? 'Missing: counts 0.' : 'Missing: counts 0 once due (and in the final view).');
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
      const hours = late.hoursLate >= 48 ? `${fmtPoints(late.hoursLate / 24)} days` : `${fmtPoints(late.hoursLate)} h`;
      if (late.waived) tips.push(`Late ${hours}; penalty waived: ${late.waived}.`);
      else if (late.notAccepted) {
        marks.push('not-accepted');
        tips.push(`Not accepted: ${hours} late (${late.rule}). Entered ${text || 'nothing'}, counts 0.`);
      } else if (late.deduction > 0 && result.effective != null) {
        marks.push('late');
        tips.push(`Late ${hours} (${late.rule}): entered ${text}, counts ${fmtPoints(result.effective)}.`);
        text = fmtPoints(result.effective);
      } else tips.push(`Late ${hours}: no points taken off.`);
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
    tips.push(...result.why.filter((w) => !tips.includes(w)));
  }
  if (teamGraded) marks.unshift('team');
  if (own?.comment) {
    marks.push('comment');
    tips.push(`Comment: ${own.comment}`);
  }
  return { text, marks, title: tips.join('\n') };
}
