/**
 * The cell menu's form: text fields in, the score.apply patches out (checked with the contract's
 * CellPatch schema), or a message per field that says what to type.
 */
import { CellPatch } from '../api/scores';
import { LocalDate, type Score, type TeamScore } from '../model/course';
import { instantToLocalInput, localInputToInstant } from '../grid/time';
import { parseNumber, type FieldErrors } from './fields';

export type AdjustmentMode = 'none' | 'replace' | 'delta';

export interface CellForm {
  /** A datetime-local value in the course's time zone ("2026-09-15T23:59"); empty: none. */
  submittedAt: string;
  daysLate: string;
  extensionDays: string;
  waiverReason: string;
  comment: string;
  integrityDate: string;
  integrityNote: string;
  adjustmentMode: AdjustmentMode;
  adjustmentValue: string;
}

/**
 * The form for a cell: `shared` holds the submission fields (the team's cell on a team item),
 * `own` the student's integrity finding and adjustment.
 */
export function cellToForm(shared: Score | TeamScore | undefined, own: Score | undefined, timeZone: string): CellForm {
  return {
    submittedAt: shared?.submittedAt ? instantToLocalInput(shared.submittedAt, timeZone) : '',
    daysLate: shared?.daysLate?.toString() ?? '',
    extensionDays: shared?.extensionDays?.toString() ?? '',
    waiverReason: shared?.waiverReason ?? '',
    comment: shared?.comment ?? '',
    integrityDate: own?.integrity?.date ?? '',
    integrityNote: own?.integrity?.note ?? '',
    adjustmentMode: own?.adjustment?.mode ?? 'none',
    adjustmentValue: own?.adjustment?.value.toString() ?? '',
  };
}

/** The patches to save: `shared` for the cell that holds the submission (the team's on a team item), `own` for the student's. */
export interface CellPatches {
  shared: CellPatch;
  own: CellPatch;
}

const LOCAL_INPUT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d$/;
const SUBMITTED_MESSAGE = 'is not a real date and time. Type a date with a 4-digit year and a time, or clear the field.';

/** Which form field a CellPatch key is typed in. */
const FIELD_OF: Record<string, keyof CellForm> = {
  submittedAt: 'submittedAt',
  daysLate: 'daysLate',
  extensionDays: 'extensionDays',
  waiverReason: 'waiverReason',
  comment: 'comment',
  integrity: 'integrityNote',
  adjustment: 'adjustmentValue',
};

/** What the field's label says, for the messages. */
const LABEL: Record<keyof CellForm, string> = {
  submittedAt: 'Submitted at',
  daysLate: 'Days late',
  extensionDays: 'Extension (days)',
  waiverReason: 'Waiver reason',
  comment: 'Comment',
  integrityDate: 'Integrity finding date',
  integrityNote: 'Integrity finding note',
  adjustmentMode: 'Adjustment',
  adjustmentValue: 'Adjustment points',
};

/** A contract limit in words: "must be 365 or less." */
function limitWords(issue: { code: string; message: string; origin?: unknown; maximum?: unknown; minimum?: unknown }): string {
  const unit = issue.origin === 'string' ? ' characters' : '';
  if (issue.code === 'too_big') return `must be ${String(issue.maximum)}${unit} or less.`;
  if (issue.code === 'too_small') return `must be ${String(issue.minimum)}${unit} or more.`;
  return `${issue.message}.`;
}

const optionalNumber = (s: string): number | null | 'bad' => (s.trim() === '' ? null : (parseNumber(s) ?? 'bad'));
const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());

export function formToCell(
  f: CellForm,
  timeZone: string,
  teamGraded: boolean,
): { ok: true; patches: CellPatches } | { ok: false; errors: FieldErrors<CellForm> } {
  const errors: FieldErrors<CellForm> = {};

  let submittedAt: string | null = null;
  const local = f.submittedAt.trim();
  const parts = LOCAL_INPUT.exec(local);
  if (local && (!parts || !LocalDate.safeParse(parts[1]).success)) errors.submittedAt = `Submitted at: '${local}' ${SUBMITTED_MESSAGE}`;
  else if (local) submittedAt = localInputToInstant(local, timeZone);

  const numbers = { daysLate: optionalNumber(f.daysLate), extensionDays: optionalNumber(f.extensionDays) };
  for (const [field, n] of Object.entries(numbers) as [keyof typeof numbers, number | null | 'bad'][]) {
    if (n === 'bad')
      errors[field] = `${LABEL[field]}: '${f[field].trim()}' is not a number. Type a number of days, e.g. 2, or leave it empty.`;
  }

  const integrityDate = f.integrityDate.trim();
  const integrityNote = f.integrityNote.trim();
  if (integrityDate && !LocalDate.safeParse(integrityDate).success)
    errors.integrityDate = `Integrity finding date: '${integrityDate}' is not a real date. Pick the day of the finding, or clear it.`;
  else if (integrityDate && !integrityNote)
    errors.integrityNote = 'Integrity finding: write a note saying what was found, or clear the date.';
  else if (!integrityDate && integrityNote) errors.integrityDate = 'Integrity finding: give the date of the finding, or clear the note.';

  const mode = teamGraded ? f.adjustmentMode : 'none';
  const adjustment = mode === 'none' ? null : parseNumber(f.adjustmentValue);
  if (mode !== 'none' && adjustment === null)
    errors.adjustmentValue =
      f.adjustmentValue.trim() === ''
        ? 'Adjustment: enter the points, or choose "No adjustment".'
        : `Adjustment points: '${f.adjustmentValue.trim()}' is not a number. Type points, e.g. 8 or -2.`;

  if (Object.keys(errors).length) return { ok: false, errors };

  const shared: CellPatch = {
    submittedAt,
    daysLate: numbers.daysLate as number | null,
    extensionDays: numbers.extensionDays as number | null,
    waiverReason: text(f.waiverReason),
    comment: text(f.comment),
  };
  const own: CellPatch = {
    integrity: integrityDate ? { date: integrityDate, note: integrityNote } : null,
    ...(teamGraded ? { adjustment: mode === 'none' ? null : { mode, value: adjustment! } } : shared),
  };
  // The contract's own limits (days up to 365, text lengths), named by the field they came from.
  for (const patch of [shared, own]) {
    const checked = CellPatch.safeParse(patch);
    for (const issue of checked.success ? [] : checked.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? 'comment';
      errors[field] ??= `${LABEL[field]}: ${limitWords(issue)}`;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patches: { shared, own } };
}
