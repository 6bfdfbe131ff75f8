/**
 * The attendance screens' logic: mark letters and what an instructor types or pastes, the
 * roll's keyboard, the register's filters, cells and pasted blocks. Every total and rate comes
 * from the backend (counted by shared/grading/attendance.ts); nothing here computes a rate.
 */
import type { MarkEdit, MarkResult, Register, RegisterStudent, SessionRow, SessionState } from '../api/attendance';
import { fold } from '../grid/view';
import { mapPaste, type Range } from '../grid/range';
import type { AttendanceMark } from '../model';
import { formatDay } from '../time/format';

export const MARKS: readonly AttendanceMark[] = ['present', 'late', 'absent', 'excused'];

export const MARK_LETTER: Readonly<Record<AttendanceMark, string>> = { present: 'P', late: 'L', absent: 'A', excused: 'E' };
export const MARK_WORD: Readonly<Record<AttendanceMark, string>> = {
  present: 'Present',
  late: 'Late',
  absent: 'Absent',
  excused: 'Excused',
};

/** Letters, words and sign-in sheet codes: 1, x, ✓ and yes are present, 0 is absent. */
const CODES: Readonly<Record<string, AttendanceMark>> = {
  p: 'present',
  present: 'present',
  '1': 'present',
  x: 'present',
  '✓': 'present',
  yes: 'present',
  y: 'present',
  l: 'late',
  late: 'late',
  a: 'absent',
  absent: 'absent',
  '0': 'absent',
  e: 'excused',
  ex: 'excused',
  excused: 'excused',
};

/** The mark a typed, pasted or imported code stands for (case and spaces ignored), if any. */
export const markOfCode = (text: string): AttendanceMark | undefined => CODES[text.trim().toLowerCase()];

export type MarkInput = { ok: true; mark: AttendanceMark | null } | { ok: false; message: string };

/** A typed or pasted mark; a blank clears the mark (the session then reads "not yet marked" for the student). */
export function parseMark(text: string): MarkInput {
  const t = text.trim().toLowerCase();
  if (t === '') return { ok: true, mark: null };
  const mark = markOfCode(t);
  if (mark) return { ok: true, mark };
  return {
    ok: false,
    message: `'${text.trim()}' is not a mark. Use P (present), L (late), A (absent), E (excused), 1, 0 or x, or leave it empty.`,
  };
}

/** What one key does while taking the roll. */
export type RollAction =
  | { kind: 'mark'; mark: AttendanceMark }
  | { kind: 'move'; by: number }
  /** Shift+E: excused, asking for the reason. */
  | { kind: 'reason' }
  | { kind: 'clear' }
  | null;

const ROLL_KEYS: Readonly<Record<string, AttendanceMark>> = { p: 'present', l: 'late', a: 'absent', e: 'excused' };

/** P/L/A/E mark the student at the cursor (then the cursor moves on); arrows, Enter and Tab move. */
export function rollAction(key: string, mods: { shift?: boolean; ctrl?: boolean; alt?: boolean } = {}): RollAction {
  if (mods.ctrl || mods.alt) return null;
  if (key.length === 1) {
    const k = key.toLowerCase();
    if (k === 'e' && mods.shift) return { kind: 'reason' };
    const mark = ROLL_KEYS[k];
    return mark ? { kind: 'mark', mark } : null;
  }
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case 'Enter':
    case 'Tab':
      return { kind: 'move', by: mods.shift ? -1 : 1 };
    case 'Home':
      return { kind: 'move', by: -Infinity };
    case 'End':
      return { kind: 'move', by: Infinity };
    case 'Delete':
    case 'Backspace':
      return { kind: 'clear' };
    default:
      return null;
  }
}

/** The cursor after a move, kept on the list (the last student stays put rather than wrapping). */
export function moveCursor(cursor: number, by: number, length: number): number {
  if (length === 0) return 0;
  const to = by === Infinity ? length - 1 : by === -Infinity ? 0 : cursor + by;
  return Math.max(0, Math.min(length - 1, to));
}

/** The session to take the roll for by default: today's, else the last one started, else the first. */
export function defaultSession(sessions: readonly SessionRow[], today: string, now: string): SessionRow | null {
  const open = sessions.filter((s) => !s.cancelled);
  return open.find((s) => s.date === today) ?? [...open].reverse().find((s) => s.startsAt <= now) ?? open[0] ?? sessions[0] ?? null;
}

/** Every word of the query must appear in the student's name or registrar ID. */
export function matchesStudent(s: Pick<RegisterStudent, 'name' | 'registrarId'>, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const hay = fold(`${s.name} ${s.registrarId}`);
  return words.every((w) => hay.includes(w));
}

export interface RegisterFilter {
  section: string | null;
  team: string | null;
  /** Only students the engine flags below the low-attendance threshold. */
  below: boolean;
  search: string;
}

export const NO_FILTER: RegisterFilter = { section: null, team: null, below: false, search: '' };

export function filterStudents<S extends RegisterStudent>(students: readonly S[], f: RegisterFilter): S[] {
  return students.filter(
    (s) =>
      (f.section === null || s.section === f.section) &&
      (f.team === null || s.team === f.team) &&
      (!f.below || s.totals.low) &&
      matchesStudent(s, f.search),
  );
}

/** The sections and teams to filter by, sorted as a person would. */
export function filterChoices(students: readonly RegisterStudent[]): { sections: string[]; teams: string[] } {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const distinct = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort(collator.compare);
  return { sections: distinct(students.map((s) => s.section)), teams: distinct(students.map((s) => s.team)) };
}

