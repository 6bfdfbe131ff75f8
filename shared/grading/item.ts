/**
 * One student's items: which cell applies (own or team), its status, adjustment, lateness and
 * integrity finding, giving the effective score and whether it counts in each view.
 *
 * Decisions:
 * - missing counts 0 once its (extended) deadline has passed at `asOf`; before that it is left
 *   out of the current view (like ungraded work) and counts 0 in the final view. Missing work
 *   without a due date counts 0 at once.
 * - ungraded work never counts in the current view, even past due: the instructor has simply not
 *   graded it yet. It counts 0 in the final view.
 * - on a team item the team's cell (score, submission time, extension, waiver) applies to every
 *   member on the team at the deadline; the member's own row can override the status, the
 *   extension and the waiver, and carries the adjustment. A member on no team (or whose team has
 *   no cell) is graded from their own row. Adjustments on non-team items are ignored.
 * - the adjustment changes the score before the late rule, so a late team's penalty applies to
 *   each member's adjusted score; a negative delta stops at 0.
 * - a member's standing extension applies to team items too (the accommodation is theirs).
 */
import { DAY_MS, HOUR_MS, deadlineInstant } from './deadline';
import { FINE, SCALE, toUnits } from './exact';
import { applyLate } from './late';
import type { PreparedCourse, PreparedItem, PreparedStudent } from './prepare';
import { fmtPoints } from './format';
import { teamAt } from './team';
import type { ExplanationLine, Inclusion, IntegrityInfo, ItemOutcome, ItemResult, LateInfo, TeamInfo } from './types';

const OUTCOMES: readonly ItemOutcome[] = ['graded', 'ungraded', 'excused', 'exempt', 'missing', 'missing-before-due'];
const INCLUSION: readonly Inclusion[] = ['excluded', 'counted', 'dropped'];
export const COUNTED = 1;
export const DROPPED = 2;

/** What only some items have; most items need none of it. */
interface ItemDetails {
  late: LateInfo | null;
  integrity: IntegrityInfo | null;
  team: TeamInfo | null;
  why: string[] | null;
}

/**
 * One student's items in compact columns (by item index). ItemResult objects are built from
 * these only when asked for: a full-course recompute then allocates a few arrays per student
 * instead of an object per cell.
 */
export interface StudentItems {
  readonly outcome: Uint8Array;
  /** The score as entered, NaN for none. */
  readonly raw: Float64Array;
  readonly details: (ItemDetails | undefined)[];
  /** Effective score in units by item index (0 when nothing counts; approximate when `fine` set). */
  readonly approx: Float64Array;
  /** Exact effective score at FINE resolution, only for scores that are not whole units. */
  readonly fine: (bigint | null | undefined)[];
  /** 0 excluded, COUNTED, or DROPPED (set once the categories are done). */
  readonly inCurrent: Uint8Array;
  readonly inFinal: Uint8Array;
  readonly droppable: Uint8Array;
  readonly lines: ExplanationLine[];
  late: boolean;
  missing: boolean;
  integrity: boolean;
}

const NO_REASONS: readonly string[] = Object.freeze([]);
const UNGRADED = Object.freeze(['Not graded yet: not counted now, counts 0 in the final view.']);
const MISSING_BEFORE_DUE = Object.freeze(['Marked missing but not yet due: not counted now, counts 0 in the final view.']);

function deadlineFor(course: PreparedCourse, pi: PreparedItem, extensionDays: number): number | null {
  if (pi.deadline === null || extensionDays === 0) return pi.deadline;
  const key = `${pi.index}|${extensionDays}`;
  let d = course.deadlineCache.get(key);
  if (d === undefined) {
    d = deadlineInstant(pi.item.dueDate!, pi.dueTime, course.timeZone, extensionDays);
    course.deadlineCache.set(key, d);
  }
  return d;
}

function say(out: StudentItems, itemId: number, why: string[] | null, text: string, change: number): string[] {
  out.lines.push({ kind: 'item', itemId, text, change });
  const list = why ?? [];
  list.push(text);
  return list;
}

