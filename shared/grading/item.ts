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
 * - on a team item the team's cell (score, submission time, manual lateness, extension, waiver)
 *   applies to every member on the team at the deadline; the member's own row can override the
 *   status, the extension and the waiver, and carries the adjustment. A member on no team (or
 *   whose team has no cell) is graded from their own row. Adjustments on non-team items are
 *   ignored.
 * - the adjustment changes the score before the late rule, so a late team's penalty applies to
 *   each member's adjusted score; a negative delta stops at 0.
 * - a member's standing extension applies to team items too (the accommodation is theirs).
 * - lateness comes from the submission time when there is one (and a due date), else from the
 *   manual days late (days × 24 h, taken as the lateness itself, extensions not applied). An
 *   exact deadline (dueAt) is measured to the millisecond: one second late is late.
 * - the missing-work policy, when on, scores missing work past its deadline at its percentage of
 *   points possible, and so also ungraded work past its (extended) deadline ('auto-missing':
 *   counted in both views). Excused, exempt and integrity findings are not missing work.
 * - an item that does not count toward the final grade is evaluated and shown as usual but is
 *   excluded from both views, so from every total and drop.
 */
import { DAY_MS, HOUR_MS, deadlineInstant, exactDeadline } from './deadline';
import { FINE, SCALE, toUnits } from './exact';
import { fmtPoints } from './format';
import { formatDuration, formatInstant } from '../time/format';
import { plural } from '../text/words';
import { notCountedText, notYetCountedText } from './explain';
import { applyLate, describeDeduction, describeLate } from './late';
import type { ScoreExtras } from '../model/packed';
import type { Item } from '../model/course';
import { CELL_STATUS, NO_CELL, type PreparedCourse, type PreparedItem, type PreparedStudent } from './prepare';
import { teamAt } from './team';
import type { ExplanationLine, Inclusion, IntegrityInfo, ItemOutcome, ItemResult, LateInfo, TeamInfo } from './types';

const OUTCOMES: readonly ItemOutcome[] = ['graded', 'ungraded', 'excused', 'exempt', 'missing', 'missing-before-due', 'auto-missing'];
const INCLUSION: readonly Inclusion[] = ['excluded', 'counted', 'dropped'];
const enum Code {
  Graded = 0,
  Ungraded = 1,
  Excused = 2,
  Exempt = 3,
  Missing = 4,
  MissingBeforeDue = 5,
  AutoMissing = 6,
}
const COUNTED = 1;
export const DROPPED = 2;

/** What only some items have, built only when results are explained. */
interface ItemDetails {
  readonly late: LateInfo | null;
  readonly integrity: IntegrityInfo | null;
  readonly team: TeamInfo | null;
  readonly why: readonly string[];
}

/**
 * One student's items in columns by item index. A full-course recompute reuses one set of
 * columns for every student and skips the words; the detailed pass (items and explanation of
 * one student, on demand) fills `details` and `lines` too.
 */
export interface StudentItems {
  readonly outcome: Uint8Array;
  /** The score as entered (team items: the team's), NaN for none. */
  readonly raw: Float64Array;
  /** Effective score in units (0 when nothing counts; the floor when `fine` is set). */
  readonly approx: Float64Array;
  /** Exact effective score at FINE resolution, only for scores that are not whole units. */
  readonly fine: (bigint | null)[];
  /** 0 excluded, COUNTED, or DROPPED (set once the categories are done). */
  readonly inCurrent: Uint8Array;
  readonly inFinal: Uint8Array;
  readonly droppable: Uint8Array;
  /** Detailed pass only. */
  readonly details: (ItemDetails | undefined)[] | null;
  readonly lines: ExplanationLine[] | null;
  late: boolean;
  missing: boolean;
  integrity: boolean;
}

export function newStudentItems(n: number, detailed: boolean): StudentItems {
  return {
    outcome: new Uint8Array(n),
    raw: new Float64Array(n),
    approx: new Float64Array(n),
    fine: new Array<bigint | null>(n).fill(null),
    inCurrent: new Uint8Array(n),
    inFinal: new Uint8Array(n),
    droppable: new Uint8Array(n),
    details: detailed ? [] : null,
    lines: detailed ? [] : null,
    late: false,
    missing: false,
    integrity: false,
  };
}

