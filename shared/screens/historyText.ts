/**
 * How an audit entry reads on the History screen, in the instructor's words: "Category:
 * Homeworks", "Team-graded: yes", "Export profile 'Banner grade entry' saved", "Draw for week 3:
 * 4 candidates". Never raw JSON, internal ids, stored timestamps, column names or 0/1.
 */
import type { HistoryEntry } from '../api/history';
import { fmtPoints } from '../grading/format';
import { plural } from '../text/words';
import { clockText, formatDay, formatInstant } from '../time/format';
import { policyChanges } from './policyText';

export type Described = Pick<HistoryEntry, 'entity' | 'key' | 'before' | 'after' | 'kind' | 'refs'>;

type Image = Record<string, unknown>;

/** What a stored value reads as; `refs` names the records an id column points at. */
type Show = (v: unknown, ctx: { timeZone: string; ref: string | undefined }) => string;

const text = (v: unknown): string => {
  const s = String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};
const yesNo: Show = (v) => (v ? 'yes' : 'no');
const number: Show = (v) => fmtPoints(Number(v));
const percent: Show = (v) => `${fmtPoints(Number(v))}%`;
const days: Show = (v) => plural(Number(v), 'day');
const instant: Show = (v, { timeZone }) => formatInstant(String(v), timeZone);
const day: Show = (v) => formatDay(String(v));
const clock: Show = (v) => clockText(String(v));
const ref: Show = (v, { ref }) => (ref === undefined ? text(v) : ref || 'none');
const count =
  (one: string, many?: string): Show =>
  (v) =>
    plural((JSON.parse(String(v)) as unknown[]).length, one, many);
const words =
  (map: Record<string, string>): Show =>
  (v) =>
    map[String(v)] ?? text(v);
const rubric: Show = (v) =>
  (JSON.parse(String(v)) as { criterion?: string; name?: string; points: number }[])
    .map((c) => `${c.criterion ?? c.name} ${fmtPoints(c.points)}`)
    .join(', ') || 'none';

interface Column {
  readonly label: string;
  readonly show?: Show;
}

