/** Words the report documents share: headings, dates with the year, and an item's status. */
import type { Content } from 'pdfmake/interfaces';
import { fmtPoints, type ItemResult, type View } from '@shared/grading';
import { formatInstant } from '@shared/time/format';
import type { CourseInfo } from '@shared/model';

export const VIEW_TITLE: Record<View, string> = {
  current: 'Current grade (graded work so far)',
  final: 'Final grade (work not graded yet counts as 0)',
};

/** "Tue 1 Dec 2026, 6:35 pm EST": formatInstant with the year, for a document kept on file. */
export function producedText(at: string, timeZone: string): string {
  const year = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(new Date(at));
  return formatInstant(at, timeZone).replace(',', ` ${year},`);
}

/** "IE 7374 Machine Learning Operations (IE 7374), Fall 2026". */
export function courseLine(info: CourseInfo): string {
  const code = info.code && !info.name.includes(info.code) ? ` (${info.code})` : '';
  return `${info.name}${code}${info.term ? `, ${info.term}` : ''}`;
}

export const points = (x: number | null): string => (x === null ? '—' : fmtPoints(x));
export const percent = (display: string | null): string => (display === null ? '—' : `${display}%`);

/**
 * How an item stands in the chosen view, in words. An integrity finding says only
 * "zero credit (academic integrity)": its case note stays in the gradebook.
 */
export function itemStatus(i: ItemResult, view: View): string {
  const parts: string[] = [];
  if (i.integrity) parts.push('zero credit (academic integrity)');
  else if (i.outcome === 'excused') parts.push('excused');
  else if (i.outcome === 'exempt') parts.push('exempt');
  else if (i.outcome === 'missing' || i.outcome === 'auto-missing') parts.push('missing');
  else if (i.outcome === 'missing-before-due') parts.push('missing (not yet due)');
  else if (i.outcome === 'ungraded') parts.push(view === 'final' ? 'not graded yet (counts 0)' : 'not graded yet');
  if (i.late && !i.integrity) {
    if (i.late.waived) parts.push(`late, penalty waived`);
    else if (i.late.notAccepted) parts.push(`late, not accepted (${i.late.penalty ?? 'scores 0'})`);
    else parts.push(`late: ${i.late.penalty ?? `−${fmtPoints(i.late.deduction)} points`}`);
  }
  if (i[view] === 'dropped') parts.push('dropped');
  else if (i[view] === 'excluded' && i.outcome === 'graded') parts.push('not counted');
  return parts.join('; ');
}

/**
 * Percentage points toward the total as the explanation trail writes them: 4 decimals, cut
 * (not rounded) with "…" when more follow, so the table and the sentences show the same digits.
 */
export function contributionText(x: number): string {
  const scaled = x * 1e4;
  const nearest = Math.round(scaled);
  if (Math.abs(scaled - nearest) < 1e-6) return (nearest / 1e4).toFixed(4);
  return `${(Math.floor(scaled) / 1e4).toFixed(4)}…`;
}

export const heading = (text: string): Content => ({ text, style: 'h2' });

/** A table with a bold header row that repeats on every page it spans. */
export function table(header: string[], rows: (string | Content)[][], widths?: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? header.map((_, i) => (i === 0 ? '*' : 'auto')),
      body: [header.map((h) => ({ text: h, bold: true })), ...rows],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  };
}
