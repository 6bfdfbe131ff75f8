/**
 * Policy problems, each with a stable code (for scripts reading `compute --json`) and a
 * plain-language message. The engine never repairs a policy (weights are not rescaled, bands are
 * not reordered in the report): it grades as written and lists these.
 */
import type { Category, Policy } from '../model/policy';
import { SCALE, toUnits } from './exact';
import { isValidTimeZone } from './deadline';
import { fmtPoints } from './format';
import type { PolicyProblem } from './types';

export function validatePolicy(policy: Policy, categories: readonly Category[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (code: PolicyProblem['code'], message: string) => problems.push({ code, message });

  if (policy.grading === 'weighted') {
    const total = categories.reduce((s, c) => s + toUnits(c.weight), 0);
    if (categories.length === 0) add('no_categories', 'The course has no categories.');
    else if (total !== 100 * SCALE) add('weights_total', `Category weights add up to ${fmtPoints(total / SCALE)}%, not 100%.`);
  } else {
    // Points grading adds up points, so "each item counts equally" cannot be honoured.
    for (const c of categories.filter((c) => c.kind === 'items' && c.equalWeightItems)) {
      add(
        'equal_weight_points',
        `"${c.name}" counts its items equally, which grading by points cannot do. Turn off "Equal-weight items" for it, or grade by weighted categories.`,
      );
    }
  }
  const attendance = categories.filter((c) => c.kind === 'attendance');
  if (attendance.length > 1)
    add('attendance_twice', `There are ${attendance.length} attendance categories; attendance would count more than once.`);
  for (const c of categories) {
    if (c.kind === 'attendance' && (c.dropLowest > 0 || c.dropHighest > 0)) {
      add('attendance_drops', `"${c.name}" is an attendance category: drop lowest/highest does not apply to it.`);
    }
  }

  const seen = new Set<string>();
  for (const b of policy.bands) {
    if (seen.has(b.letter)) add('band_twice', `The letter "${b.letter}" appears in more than one band.`);
    seen.add(b.letter);
  }
  for (let i = 1; i < policy.bands.length; i++) {
    const prev = policy.bands[i - 1]!;
    const cur = policy.bands[i]!;
    if (cur.min >= prev.min) {
      add(
        'band_order',
        `Bands must go from highest to lowest: "${cur.letter}" (from ${fmtPoints(cur.min)}) comes after "${prev.letter}" (from ${fmtPoints(prev.min)}).`,
      );
    }
  }

  if (!isValidTimeZone(policy.timeZone))
    add('time_zone', `"${policy.timeZone}" is not a known time zone; deadlines are read in UTC instead.`);

  const steps = policy.late.steps;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.upToHours <= steps[i - 1]!.upToHours) add('late_step_order', 'Late-rule steps must have increasing time windows.');
  }
  const cutoff = policy.late.cutoffHours;
  const last = steps[steps.length - 1];
  if (cutoff !== null && last && last.upToHours > cutoff) {
    add(
      'late_step_past_cutoff',
      `A late step runs to ${fmtPoints(last.upToHours)} h, past the ${fmtPoints(cutoff)} h after which work is not accepted.`,
    );
  }
  return problems;
}