/** Every column of every audited table that means something to the instructor. */
const COLUMNS: Record<string, Column> = {
  name: { label: 'Name' },
  code: { label: 'Course code' },
  term: { label: 'Term' },
  weight: { label: 'Weight', show: percent },
  drop_lowest: { label: 'Drop lowest', show: number },
  drop_highest: { label: 'Drop highest', show: number },
  equal_weight_items: { label: 'Items weigh equally', show: yesNo },
  kind: { label: 'Graded from', show: words({ items: 'its items', attendance: 'attendance' }) },
  registrar_id: { label: 'Registrar ID' },
  first_name: { label: 'First name' },
  last_name: { label: 'Last name' },
  preferred_name: { label: 'Preferred name' },
  email: { label: 'Email' },
  section: { label: 'Section' },
  status: { label: 'Status' },
  extension_days: { label: 'Extension', show: days },
  accommodation_note: { label: 'Accommodation' },
  team_id: { label: 'Team', show: ref },
  student_id: { label: 'Student', show: ref },
  item_id: { label: 'Item', show: ref },
  category_id: { label: 'Category', show: ref },
  session_id: { label: 'Session', show: ref },
  draw_id: { label: 'Draw', show: ref },
  from_at: { label: 'From', show: instant },
  to_at: { label: 'Until', show: instant },
  points_possible: { label: 'Points possible', show: number },
  due_date: { label: 'Due date', show: day },
  due_time: { label: 'Due time', show: clock },
  due_at: { label: 'Due', show: instant },
  team_graded: { label: 'Team-graded', show: yesNo },
  never_drop: { label: 'Never dropped', show: yesNo },
  muted: { label: 'Hidden from students', show: yesNo },
  omit_from_final: { label: 'Left out of the final grade', show: yesNo },
  milestone: { label: 'Project milestone', show: number },
  external_id: { label: 'Canvas assignment' },
  value: { label: 'Score', show: number },
  submitted_at: { label: 'Submitted', show: instant },
  days_late: { label: 'Days late', show: number },
  waiver_reason: { label: 'Late penalty waived' },
  integrity_date: { label: 'Integrity finding date', show: day },
  integrity_note: { label: 'Integrity finding' },
  adjust_mode: { label: 'Adjustment', show: words({ replace: 'replaces the score', delta: 'adds to the score' }) },
  adjust_value: { label: 'Adjustment value', show: number },
  comment: { label: 'Comment' },
  letter: { label: 'Letter' },
  percent: { label: 'Percent', show: percent },
  reason: { label: 'Reason' },
  date: { label: 'Date', show: day },
  title: { label: 'Title' },
  start_time: { label: 'Starts', show: clock },
  end_time: { label: 'Ends', show: clock },
  topic: { label: 'Topic' },
  note: { label: 'Note' },
  notes: { label: 'Notes' },
  cancelled: { label: 'Cancelled', show: yesNo },
  mark: { label: 'Mark' },
  week: { label: 'Week', show: number },
  drawn_at: { label: 'Drawn on', show: instant },
  seed: { label: 'Seed' },
  candidates_json: { label: 'Candidates', show: count('team') },
  allow_repeat: { label: 'Repeat presenters allowed', show: yesNo },
  session_date: { label: 'Session date', show: day },
  teams_count: { label: 'Teams drawn', show: number },
  result_json: { label: 'Drawn teams', show: ref },
  rule: { label: 'Rule', show: words({ 'fewest-turns': 'fewest turns first', lifted: 'fairness rule lifted' }) },
  exclusions_json: { label: 'Left out', show: count('team') },
  lift_reason: { label: 'Why the rule was lifted' },
  redraw_reason: { label: 'Why redrawn' },
  withdrawn_at: { label: 'Withdrawn', show: instant },
  withdraw_reason: { label: 'Why withdrawn' },
  presenters_json: { label: 'Presenters', show: ref },
  score: { label: 'Grade', show: number },
  readings_json: { label: 'Readings', show: ref },
  duration_minutes: { label: 'Minutes', show: number },
  rubric_json: { label: 'Rubric', show: rubric },
  feedback: { label: 'Feedback' },
  authors: { label: 'Authors' },
  link: { label: 'Link' },
  chapter: { label: 'Chapter', show: number },
  at: { label: 'Sent', show: instant },
  file_name: { label: 'File' },
  letters_json: { label: 'Letters', show: count('letter') },
};

/**
 * Columns that say nothing to the instructor (bookkeeping, ordering, a checksum, the draw's
 * algorithm name) or that the
 * summary already says in words (a policy, a profile's settings, a stored setting).
 */
const QUIET = new Set([
  'id',
  'updated_at',
  'created_at',
  'position',
  'sha256',
  'algorithm',
  'profile_json',
  'config_json',
  'policy_json',
  'value_json',
  'key',
]);

/** Whether a column has words of its own (the unit test holds every audited column to this). */
export const hasWords = (col: string) => QUIET.has(col) || col in COLUMNS;

const empty = (v: unknown) => v === null || v === undefined || v === '';

function shown(col: string, v: unknown, timeZone: string, ref: string | undefined): string {
  if (empty(v)) return 'empty';
  const column = COLUMNS[col];
  return (column?.show ?? text)(v, { timeZone, ref });
}

/**
 * The lines under an entry: "Field: old → new" for a change, "Field: value" for what an added
 * or removed row held. A course's policy reads as its changed rules.
 */
export function changeLines(e: Described, timeZone: string): string[] {
  const before = e.before;
  const after = e.after;
  const lines: string[] = [];
  if (e.entity === 'course' && before && after && before.policy_json !== after.policy_json) {
    lines.push(...policyChanges(JSON.parse(String(before.policy_json)), JSON.parse(String(after.policy_json))));
  }
  const cols = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const col of cols) {
    if (QUIET.has(col) || col in e.key) continue;
    const label = COLUMNS[col]?.label ?? col;
    const b = before?.[col] ?? null;
    const a = after?.[col] ?? null;
    if (before && after) {
      if (JSON.stringify(b) === JSON.stringify(a)) continue;
      lines.push(`${label}: ${shown(col, b, timeZone, e.refs.before[col])} → ${shown(col, a, timeZone, e.refs.after[col])}`);
    } else {
      const v = after ? a : b;
      if (empty(v) || v === '[]' || (v === 0 && COLUMNS[col]?.show === yesNo)) continue;
      lines.push(`${label}: ${shown(col, v, timeZone, (after ? e.refs.after : e.refs.before)[col])}`);
    }
  }
  return lines;
}