export interface MarkCellView {
  text: string;
  /** The tooltip and accessible description: what the cell means. */
  title: string;
  /** A style hook: the mark, or the session's state when there is no mark. */
  tone: AttendanceMark | 'roll-not-taken' | 'upcoming' | 'cancelled' | 'unmarked';
}

const STATE_WORDS: Readonly<Record<SessionState, string>> = {
  held: 'Held',
  'roll-not-taken': 'Roll not taken',
  upcoming: 'Upcoming',
  cancelled: 'Cancelled',
};

export const sessionStateText = (s: SessionState): string => STATE_WORDS[s];

/**
 * What a register cell shows: the mark's letter (its colour is only a second cue); without a
 * mark, a session whose roll was not taken says so instead of looking like an absence.
 */
export function markCell(mark: AttendanceMark | null, session: Pick<SessionRow, 'state'>, reason?: string | null): MarkCellView {
  if (session.state === 'cancelled') {
    return { text: mark ? MARK_LETTER[mark] : '–', title: 'Session cancelled: counts for nobody', tone: 'cancelled' };
  }
  if (mark) return { text: MARK_LETTER[mark], title: reason ? `${MARK_WORD[mark]}: ${reason}` : MARK_WORD[mark], tone: mark };
  if (session.state === 'roll-not-taken') return { text: '?', title: 'Roll not taken', tone: 'roll-not-taken' };
  if (session.state === 'upcoming') return { text: '', title: 'Upcoming session', tone: 'upcoming' };
  return { text: '·', title: 'Not marked yet', tone: 'unmarked' };
}

export type PasteResult = { ok: true; edits: MarkEdit[]; clipped: boolean } | { ok: false; problems: string[] };

/**
 * A block pasted onto the register (rows: the students shown, columns: the sessions) as mark
 * edits, or every unreadable cell named by row and session. A single value fills the selection.
 */
export function pasteMarks(
  block: readonly (readonly string[])[],
  target: Range,
  students: readonly Pick<RegisterStudent, 'studentId' | 'name'>[],
  sessions: readonly Pick<SessionRow, 'id' | 'date' | 'title'>[],
): PasteResult {
  const placed = mapPaste(block, target, students.length, sessions.length);
  return toMarkEdits(placed.cells, students, sessions, placed.clipped);
}

/** Texts placed on register cells as edits; any unreadable text refuses the whole action. */
export function toMarkEdits(
  cells: readonly { row: number; col: number; text: string }[],
  students: readonly Pick<RegisterStudent, 'studentId' | 'name'>[],
  sessions: readonly Pick<SessionRow, 'id' | 'date' | 'title'>[],
  clipped = false,
): PasteResult {
  const edits: MarkEdit[] = [];
  const problems: string[] = [];
  for (const c of cells) {
    const student = students[c.row];
    const session = sessions[c.col];
    if (!student || !session) continue;
    const parsed = parseMark(c.text);
    if (parsed.ok) edits.push({ sessionId: session.id, studentId: student.studentId, mark: parsed.mark });
    else problems.push(`Row ${c.row + 1} (${student.name}), session ${sessionLabel(session)}: ${parsed.message}`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, edits, clipped };
}

export const sessionLabel = (s: Pick<SessionRow, 'date' | 'title'>): string =>
  s.title ? `${formatDay(s.date)} (${s.title})` : formatDay(s.date);

/** A rate as the engine displays it, with its percent sign as the Gradebook shows percentages ("87.50%"). */
export const ratePercent = (display: string): string => (display.endsWith('%') ? display : `${display}%`);

/** At most three problems in a sentence, then how many more: a refusal stays readable. */
export function problemSummary(problems: readonly string[]): string {
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `Nothing was changed. ${problems.slice(0, 3).join(' ')}${more}`;
}

/**
 * The register with a mark request's answer in it: the written and cleared marks, and the engine's
 * new totals of the students touched. Other students keep their objects, so their rows do not
 * re-render. Per-session totals wait for the next register load (they are the backend's to count).
 */
export function withMarks(register: Register, result: MarkResult): Register {
  const col = new Map(register.sessions.map((s, i) => [s.id, i]));
  const totals = new Map(result.students.map((s) => [s.studentId, s.totals]));
  const marks = new Map<number, [number, AttendanceMark | null][]>();
  const put = (studentId: number, sessionId: number, mark: AttendanceMark | null) => {
    const i = col.get(sessionId);
    if (i === undefined) return;
    const list = marks.get(studentId);
    if (list) list.push([i, mark]);
    else marks.set(studentId, [[i, mark]]);
  };
  for (const c of result.cells) put(c.studentId, c.sessionId, c.mark);
  for (const c of result.cleared) put(c.studentId, c.sessionId, null);
  const students = register.students.map((s) => {
    const changed = marks.get(s.studentId);
    const t = totals.get(s.studentId);
    if (!changed && !t) return s;
    const row = [...s.marks];
    for (const [i, mark] of changed ?? []) row[i] = mark;
    return { ...s, marks: row, totals: t ?? s.totals };
  });
  const reasons = register.reasons.filter((r) => !marks.get(r.studentId)?.some(([i]) => register.sessions[i]!.id === r.sessionId));
  for (const c of result.cells) if (c.reason) reasons.push({ sessionId: c.sessionId, studentId: c.studentId, reason: c.reason });
  return { ...register, students, reasons };
}