const NO_REASONS: readonly string[] = Object.freeze([]);

function deadlineFor(course: PreparedCourse, pi: PreparedItem, extensionDays: number): number | null {
  if (pi.deadline === null || extensionDays === 0) return pi.deadline;
  const key = `${pi.index}|${extensionDays}`;
  let d = course.deadlineCache.get(key);
  if (d === undefined) {
    d =
      pi.item.dueAt !== null
        ? exactDeadline(pi.deadline, course.timeZone, extensionDays)
        : deadlineInstant(pi.item.dueDate!, pi.dueTime, course.timeZone, extensionDays);
    course.deadlineCache.set(key, d);
  }
  return d;
}

/** A score column's value as results give it: NaN (no score) is null. */
function scoreOrNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

function orZero(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}

function effectiveOf(s: StudentItems, i: number): number {
  const f = s.fine[i];
  return f == null ? s.approx[i]! / SCALE : Number(f) / FINE / SCALE;
}

export function itemResults(course: PreparedCourse, s: StudentItems): ItemResult[] {
  const ungraded = [notYetCountedText('ungraded', course.missingPercent)];
  const missingBeforeDue = [notYetCountedText('missing-before-due', course.missingPercent)];
  return course.items.map((pi, i): ItemResult => {
    const item = pi.item;
    const code = s.outcome[i]!;
    const d = s.details?.[i];
    const raw = s.raw[i]!;
    return {
      itemId: item.id,
      categoryId: item.categoryId,
      name: item.name,
      possible: item.pointsPossible,
      raw: scoreOrNull(raw),
      effective: code === Code.Graded || code === Code.Missing || code === Code.AutoMissing ? effectiveOf(s, i) : null,
      outcome: OUTCOMES[code]!,
      current: INCLUSION[s.inCurrent[i]!]!,
      final: INCLUSION[s.inFinal[i]!]!,
      late: d?.late ?? null,
      integrity: d?.integrity ?? null,
      team: d?.team ?? null,
      why: d?.why.length ? d.why : code === Code.Ungraded ? ungraded : code === Code.MissingBeforeDue ? missingBeforeDue : NO_REASONS,
    };
  });
}

/**
 * The last evaluated student's extras by item index (`laidOut`): a Map lookup for every item
 * costs more than laying out the few cells that have extras.
 */
let extrasAt: (ScoreExtras | undefined)[] = [];
let laidOut: ReadonlyMap<number, ScoreExtras> | null = null;

function layOutExtras(extras: ReadonlyMap<number, ScoreExtras> | null, n: number): readonly (ScoreExtras | undefined)[] {
  if (extrasAt.length < n) {
    extrasAt = new Array<ScoreExtras | undefined>(n).fill(undefined);
    laidOut = null;
  }
  if (extras !== laidOut) {
    laidOut?.forEach((_, i) => (extrasAt[i] = undefined));
    extras?.forEach((e, i) => (extrasAt[i] = e));
    laidOut = extras;
  }
  return extrasAt;
}