type Verb = 'added' | 'changed' | 'removed';

/** What each table's added, changed and removed rows are called. */
const SUMMARIES: Record<string, (verb: Verb, image: Image) => string> = {
  score: (v) => ({ added: 'Score entered', changed: 'Score changed', removed: 'Score cleared' })[v],
  team_score: (v) => ({ added: 'Team score entered', changed: 'Team score changed', removed: 'Team score cleared' })[v],
  student: (v) => ({ added: 'Student added', changed: 'Student edited', removed: 'Student removed' })[v],
  team: (v) => ({ added: 'Team created', changed: 'Team renamed', removed: 'Team deleted' })[v],
  team_member: (v) => ({ added: 'Joined the team', changed: 'Team membership changed', removed: 'Left the team' })[v],
  item: (v) => ({ added: 'Item added', changed: 'Item edited', removed: 'Item deleted' })[v],
  category: (v) => ({ added: 'Category added', changed: 'Category edited', removed: 'Category deleted' })[v],
  course: () => 'Course settings changed',
  grade_override: (v) => ({ added: 'Final grade overridden', changed: 'Override changed', removed: 'Override cleared' })[v],
  attendance_session: (v) => ({ added: 'Session added', changed: 'Session edited', removed: 'Session deleted' })[v],
  attendance_mark: (v) => ({ added: 'Attendance marked', changed: 'Mark changed', removed: 'Mark cleared' })[v],
  presentation_draw: (v, d) => {
    const week = `Draw for week ${String(d.week)}`;
    if (v === 'changed') return d.withdrawn_at ? `${week} withdrawn` : `${week} changed`;
    if (v === 'removed') return `${week} removed`;
    return `${week}: ${plural((JSON.parse(String(d.candidates_json ?? '[]')) as unknown[]).length, 'candidate')}`;
  },
  presentation: (v) => ({ added: 'Presentation recorded', changed: 'Presentation edited', removed: 'Presentation deleted' })[v],
  reading: (v) => ({ added: 'Reading added', changed: 'Reading edited', removed: 'Reading removed' })[v],
  export_profile: (v, p) => `Export profile '${String(p.name)}' ${v === 'removed' ? 'deleted' : 'saved'}`,
  registrar_export: (_v, r) =>
    `Grades sent to the registrar: ${plural((JSON.parse(String(r.letters_json ?? '[]')) as unknown[]).length, 'letter')}`,
  setting: (v) => (v === 'removed' ? 'Setting cleared' : 'Setting saved'),
};

/** Whether an audited table has a summary of its own (the unit test holds every table to this). */
export const hasSummary = (table: string) => table in SUMMARIES;

/** One line for an entry: what happened, in words ("Score changed", "Undo: Item deleted"). */
export function entrySummary(e: Pick<HistoryEntry, 'entity' | 'before' | 'after' | 'kind'>): string {
  const verb: Verb = e.before === null ? 'added' : e.after === null ? 'removed' : 'changed';
  const say = SUMMARIES[e.entity] ?? ((v: Verb) => `Record ${v}`);
  const prefix = e.kind === 'undo' ? 'Undo: ' : e.kind === 'redo' ? 'Redo: ' : '';
  return `${prefix}${say(verb, e.after ?? e.before ?? {})}`;
}

/** What an undo or redo step says it did: "Undid: Edit Núñez, José · Homework 3." */
export function stepNotice(direction: 'undo' | 'redo', label: string | null): string {
  if (label === null) return direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
  return `${direction === 'undo' ? 'Undid' : 'Redid'}: ${label}.`;
}
