/**
 * The Presentations screen's forms: the draw, the record of a presentation (rubric grade
 * included), the rubric setting and a reading. Text fields in, the API's input out, or a
 * message per field that says what to type.
 */
import type { Input } from '../api';
import type { DrawCandidates, DrawSession, Exclusion, PresentationDraft, Reading, ReadingFields } from '../api/presentations';
import { zoneFormatter } from '../time/zone';
import { fmtPoints } from '../grading/format';
import type { PresentationPolicy } from '../model/policy';
import { parseNumber, type FieldErrors } from './fields';
import { plural } from '../text/words';
import { formatDay } from '../time/format';

/** A reading's link: a web address (https://…) or a DOI (doi:… or 10.1234/…). */
export const isLink = (text: string) => /^(https?:\/\/\S+|doi:\s*\S+|10\.\d{4,9}\/\S+)$/i.test(text.trim());

type Result<T, F> = { ok: true; input: T } | { ok: false; errors: F };

const whole = (s: string): number | null => {
  const n = parseNumber(s);
  return n !== null && Number.isInteger(n) ? n : null;
};
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export interface DrawForm {
  teams: string;
  /** Empty: the backend picks a fresh seed (and stores it). */
  seed: string;
  liftRule: boolean;
  liftReason: string;
  redrawReason: string;
}

export const EMPTY_DRAW: DrawForm = { teams: '1', seed: '', liftRule: false, liftReason: '', redrawReason: '' };

/** The draw's input for a session, or why it cannot run as filled in. */
export function formToDraw(
  f: DrawForm,
  candidates: DrawCandidates,
  exclusions: readonly Exclusion[],
): Result<Input<'draw.run'>, FieldErrors<DrawForm>> {
  const errors: FieldErrors<DrawForm> = {};
  const eligible = candidates.eligible.length;
  const n = whole(f.teams);
  if (n === null || n < 1) errors.teams = 'How many teams: a whole number, 1 or more.';
  else if (n > eligible) errors.teams = `Only ${plural(eligible, 'team')} can be drawn in this session; draw at most ${eligible}.`;
  if (f.liftRule && !f.liftReason.trim())
    errors.liftReason = 'Say why the fairness rule is lifted for this draw; it is stored with the draw.';
  if (candidates.earlierDraws.length > 0 && !f.redrawReason.trim())
    errors.redrawReason = 'This session already has a draw. Say why you draw again; the earlier draw stays listed.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      sessionId: candidates.session.id,
      teams: n!,
      ...(f.seed.trim() ? { seed: f.seed.trim() } : {}),
      ...(exclusions.length ? { exclusions: [...exclusions] } : {}),
      ...(f.liftRule ? { liftRule: f.liftReason.trim() } : {}),
      ...(candidates.earlierDraws.length ? { redrawReason: f.redrawReason.trim() } : {}),
    },
  };
}

export interface RecordForm {
  readingIds: number[];
  presenterIds: number[];
  duration: string;
  /** One text per rubric criterion, in the rubric's order; all empty: not graded yet. */
  criteria: string[];
  feedback: string;
}

export type RecordErrors = FieldErrors<Omit<RecordForm, 'criteria'>> & { criteria?: (string | undefined)[] };

/** The record dialog filled from the draft: the existing record, or the members present and the session's readings. */
export function draftToForm(d: PresentationDraft): RecordForm {
  const e = d.existing;
  const scored = new Map(e?.rubric.map((r) => [r.criterion, r.points]));
  return {
    readingIds: e ? [...e.readingIds] : d.readings.length === 1 ? [d.readings[0]!.id] : [],
    presenterIds: [...(e?.presenterIds ?? d.presenterIds)],
    duration: e?.durationMinutes == null ? '' : String(e.durationMinutes),
    criteria: d.rubric.map((c) => (scored.has(c.name) ? String(scored.get(c.name)) : '')),
    feedback: e?.feedback ?? '',
  };
}

/** The rubric's total and the grade as typed so far, e.g. "7/10", for the dialog to show live. */
export function rubricTotal(f: Pick<RecordForm, 'criteria'>, rubric: PresentationPolicy['rubric']): string {
  const possible = rubric.reduce((s, c) => s + c.points, 0);
  const typed = f.criteria.map(parseNumber);
  if (typed.every((n) => n === null)) return `not graded yet (out of ${fmtPoints(possible)})`;
  return `${fmtPoints(typed.reduce<number>((s, n) => s + (n ?? 0), 0))}/${fmtPoints(possible)}`;
}

export function formToRecord(f: RecordForm, d: PresentationDraft): Result<Omit<Input<'presentation.record'>, 'drawId'>, RecordErrors> {
  const errors: RecordErrors = {};
  let duration: number | null = null;
  if (f.duration.trim()) {
    duration = parseNumber(f.duration);
    if (duration === null || duration < 0 || duration > 600)
      errors.duration = 'Duration in minutes: a number from 0 to 600, or leave it empty.';
  }
  if (f.presenterIds.length === 0) errors.presenterIds = `Tick who presented (at least one member of ${d.teamName}).`;
  if (f.readingIds.length === 0 && d.readings.length > 0) errors.readingIds = `Tick the reading ${d.teamName} presented.`;
  const graded = f.criteria.some((t) => t.trim() !== '');
  const criteria = d.rubric.map((c, i) => {
    const text = f.criteria[i]?.trim() ?? '';
    if (!graded) return undefined;
    const n = parseNumber(text);
    if (text === '') return `Give ${c.name} a score from 0 to ${fmtPoints(c.points)}, or clear every criterion to record without a grade.`;
    if (n === null) return `'${text}' is not a number. Type ${c.name}'s points, from 0 to ${fmtPoints(c.points)}.`;
    if (n < 0 || n > c.points) return `${c.name} is out of ${fmtPoints(c.points)}: type a number from 0 to ${fmtPoints(c.points)}.`;
    return undefined;
  });
  if (criteria.some(Boolean)) errors.criteria = criteria;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      sessionId: d.session.id,
      teamId: d.teamId,
      readingIds: [...f.readingIds],
      presenterIds: [...f.presenterIds],
      durationMinutes: duration,
      rubric: graded ? d.rubric.map((c, i) => ({ criterion: c.name, points: parseNumber(f.criteria[i]!)! })) : [],
      feedback: orNull(f.feedback),
    },
  };
}

