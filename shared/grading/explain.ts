/** The readable sentences of the explanation trail. Numbers come in already computed. */
import { toNumber } from './exact';
import { fmtExact, fmtPoints } from './format';
import { type Graded, belowScale, describeRounding } from './letter';
import type { Category } from '../model/policy';
import type { ItemResult, View } from './types';
import { plural } from '../text/words';

const VIEW_NAME: Record<View, string> = { current: 'Current grade', final: 'Final grade' };

function viewTag(view: View): string {
  return view === 'current' ? ' (so far)' : '';
}

/** A category line's numbers, already formatted (see explainView: the parts add up to the total). */
export interface CategoryLineInput {
  readonly view: View;
  readonly name: string;
  readonly kind: 'items' | 'attendance' | 'equal-weight';
  readonly weighted: boolean;
  /** Points (attendance: credits) earned and possible, as fmtPoints shows them. */
  readonly earned: string;
  readonly possible: string;
  readonly counted: number;
  /** The category percentage, 2 decimals; null when nothing counts. */
  readonly display: string | null;
  readonly weight: number;
  /** The weight after redistribution, and whether it differs from `weight`. */
  readonly effectiveWeight: string;
  readonly redistributed: boolean;
  /** Percentage points added to the total, SUM_DECIMALS decimals (one of the total line's parts). */
  readonly contribution: string;
  /** Attendance: the counts under the rule (attendanceDetail). */
  readonly detail?: string | undefined;
}

export function categoryText(c: CategoryLineInput): string {
  const what =
    c.kind === 'attendance'
      ? `${c.earned} of ${plural(c.counted, 'session')}${c.detail ? ` (${c.detail})` : ''}`
      : c.kind === 'equal-weight'
        ? `average of ${plural(c.counted, 'equally weighted item')}`
        : `${c.earned} of ${c.possible} points`;
  const head = `${c.name}${viewTag(c.view)}: ${what}`;
  if (!c.weighted) return `${head} (${c.contribution} of the total's 100)`;
  if (c.display === null) return `${head}: nothing to count, weight ${fmtPoints(c.weight)}% goes to the other categories`;
  const moved = c.redistributed ? ` (${c.effectiveWeight}% after redistribution)` : '';
  return `${head} = ${c.display}%, weight ${fmtPoints(c.weight)}%${moved} → ${c.contribution} points`;
}

/** "Final grade: 36.8000 + 56.3970 = 93.1970": the category lines' contributions and their sum. */
export function weightedTotalText(view: View, contributions: readonly string[], total: string | null): string {
  if (total === null) return `${VIEW_NAME[view]}: nothing graded yet`;
  const parts = contributions.length > 0 ? contributions.join(' + ') : '0';
  return `${VIEW_NAME[view]}: ${parts} = ${total}`;
}

/** "Final grade: 90 of 100 points = 90.0000". */
export function pointsTotalText(view: View, earned: string, possible: string, total: string | null): string {
  if (total === null) return `${VIEW_NAME[view]}: nothing graded yet`;
  return `${VIEW_NAME[view]}: ${earned} of ${possible} points = ${total}`;
}

/** "Rounded 93.1970 → 93.20 (half-up, 2 decimals)", `total` as the total line shows it. */
export function roundingText(total: string, g: Graded, rounding: Parameters<typeof describeRounding>[0]): string {
  if (rounding.mode === 'none') return `Not rounded: ${total} is looked up as is`;
  return `Rounded ${total} → ${g.display} (${describeRounding(rounding)})`;
}

/** "Homeworks: 1 droppable item, so drop lowest 2 → 0 (one always stays)". */
export function dropLimitText(
  c: Pick<Category, 'name' | 'dropLowest' | 'dropHighest'>,
  droppable: number,
  lowest: number,
  highest: number,
): string {
  const set: string[] = [];
  if (lowest !== c.dropLowest) set.push(`drop lowest ${c.dropLowest} → ${lowest}`);
  if (highest !== c.dropHighest) set.push(`drop highest ${c.dropHighest} → ${highest}`);
  return `${c.name}: ${plural(droppable, 'droppable item')}, so ${set.join(', ')} (one always stays)`;
}

export function letterText(g: Graded): string {
  if (!g.band) return `${g.display}: the course has no bands → no letter`;
  if (belowScale(g)) return `${g.display} is below every band; the lowest band is open downward → ${g.band.letter}`;
  return `${g.display} ≥ ${fmtPoints(g.band.min)} → ${g.band.letter}`;
}

export function borderlineText(g: Graded): string {
  const next = g.nextBand!;
  const unit = toNumber(g.borderlineGap!) === 1 ? 'point' : 'points';
  return `Borderline: ${fmtExact(g.borderlineGap!)} ${unit} below ${next.letter} (from ${fmtPoints(next.min)})`;
}

/**
 * Why an item without a score (ungraded, or marked missing before its deadline) counts the way
 * it does, true in both views: left out of the current view, 0 in the final view, and, when the
 * missing-work policy is on, its share once the deadline passes.
 */
export function notYetCountedText(outcome: 'ungraded' | 'missing-before-due', missingPercent: number | null): string {
  const head = outcome === 'ungraded' ? 'Not graded yet' : 'Marked missing, not yet due';
  const later =
    missingPercent === null
      ? ''
      : `; once past its deadline it counts as missing, ${fmtPoints(missingPercent)}% of points possible, in both views`;
  return `${head}: not counted in the current view, counts as 0 in the final view${later}.`;
}

const NAMES = new Intl.ListFormat('en', { type: 'conjunction' });

/** "Week 1: excused — not counted", "Week 1, Week 2, and Week 3: excused — not counted". */
export function notCountedText(names: readonly string[], status: 'excused' | 'exempt'): string {
  return `${NAMES.format(names)}: ${status} — not counted`;
}

const NOT_COUNTED: Partial<Record<ItemResult['outcome'], string>> = {
  ungraded: 'not graded yet',
  'missing-before-due': 'missing, not yet due',
  excused: 'excused',
  exempt: 'exempt',
};

/** How an item counts in one view: "counted", "dropped", "not counted (not graded yet)", "counts as 0 (not graded yet)". */
export function inclusionText(item: Pick<ItemResult, 'outcome' | 'current' | 'final'>, view: View): string {
  const inclusion = item[view];
  const reason = NOT_COUNTED[item.outcome];
  if (inclusion === 'dropped') return 'dropped';
  if (inclusion === 'excluded') return reason ? `not counted (${reason})` : 'not counted';
  return item.outcome === 'ungraded' || item.outcome === 'missing-before-due' ? `counts as 0 (${reason})` : 'counted';
}
