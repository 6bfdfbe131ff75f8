/** How an audit entry reads on the History screen: "Score: 8 → 9", "Student added". */
import type { HistoryEntry } from '../api/history';
import { formatInstant } from '../time/format';

/** Bookkeeping columns that change with every write and say nothing to the instructor. */
const QUIET = new Set(['updated_at', 'created_at', 'id', 'position']);

const LABELS: Record<string, string> = {
  value: 'Score',
  status: 'Status',
  submitted_at: 'Submitted',
  days_late: 'Days late',
  extension_days: 'Extension days',
  waiver_reason: 'Waiver',
  integrity_date: 'Integrity finding date',
  integrity_note: 'Integrity finding',
  adjust_mode: 'Adjustment',
  adjust_value: 'Adjustment value',
  comment: 'Comment',
  letter: 'Letter',
  percent: 'Percent',
  reason: 'Reason',
  registrar_id: 'Registrar ID',
  first_name: 'First name',
  last_name: 'Last name',
  preferred_name: 'Preferred name',
  accommodation_note: 'Accommodation',
  points_possible: 'Points possible',
  due_date: 'Due date',
  due_time: 'Due time',
  team_graded: 'Team-graded',
  never_drop: 'Never drop',
  policy_json: 'Course policy',
  from_at: 'From',
  to_at: 'Until',
  team_id: 'Team',
};

const ENTITIES: Record<string, string> = {
  score: 'score',
  team_score: 'team score',
  grade_override: 'grade override',
  student: 'student',
  team: 'team',
  team_member: 'team membership',
  item: 'item',
  category: 'category',
  course: 'course settings',
  attendance_mark: 'attendance mark',
  attendance_session: 'attendance session',
};

export const fieldLabel = (col: string) => LABELS[col] ?? col.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Columns holding an instant, shown as a time in the course's zone rather than as stored. */
const INSTANTS = new Set(['submitted_at', 'from_at', 'to_at']);

function show(v: unknown, col: string, timeZone: string | undefined): string {
  if (v === null || v === undefined || v === '') return 'empty';
  if (timeZone && INSTANTS.has(col) && typeof v === 'string' && !Number.isNaN(Date.parse(v))) return formatInstant(v, timeZone);
  if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 57)}…`;
  return String(v);
}

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/**
 * The fields an entry changed, old and new, in words; key columns are left to the entry's subject.
 * Given the course's time zone, times read in it ("Tue 16 Sep, 10:00 am EDT").
 */
export function fieldChanges(e: Pick<HistoryEntry, 'before' | 'after' | 'key'>, timeZone?: string): FieldChange[] {
  const cols = new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})]);
  const out: FieldChange[] = [];
  for (const col of cols) {
    if (QUIET.has(col) || col in e.key) continue;
    const b = e.before?.[col] ?? null;
    const a = e.after?.[col] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    out.push({ field: fieldLabel(col), before: show(b, col, timeZone), after: show(a, col, timeZone) });
  }
  return out;
}

/** One line for an entry: what happened to which kind of record. */
export function entrySummary(e: Pick<HistoryEntry, 'entity' | 'before' | 'after' | 'kind'>): string {
  const what = ENTITIES[e.entity] ?? e.entity.replace(/_/g, ' ');
  const verb = e.before === null ? 'added' : e.after === null ? 'removed' : 'changed';
  const prefix = e.kind === 'undo' ? 'Undo: ' : e.kind === 'redo' ? 'Redo: ' : '';
  return `${prefix}${what.replace(/^./, (c) => c.toUpperCase())} ${verb}`;
}
