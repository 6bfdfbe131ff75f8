/**
 * Policy problems in plain language. The engine never repairs a policy (weights are not
 * rescaled, bands are not reordered in the report): it grades as written and lists these.
 */
import type { Category, Policy } from '../model/policy';
import { SCALE, toUnits } from './exact';
import { isValidTimeZone } from './deadline';
import { fmtPoints } from './format';

const fmt = fmtPoints;

export function validatePolicy(policy: Policy, categories: readonly Category[]): string[] {
  const problems: string[] = [];

  if (policy.grading === 'weighted') {
    const total = categories.reduce((s, c) => s + toUnits(c.weight), 0);
    if (categories.length === 0) problems.push('The course has no categories.');
    else if (total !== 100 * SCALE) {
      problems.push(`Category weights add up to ${fmt(total / SCALE)}%, not 100%.`);
    }
  }
  const attendance = categories.filter((c) => c.kind === 'attendance');
  if (attendance.length > 1) problems.push(`There are ${attendance.length} attendance categories; attendance would count more than once.`);
  for (const c of categories) {
    if (c.kind === 'attendance' && (c.dropLowest > 0 || c.dropHighest > 0)) {
      problems.push(`"${c.name}" is an attendance category: drop lowest/highest does not apply to it.`);
    }
  }

  const seen = new Set<string>();
  for (const b of policy.bands) {
    if (seen.has(b.letter)) problems.push(`The letter "${b.letter}" appears in more than one band.`);
    seen.add(b.letter);
  }
  for (let i = 1; i < policy.bands.length; i++) {
    const prev = policy.bands[i - 1]!;
    const cur = policy.bands[i]!;
    if (cur.min >= prev.min) {
      problems.push(
        `Bands must go from highest to lowest: "${cur.letter}" (from ${fmt(cur.min)}) comes after "${prev.letter}" (from ${fmt(prev.min)}).`,
      );
    }
  }
  const lowest = Math.min(...policy.bands.map((b) => b.min));
  if (policy.bands.length > 0 && lowest > 0) {
    problems.push(`No band starts at 0: a percentage below ${fmt(lowest)} gets no letter.`);
  }

  if (!isValidTimeZone(policy.timeZone)) problems.push(`"${policy.timeZone}" is not a known time zone; deadlines are read in UTC instead.`);

  const steps = policy.late.steps;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.upToHours <= steps[i - 1]!.upToHours) problems.push('Late-rule steps must have increasing time windows.');
  }
  const cutoff = policy.late.cutoffHours;
  const last = steps[steps.length - 1];
  if (cutoff !== null && last && last.upToHours > cutoff) {
    problems.push(`A late step runs to ${fmt(last.upToHours)} h, past the ${fmt(cutoff)} h after which work is not accepted.`);
  }
  return problems;
}
