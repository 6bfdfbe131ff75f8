/** The readable sentences of the explanation trail. Numbers come in already computed. */
import { type Ratio, SCALE, toNumber } from './exact';
import { fmtExact, fmtPoints } from './format';
import { type Graded, describeRounding } from './letter';
import type { View } from './types';

const VIEW_NAME: Record<View, string> = { current: 'Current grade', final: 'Final grade' };

function viewTag(view: View): string {
  return view === 'current' ? ' (so far)' : '';
}

export interface CategoryLineInput {
  readonly view: View;
  readonly name: string;
  readonly kind: 'items' | 'attendance' | 'equal-weight';
  readonly weighted: boolean;
  readonly earned: number;
  readonly possible: number;
  readonly counted: number;
  /** The category percentage, 2 decimals; null when nothing counts. */
  readonly display: string | null;
  readonly weight: number;
  readonly effectiveWeight: number;
  readonly contribution: number;
}

export function categoryText(c: CategoryLineInput): string {
  const what =
    c.kind === 'attendance'
      ? `${fmtPoints(c.earned)} of ${c.counted} session${c.counted === 1 ? '' : 's'}`
      : c.kind === 'equal-weight'
        ? `average of ${c.counted} equally weighted item${c.counted === 1 ? '' : 's'}`
        : `${fmtPoints(c.earned)} of ${fmtPoints(c.possible)} points`;
  const head = `${c.name}${viewTag(c.view)}: ${what}`;
  if (!c.weighted) return `${head} (${fmtPoints(c.contribution)} of the total's 100)`;
  if (c.display === null) return `${head}: nothing to count, weight ${fmtPoints(c.weight)}% goes to the other categories`;
  const moved = c.effectiveWeight !== c.weight ? ` (${fmtPoints(c.effectiveWeight)}% after redistribution)` : '';
  return `${head} = ${c.display}%, weight ${fmtPoints(c.weight)}%${moved} → ${c.contribution.toFixed(2)} points`;
}

export function weightedTotalText(view: View, contributions: readonly number[], percent: Ratio | null): string {
  if (percent === null) return `${VIEW_NAME[view]}: nothing graded yet`;
  const parts = contributions.length > 0 ? contributions.map((c) => c.toFixed(2)).join(' + ') : '0';
  return `${VIEW_NAME[view]}: ${parts} = ${fmtExact(percent)}`;
}

export function pointsTotalText(view: View, earnedUnits: number, possibleUnits: number, percent: Ratio | null): string {
  if (percent === null) return `${VIEW_NAME[view]}: nothing graded yet`;
  return `${VIEW_NAME[view]}: ${fmtPoints(earnedUnits / SCALE)} of ${fmtPoints(possibleUnits / SCALE)} points = ${fmtExact(percent)}`;
}

export function roundingText(percent: Ratio, g: Graded, rounding: Parameters<typeof describeRounding>[0]): string {
  if (rounding.mode === 'none') return `Not rounded: ${fmtExact(percent)} is looked up as is`;
  return `Rounded ${fmtExact(percent)} → ${g.display} (${describeRounding(rounding)})`;
}

export function letterText(g: Graded): string {
  if (!g.band) return `${g.display} is below every band → no letter`;
  return `${g.display} ≥ ${fmtPoints(g.band.min)} → ${g.band.letter}`;
}

export function borderlineText(g: Graded): string {
  const next = g.nextBand!;
  return `Borderline: ${fmtExact(g.borderlineGap!)} point${toNumber(g.borderlineGap!) === 1 ? '' : 's'} below ${next.letter} (from ${fmtPoints(next.min)})`;
}
