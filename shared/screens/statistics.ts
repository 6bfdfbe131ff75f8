/** The Statistics dialog of a grid column: its figures as label and text, and who was left out, in words. */
import type { Statistics } from '../charts/stats';
import { fmtPoints } from '../grading/format';
import { plural } from '../text/words';

export type StatUnit = 'points' | 'percent';

export interface StatLine {
  readonly label: string;
  readonly value: string;
}

/** Points as entered (no trailing zeros, "7.5"); percentages with 2 decimals ("85.00%"). */
export function statValue(x: number | null, unit: StatUnit): string {
  if (x === null) return '—';
  return unit === 'points' ? fmtPoints(x) : `${x.toFixed(2)}%`;
}

export function statLines(s: Statistics, unit: StatUnit): StatLine[] {
  return [
    { label: unit === 'points' ? 'Scores counted' : 'Students counted', value: String(s.count) },
    { label: 'Mean', value: statValue(s.mean, unit) },
    { label: 'Median', value: statValue(s.median, unit) },
    { label: 'Standard deviation (population)', value: statValue(s.sd, unit) },
    { label: 'Lowest', value: statValue(s.min, unit) },
    { label: 'Highest', value: statValue(s.max, unit) },
  ];
}

/** "Left out: 2 excused, 1 not graded yet, 1 withdrawn student." or null when nobody was. */
export function leftOutText(s: Statistics, unit: StatUnit): string | null {
  const { withdrawn, excused, ungraded } = s.left;
  const parts = [
    ...(excused ? [`${excused} excused or exempt`] : []),
    ...(ungraded ? [unit === 'points' ? `${ungraded} not graded yet` : `${ungraded} with nothing counted here`] : []),
    ...(withdrawn ? [plural(withdrawn, 'withdrawn student')] : []),
  ];
  return parts.length ? `Left out: ${parts.join(', ')}.` : null;
}

/** The top bar also holds scores above points possible; say so when there are any. */
export function extraCreditNote(s: Statistics, pointsPossible: number): string | null {
  const top = s.bins.at(-1);
  if (!top || s.max === null || s.max <= pointsPossible) return null;
  return `The ${top.label} bar also holds scores above ${fmtPoints(pointsPossible)} (extra credit).`;
}
