/**
 * The late rule. Lateness is elapsed real time after the deadline instant (48 h is 48 h even
 * across a DST change). The step that applies is the first whose window holds the lateness;
 * lateness past the last step keeps the last step's rate (per hour/day it keeps counting).
 * Past `cutoffHours` the work is not accepted and scores 0.
 */
import type { LatePolicy, LateStep } from '../model/policy';
import { FINE, FINE_N, SCALE_N, percentToFine, roundHalfUp } from './exact';
import { DAY_MS, HOUR_MS } from './deadline';
import { POINT_DECIMALS, fmtPoints, fmtPointsExact, fmtStepsTrimmed } from './format';
import { formatDuration } from '../time/format';
import { plural } from '../text/words';

export interface LateRule {
  readonly basis: LatePolicy['basis'];
  /** Ascending by window. */
  readonly steps: readonly PreparedStep[];
  /** Floor as a fraction of points possible at FINE resolution (FINE = 100%). */
  readonly floorFine: number | null;
  readonly floorPercent: number | null;
  readonly cutoffMs: number | null;
  readonly cutoffHours: number | null;
}

export interface PreparedStep extends LateStep {
  readonly upToMs: number;
  readonly deductionFine: number;
}

export function prepareLateRule(p: LatePolicy): LateRule {
  const steps = p.steps
    .map((s) => ({ ...s, upToMs: Math.round(s.upToHours * HOUR_MS), deductionFine: percentToFine(s.deduction) }))
    .sort((a, b) => a.upToMs - b.upToMs);
  return {
    basis: p.basis,
    steps,
    floorFine: p.floorPercent === null ? null : percentToFine(p.floorPercent),
    floorPercent: p.floorPercent,
    cutoffMs: p.cutoffHours === null ? null : Math.round(p.cutoffHours * HOUR_MS),
    cutoffHours: p.cutoffHours,
  };
}

export interface LateOutcome {
  readonly notAccepted: boolean;
  /** Effective score in units; exact when `fine` is null. */
  readonly units: number;
  /** The exact effective score as units · FINE when it is not a whole number of units. */
  readonly fine: bigint | null;
  /** The step applied (null: not accepted, or no steps configured). */
  readonly step: PreparedStep | null;
  /** Started hours/days the step's rate was charged for (1 for flat). */
  readonly count: number;
}

/** a · b / FINE when that is a safe integer, else null (the caller goes exact with bigint). */
function mulFine(a: number, b: number): number | null {
  const p = a * b;
  return Number.isSafeInteger(p) && p % FINE === 0 ? p / FINE : null;
}

/** The rule that applied, in words: "up to 48 h, 10% of earned". */
export function describeLate(rule: LateRule, o: LateOutcome, latenessMs: number): string {
  if (o.notAccepted) return `more than ${formatDuration(rule.cutoffMs ?? 0)} late: not accepted`;
  const step = o.step;
  if (!step) return 'no late deduction configured';
  const window = `${latenessMs <= step.upToMs ? 'up to' : 'over'} ${formatDuration(step.upToMs)}`;
  const rate =
    step.per === 'flat'
      ? `${fmtPoints(step.deduction)}%`
      : `${fmtPoints(step.deduction)}% per started ${step.per} × ${plural(o.count, step.per)}`;
  return `${window}, ${rate} of ${rule.basis}`;
}

/**
 * What the rule did to one score, in words whose numbers add up as shown (the deduction shown is
 * the shown score less the shown result): "−10% of 8 earned = −0.8 → 7.2",
 * "−5% × 2 started days = −10% of 100 possible = −10 → 70".
 */