/** Writes every item of `out` for one student. Words are produced only when out.lines is set. */
export function evaluateItems(course: PreparedCourse, ps: PreparedStudent, asOf: number, out: StudentItems): void {
  const n = course.items.length;
  out.late = out.missing = out.integrity = false;
  const lines = out.lines;
  const standing = ps.student.extensionDays;
  // Read once, not per item: where modules run as CommonJS (tsx, vitest) every read of an
  // imported binding is a getter call until the JIT inlines it, and this loop runs per cell.
  const noCell = NO_CELL;
  const statuses = CELL_STATUS;
  const extras = layOutExtras(ps.extras, n);

  for (let i = 0; i < n; i++) {
    const pi = course.items[i]!;
    const item = pi.item;
    const cell = ps.cells[i]!;
    const own = cell === noCell ? undefined : extras[i];
    const entered = ps.values[i]!;

    // NaN for no score, and Number() on what is read from objects: a score the optimiser cannot
    // prove is a number would be boxed, for every item of every student.
    let raw = entered;
    let status = statuses[cell]!;
    let submittedAt = ps.submittedAt[i]!;
    let daysLate = own?.daysLate ?? null;
    let extension = own?.extensionDays ?? null;
    let waiver = own?.waiverReason ?? null;
    let team: TeamInfo | null = null;
    let why: string[] | null = null;

    let value = raw;
    if (item.teamGraded) {
      const teamId = teamAt(ps.stints, pi.deadline);
      const tc = teamId === null ? undefined : course.teamCells[i]?.get(teamId);
      if (tc) {
        const c = tc.cell;
        raw = value = Number(c.value ?? NaN);
        status = status ?? c.status;
        submittedAt = tc.submittedAt;
        daysLate = c.daysLate;
        extension = extension ?? c.extensionDays;
        waiver = waiver ?? c.waiverReason;
      }
      const adjustment = own?.adjustment ?? null;
      if (adjustment) {
        // A stored replacement without a value (the file's schema allows one) is no score, not 0.
        const replacement = (adjustment.value as number | null) ?? NaN;
        value = adjustment.mode === 'replace' ? Number(replacement) : Number.isNaN(value) ? NaN : Math.max(0, value + adjustment.value);
        if (lines && !Number.isNaN(value)) {
          const how =
            adjustment.mode === 'replace'
              ? `individual score ${fmtPoints(value)} replaces the team's ${Number.isNaN(raw) ? 'missing score' : fmtPoints(raw)}`
              : `${tc ? 'team score' : 'score'} ${fmtPoints(raw)} ${adjustment.value >= 0 ? '+' : '−'} ${fmtPoints(Math.abs(adjustment.value))} (individual adjustment)${raw + adjustment.value < 0 ? ', stopping at 0' : ''}`;
          why = say(lines, item.id, why, `${item.name}: ${how} → ${fmtPoints(value)}`, value - orZero(raw));
        }
      }
      if (lines) team = { teamId, teamScore: tc ? tc.cell.value : null, adjustment };
    }

    const extensionDays = standing + (extension ?? 0);
    let code: Code;
    let units = 0;
    let fine: bigint | null = null;
    let late: LateInfo | null = null;
    let integrity: IntegrityInfo | null = null;
    let current = false;
    let final = false;

    if (own?.integrity) {
      code = Code.Graded;
      current = final = true;
      out.integrity = true;
      if (lines) {
        integrity = { date: own.integrity.date, note: own.integrity.note, original: scoreOrNull(value) };
        why = say(
          lines,
          item.id,
          why,
          `${item.name}: academic integrity finding (${integrity.date}: ${integrity.note}) — score ${Number.isNaN(value) ? 'none' : fmtPoints(value)} → 0, never dropped`,
          -orZero(value),
        );
      }
    } else if (status === 'excused' || status === 'exempt') {
      code = status === 'excused' ? Code.Excused : Code.Exempt;
      if (lines) why = notCounted(lines, course, item, why, status);
    } else if (status === 'missing') {
      const deadline = deadlineFor(course, pi, extensionDays);
      if (deadline === null || asOf > deadline) {
        code = Code.Missing;
        current = final = true;
        out.missing = true;
        units = missingUnits(course, pi);
        if (lines) why = say(lines, item.id, why, `${item.name}: missing — ${missingText(course, units)}`, units / SCALE - orZero(value));
      } else {
        code = Code.MissingBeforeDue;
        final = true;
      }
    } else if (Number.isNaN(value)) {
      const deadline = course.missingPercent === null ? null : deadlineFor(course, pi, extensionDays);
      if (deadline !== null && asOf > deadline) {
        code = Code.AutoMissing;
        current = final = true;
        out.missing = true;
        units = missingUnits(course, pi);
        if (lines) {
          const at = formatInstant(deadline, course.timeZone);
          why = say(
            lines,
            item.id,
            why,
            `${item.name}: not graded by its deadline (${at}), so missing — ${missingText(course, units)}`,
            units / SCALE,
          );
        }
      } else {
        code = Code.Ungraded;
        final = true;
      }
    } else {
      code = Code.Graded;
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
        const r = waiver === null ? applyLate(units, pi.possibleUnits, lateMs, course.late) : null;
        if (r) {
          units = r.units;
          fine = r.fine;
        }
        if (lines) {
          const source = deadline === null ? 'manual' : 'submitted';
          const lateness =
            deadline === null
              ? `marked ${plural(daysLate!, 'day')} late`
              : `submitted ${formatDuration(lateMs)} late (${formatInstant(submittedAt, course.timeZone)}; deadline ${formatInstant(deadline, course.timeZone)}${
                  extensionDays > 0 ? ` with a ${fmtPoints(extensionDays)}-day extension` : ''
                })`;
          const effective = fine === null ? units / SCALE : Number(fine) / FINE / SCALE;
          const deduction = value - effective;
          const rule = r ? describeLate(course.late, r, lateMs) : 'waived';
          const penalty = r ? describeDeduction(course.late, r, toUnits(value), pi.possibleUnits) : `penalty waived (${waiver})`;
          late = {
            hoursLate: lateMs / HOUR_MS,
            source,
            deadline: deadline === null ? null : new Date(deadline).toISOString(),
            extensionDays,
            deduction,
            notAccepted: r?.notAccepted ?? false,
            rule,
            waived: waiver,
            lateness,
            penalty,
          };
          const text = r
            ? `${item.name}: ${lateness}${r.notAccepted ? ' —' : ','} ${penalty} (late rule: ${rule})`
            : `${item.name}: ${lateness}, ${penalty}`;
          why = say(lines, item.id, why, text, -deduction);
        }
      }
    }

    if (item.omitFromFinal) {
      current = final = false;
      if (lines) why = say(lines, item.id, why, `${item.name}: does not count toward the final grade — shown, not counted`, 0);
    }

    out.outcome[i] = code;
    out.raw[i] = raw;
    out.approx[i] = fine === null ? units : Number(fine) / FINE;
    out.fine[i] = fine;
    out.inCurrent[i] = current ? COUNTED : 0;
    out.inFinal[i] = final ? COUNTED : 0;
    out.droppable[i] = final && !own?.integrity && !item.neverDrop ? 1 : 0;
    if (out.details && (late || integrity || team || why)) out.details[i] = { late, integrity, team, why: why ?? NO_REASONS };
  }
}