export function itemResults(course: PreparedCourse, s: StudentItems): ItemResult[] {
  return course.items.map((pi, i): ItemResult => {
    const item = pi.item;
    const outcome = OUTCOMES[s.outcome[i]!]!;
    const d = s.details[i];
    const raw = s.raw[i]!;
    const fine = s.fine[i];
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      name: item.name,
      possible: item.pointsPossible,
      raw: Number.isNaN(raw) ? null : raw,
      effective: outcome === 'graded' ? (fine == null ? s.approx[i]! / SCALE : Number(fine) / FINE / SCALE) : outcome === 'missing' ? 0 : null,
      outcome,
      current: INCLUSION[s.inCurrent[i]!]!,
      final: INCLUSION[s.inFinal[i]!]!,
      late: d?.late ?? null,
      integrity: d?.integrity ?? null,
      team: d?.team ?? null,
      why: d?.why ?? (outcome === 'ungraded' ? UNGRADED : outcome === 'missing-before-due' ? MISSING_BEFORE_DUE : NO_REASONS),
    };
  });
}

function isoOf(course: PreparedCourse, instant: number): string {
  let s = course.isoCache.get(instant);
  if (s === undefined) {
    s = new Date(instant).toISOString();
    course.isoCache.set(instant, s);
  }
  return s;
}

function hoursText(ms: number): string {
  const h = ms / HOUR_MS;
  if (h < 1) return `${Math.max(1, Math.ceil(ms / 60_000))} min`;
  return `${Number.isInteger(h) ? h : h.toFixed(1)} h`;
}