/**
 * The members a graded record gives the team grade although they did not present (absent, or
 * not ticked), when the course's rule gives them the team's grade: the dialog asks first.
 */
export function teamGradeForAbsent(f: RecordForm, d: PresentationDraft, rule: PresentationPolicy['absentPresenter']): string | null {
  if (rule !== 'team' || f.criteria.every((t) => t.trim() === '')) return null;
  const absent = d.members.filter((m) => !f.presenterIds.includes(m.studentId));
  if (absent.length === 0) return null;
  const names = absent.map((m) => `${m.name}${m.mark === 'absent' ? ' (absent)' : ''}`).join(', ');
  return `${names} did not present and ${absent.length === 1 ? 'gets' : 'get'} ${d.teamName}'s grade too, as the course's rule says. Save again to confirm, or tick who presented.`;
}

/** Where the grade lands: the week's item of Reading assignments, named as the gradebook names it. */
export function gradeDestination(week: number, item: { category: string; name: string } | null): string {
  return item ? `${item.category}: ${item.name}` : `Reading assignments: Presentation week ${week} (created when you save)`;
}

export interface RubricRow {
  name: string;
  points: string;
}
export interface RubricForm {
  rows: RubricRow[];
  absentPresenter: PresentationPolicy['absentPresenter'];
}

export const rubricToForm = (p: PresentationPolicy): RubricForm => ({
  rows: p.rubric.map((c) => ({ name: c.name, points: String(c.points) })),
  absentPresenter: p.absentPresenter,
});

/** The rubric setting, or a message per row (keyed by row index) and for the whole. */
export function formToRubric(f: RubricForm): Result<PresentationPolicy, { rows: (string | undefined)[]; whole?: string }> {
  const seen = new Set<string>();
  const rows = f.rows.map((r) => {
    const name = r.name.trim();
    const points = parseNumber(r.points);
    if (!name) return 'Name the criterion, e.g. "Content".';
    if (seen.has(name.toLowerCase())) return `"${name}" is listed twice; give each criterion its own name.`;
    seen.add(name.toLowerCase());
    if (points === null || points <= 0 || points > 1000) return `${name}: points must be a number above 0 (e.g. 4).`;
    return undefined;
  });
  const none = f.rows.length === 0 ? 'A rubric needs at least one criterion (e.g. Score, 10 points).' : undefined;
  if (none || rows.some(Boolean)) return { ok: false, errors: { rows, ...(none ? { whole: none } : {}) } };
  return {
    ok: true,
    input: { rubric: f.rows.map((r) => ({ name: r.name.trim(), points: parseNumber(r.points)! })), absentPresenter: f.absentPresenter },
  };
}

export interface ReadingForm {
  title: string;
  authors: string;
  link: string;
  week: string;
  /** '' or '1'..'5'. */
  chapter: string;
}

export const readingToForm = (r: Reading | null, week: number | null): ReadingForm => ({
  title: r?.title ?? '',
  authors: r?.authors ?? '',
  link: r?.link ?? '',
  week: String(r ? (r.week ?? '') : (week ?? '')),
  chapter: r?.chapter == null ? '' : String(r.chapter),
});

export const CHAPTERS = ['Scoping', 'Data', 'Model development', 'Deployment', 'Monitoring'] as const;

export function formToReading(f: ReadingForm): Result<ReadingFields, FieldErrors<ReadingForm>> {
  const errors: FieldErrors<ReadingForm> = {};
  if (!f.title.trim()) errors.title = 'A title is required, e.g. "Hidden Technical Debt in Machine Learning Systems".';
  const week = f.week.trim() ? whole(f.week) : null;
  if (f.week.trim() && (week === null || week < 1 || week > 60)) errors.week = 'Week: a whole number from 1 to 60, or leave it empty.';
  const link = f.link.trim();
  if (link && !isLink(link)) errors.link = `"${link}" is neither a web link (https://…) nor a DOI (10.…). Fix it or leave it empty.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      title: f.title.trim(),
      authors: orNull(f.authors),
      link: link || null,
      week,
      chapter: f.chapter ? Number(f.chapter) : null,
    },
  };
}

/** "Week 2, Tue 15 Sep: 20 students present, 1 draw", or that the roll was not taken. */
export function sessionLabel(s: DrawSession): string {
  const roll = s.rollTaken ? `${plural(s.presentCount, 'student')} present` : 'roll not taken';
  const draws = s.drawCount ? `, ${plural(s.drawCount, 'draw')}` : '';
  return `Week ${s.week}, ${formatDay(s.date)}${s.title ? ` (${s.title})` : ''}: ${roll}${draws}`;
}

const dayParts = zoneFormatter({ year: 'numeric', month: '2-digit', day: '2-digit' });

/** The session a draw most likely is for: today's, else the latest before today, else the first. */
export function defaultSession(sessions: readonly DrawSession[], now: number, timeZone: string): DrawSession | null {
  const parts = dayParts(timeZone).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const today = `${get('year')}-${get('month')}-${get('day')}`;
  return sessions.filter((s) => s.date <= today).at(-1) ?? sessions[0] ?? null;
}