/** What missing work scores: 0, or the missing-work policy's share of points possible. */
function missingUnits(course: PreparedCourse, pi: PreparedItem): number {
  return course.missingPercent === null ? 0 : Math.round((pi.possibleUnits * course.missingPercent) / 100);
}

function missingText(course: PreparedCourse, units: number): string {
  if (course.missingPercent === null) return 'counts 0';
  return `scores ${fmtPoints(course.missingPercent)}% of points possible by the missing-work policy = ${fmtPoints(units / SCALE)}`;
}

/**
 * Notes an excused or exempt item: in the item's own reasons, and on its category's one line of
 * items with that status (the trail would otherwise open with a line per excused week).
 */
function notCounted(
  lines: ExplanationLine[],
  course: PreparedCourse,
  item: Item,
  why: string[] | null,
  status: 'excused' | 'exempt',
): string[] {
  const { id, categoryId } = item;
  const k = lines.findIndex((l) => l.kind === 'not-counted' && l.categoryId === categoryId && l.status === status);
  const prev = lines[k];
  if (prev?.kind === 'not-counted') {
    const itemIds = [...prev.itemIds, id];
    const names = itemIds.map((i) => course.items[course.itemIndex.get(i)!]!.item.name);
    lines[k] = { ...prev, itemIds, text: notCountedText(names, status) };
  } else {
    lines.push({ kind: 'not-counted', categoryId, status, itemIds: [id], text: notCountedText([item.name], status) });
  }
  const list = why ?? [];
  list.push(notCountedText([item.name], status));
  return list;
}

function say(lines: ExplanationLine[], itemId: number, why: string[] | null, text: string, change: number): string[] {
  lines.push({ kind: 'item', itemId, text, change });
  const list = why ?? [];
  list.push(text);
  return list;
}