export function evaluateItems(course: PreparedCourse, ps: PreparedStudent, asOf: number): StudentItems {
  const n = course.items.length;
  const out: StudentItems = {
    outcome: new Uint8Array(n),
    raw: new Float64Array(n),
    details: [],
    approx: new Float64Array(n),
    fine: [],
    inCurrent: new Uint8Array(n),
    inFinal: new Uint8Array(n),
    droppable: new Uint8Array(n),
    lines: [],
    late: false,
    missing: false,
    integrity: false,
  };
  const standing = ps.student.extensionDays;

  for (let i = 0; i < n; i++) {
    const pi = course.items[i]!;
    const item = pi.item;
    const own = ps.scores[i];

    let raw = own?.value ?? null;
    let status = own?.status ?? null;
    let submittedAt = ps.submittedAt[i]!;
    let daysLate = own?.daysLate ?? null;
    let extension = own?.extensionDays ?? null;
    let waiver = own?.waiverReason ?? null;
    let team: TeamInfo | null = null;
    let why: string[] | null = null;

    if (item.teamGraded) {
      const teamId = teamAt(ps.stints, pi.deadline);
      const tc = teamId === null ? undefined : course.teamCells[i]?.get(teamId);
      if (tc) {
        const c = tc.cell;
        raw = c.value;
        status = own?.status ?? c.status;
        submittedAt = tc.submittedAt;
        daysLate = c.daysLate;
        extension = own?.extensionDays ?? c.extensionDays;
        waiver = own?.waiverReason ?? c.waiverReason;
      }
      team = { teamId, teamScore: tc ? tc.cell.value : null, adjustment: own?.adjustment ?? null };
    }

    let value = raw;
    const adjustment = team?.adjustment;
    if (adjustment) {
      const adjusted = adjustment.mode === 'replace' ? adjustment.value : value === null ? null : Math.max(0, value + adjustment.value);
      if (adjusted !== null) {
        const how = adjustment.mode === 'replace' ? `individual score ${fmtPoints(adjusted)} replaces the team's ${raw === null ? 'missing score' : fmtPoints(raw)}` : `individual adjustment ${adjustment.value >= 0 ? '+' : '−'}${fmtPoints(Math.abs(adjustment.value))}`;
        why = say(out, item.id, why, `${item.name}: ${how} → ${fmtPoints(adjusted)}`, adjusted - (raw ?? 0));
      }
      value = adjusted;
    }

    const extensionDays = standing + (extension ?? 0);
    let outcome: ItemOutcome;
    let units = 0;
    let fine: bigint | null = null;
    let late: LateInfo | null = null;
    let integrity: IntegrityInfo | null = null;
    let current = false;
    let final = false;

    if (own?.integrity) {
      integrity = { date: own.integrity.date, note: own.integrity.note, original: value };
      outcome = 'graded';
      current = final = true;
      out.integrity = true;
      why = say(out, item.id, why, `${item.name}: academic integrity finding (${integrity.date}: ${integrity.note}) — score ${value === null ? 'none' : fmtPoints(value)} → 0, never dropped`, -(value ?? 0));
    } else if (status === 'excused' || status === 'exempt') {
      outcome = status;
      why = say(out, item.id, why, `${item.name}: ${status} — not counted`, 0);
    } else if (status === 'missing') {
      const deadline = deadlineFor(course, pi, extensionDays);
      if (deadline === null || asOf > deadline) {
        outcome = 'missing';
        current = final = true;
        out.missing = true;
        why = say(out, item.id, why, `${item.name}: missing — counts 0`, -(value ?? 0));
      } else {
        outcome = 'missing-before-due';
        final = true;
      }
    } else if (value === null) {
      outcome = 'ungraded';
      final = true;
    } else {
      outcome = 'graded';
      current = final = true;
      units = toUnits(value);
      let lateMs = NaN;
      let deadline: number | null = null;
      if (!Number.isNaN(submittedAt) && pi.deadline !== null) {
        deadline = deadlineFor(course, pi, extensionDays)!;
        lateMs = submittedAt - deadline;
      } else if (daysLate !== null && daysLate > 0) {
        lateMs = daysLate * DAY_MS;
      }
      if (lateMs > 0) {
        out.late = true;
        const source = deadline === null ? 'manual' : 'submitted';
        const when = source === 'manual' ? `marked ${daysLate} day${daysLate === 1 ? '' : 's'} late` : `submitted ${hoursText(lateMs)} late${extensionDays > 0 ? ` (after a ${extensionDays}-day extension)` : ''}`;
        const hoursLate = lateMs / HOUR_MS;
        const deadlineIso = deadline === null ? null : isoOf(course, deadline);
        if (waiver !== null) {
          late = { hoursLate, source, deadline: deadlineIso, extensionDays, deduction: 0, notAccepted: false, rule: 'waived', waived: waiver };
          why = say(out, item.id, why, `${item.name}: ${when}, penalty waived (${waiver})`, 0);
        } else {
          const r = applyLate(units, pi.possibleUnits, lateMs, course.late);
          units = r.units;
          fine = r.fine;
          const effective = fine === null ? units / SCALE : Number(fine) / FINE / SCALE;
          const deduction = value - effective;
          late = { hoursLate, source, deadline: deadlineIso, extensionDays, deduction, notAccepted: r.notAccepted, rule: r.rule, waived: null };
          why = say(out, item.id, why, 
            r.notAccepted
              ? `${item.name}: ${when} — not accepted, ${fmtPoints(value)} → 0 (late rule: ${r.rule})`
              : `${item.name}: ${when}, −${fmtPoints(deduction)} → ${fmtPoints(effective)} (late rule: ${r.rule})`,
            -deduction,
          );
        }
      }
    }

    out.approx[i] = fine === null ? units : Number(fine) / FINE;
    if (fine !== null) out.fine[i] = fine;
    out.inCurrent[i] = current ? 1 : 0;
    out.inFinal[i] = final ? 1 : 0;
    out.droppable[i] = final && !integrity && !item.neverDrop && pi.possibleUnits > 0 ? 1 : 0;
    out.outcome[i] = OUTCOMES.indexOf(outcome);
    out.raw[i] = raw ?? NaN;
    if (late || integrity || team || why) out.details[i] = { late, integrity, team, why };
  }
  return out;
}