export function describeDeduction(rule: LateRule, o: LateOutcome, valueUnits: number, possibleUnits: number): string {
  const shown = (steps: bigint) => fmtStepsTrimmed(steps, POINT_DECIMALS);
  const points = (units: bigint, scale: bigint) => roundHalfUp({ n: units, d: scale }, POINT_DECIMALS);
  const value = points(BigInt(valueUnits), SCALE_N);
  if (o.notAccepted) return `not accepted, ${shown(value)} → 0`;
  const step = o.step;
  if (!step) return `no late deduction configured, ${shown(value)} counts`;
  if (valueUnits <= 0) return `nothing to take off a score of ${shown(value)}`;
  const effFine = o.fine ?? BigInt(o.units) * FINE_N;
  const eff = points(effFine, FINE_N * SCALE_N);
  const uncapped = step.deductionFine * o.count;
  const rateFine = Math.min(FINE, uncapped);
  const rate = `${fmtPoints(rateFine / 1_000_000)}%`;
  const rateText =
    step.per === 'flat'
      ? `−${rate}`
      : `−${fmtPoints(step.deduction)}% × ${plural(o.count, `started ${step.per}`)} = −${rate}${uncapped > FINE ? ' (at most)' : ''}`;
  const baseUnits = rule.basis === 'earned' ? valueUnits : possibleUnits;
  const penalty = BigInt(baseUnits) * BigInt(rateFine);
  const deduction = BigInt(valueUnits) * FINE_N - effFine;
  const head = `${rateText} of ${shown(points(BigInt(baseUnits), SCALE_N))} ${rule.basis}`;
  const tail = `−${shown(value - eff)} → ${shown(eff)}`;
  if (penalty === deduction) return `${head} = ${tail}`;
  const possible = shown(points(BigInt(possibleUnits), SCALE_N));
  const limit =
    rule.floorPercent !== null && effFine > 0n
      ? `the floor is ${fmtPoints(rule.floorPercent)}% of ${possible} possible${effFine === BigInt(valueUnits) * FINE_N ? `, at most the ${shown(value)} earned` : ''}`
      : 'a score stops at 0';
  return `${head} = −${fmtPointsExact({ n: penalty, d: FINE_N * SCALE_N })}, but ${limit}: ${tail}`;
}

/** The first step whose window holds the lateness, else the last one (null: no steps). */
function stepFor(rule: LateRule, latenessMs: number): PreparedStep | null {
  const { steps } = rule;
  for (const s of steps) if (latenessMs <= s.upToMs) return s;
  return steps[steps.length - 1] ?? null;
}

/**
 * The effective score of work `latenessMs` late (> 0 means late). Deductions never take the
 * score below 0 and never apply to a score that is already 0 or less; the floor never raises a
 * score above what was earned.
 */
export function applyLate(valueUnits: number, possibleUnits: number, latenessMs: number, rule: LateRule): LateOutcome {
  if (rule.cutoffMs !== null && latenessMs > rule.cutoffMs) return { notAccepted: true, units: 0, fine: null, step: null, count: 0 };
  const step = stepFor(rule, latenessMs);
  if (!step) return { notAccepted: false, units: valueUnits, fine: null, step: null, count: 0 };
  const count = step.per === 'flat' ? 1 : Math.ceil(latenessMs / (step.per === 'hour' ? HOUR_MS : DAY_MS));
  if (valueUnits <= 0) return { notAccepted: false, units: valueUnits, fine: null, step, count };
  const deductionFine = Math.min(FINE, step.deductionFine * count);
  const base = rule.basis === 'earned' ? valueUnits : possibleUnits;

  const penalty = mulFine(base, deductionFine);
  const floor = rule.floorFine === null ? 0 : mulFine(possibleUnits, rule.floorFine);
  if (penalty !== null && floor !== null) {
    return { notAccepted: false, units: Math.max(valueUnits - penalty, Math.min(valueUnits, floor), 0), fine: null, step, count };
  }
  const value = BigInt(valueUnits) * FINE_N;
  let exact = value - BigInt(base) * BigInt(deductionFine);
  if (exact < 0n) exact = 0n;
  if (rule.floorFine !== null) {
    let f = BigInt(possibleUnits) * BigInt(rule.floorFine);
    if (f > value) f = value;
    if (exact < f) exact = f;
  }
  return { notAccepted: false, units: Number(exact / FINE_N), fine: exact % FINE_N === 0n ? null : exact, step, count };
}
