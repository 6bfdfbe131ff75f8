import type { ScoreStatus } from '@shared/model';
import type { Db } from '../db/open';
import { cellNumber, cellText, type CellValue } from './sheet';

/** What a score cell in a file means. */
export type ScoreCell =
  | { kind: 'blank' }
  | { kind: 'value'; value: number }
  | { kind: 'status'; status: ScoreStatus }
  | { kind: 'not-assigned' }
  | { kind: 'invalid'; text: string };

const STATUS_WORDS: Record<string, ScoreStatus> = {
  ex: 'excused',
  exc: 'excused',
  excused: 'excused',
  mi: 'missing',
  mis: 'missing',
  missing: 'missing',
  exempt: 'exempt',
};

/** "9.5", "9,50" (decimal-comma files), "EX", "excused", "MI", "N/A" (Canvas: not assigned). */
export function readScoreCell(value: CellValue | undefined, decimalComma: boolean): ScoreCell {
  const text = cellText(value);
  if (text === '' || text === '-') return { kind: 'blank' };
  const status = STATUS_WORDS[text.toLowerCase()];
  if (status) return { kind: 'status', status };
  if (/^n\/?a$/i.test(text)) return { kind: 'not-assigned' };
  const n = cellNumber(value, decimalComma);
  if (n === null) return { kind: 'blank' };
  if (Number.isNaN(n) || !Number.isFinite(n)) return { kind: 'invalid', text };
  return { kind: 'value', value: n };
}

/** A score this far above points possible is a typo (940 for 9.4), not extra credit. */
const FAR_ABOVE = 2;
/** On an item worth 0 points (pure extra credit) there is no scale, so only a plainly wrong number is refused. */
const MOST_ON_ZERO_POINTS = 100;

/**
 * Why an imported score cannot be right (negative, or far above the item's points possible, as
 * a misplaced decimal point makes it), or null when it is plausible. Every importer asks here.
 */
export function checkScoreRange(value: number, possible: number, itemName?: string): string | null {
  const tooHigh = possible > 0 ? value > possible * FAR_ABOVE : value > MOST_ON_ZERO_POINTS;
  if (value >= 0 && !tooHigh) return null;
  return `${value} is far outside 0–${possible} points possible${itemName === undefined ? '' : ` for '${itemName}'`}. Check for a typo.`;
}

export interface ExistingScore {
  value: number | null;
  status: string | null;
}

/** The course's scores by "studentId:itemId", to compare a file's cells against. */
export function existingScores(db: Db): Map<string, ExistingScore> {
  const rows = db.prepare('SELECT student_id, item_id, value, status FROM score').all() as (ExistingScore & {
    student_id: number;
    item_id: number;
  })[];
  return new Map(rows.map((s) => [`${s.student_id}:${s.item_id}`, { value: s.value, status: s.status }]));
}

/**
 * The patch that puts a file's cell into the score table, or null when nothing changes
 * (a blank leaves the score untouched unless `blankClears`).
 */
export function scorePatch(
  cell: ScoreCell,
  old: ExistingScore | undefined,
  blankClears: boolean,
): { value: number | null; status: ScoreStatus | null } | null {
  let next: { value: number | null; status: ScoreStatus | null };
  if (cell.kind === 'value') next = { value: cell.value, status: null };
  else if (cell.kind === 'status') next = { value: null, status: cell.status };
  else if (cell.kind === 'blank' && blankClears && old) next = { value: null, status: null };
  else return null;
  if (old && old.value === next.value && (old.status ?? null) === next.status) return null;
  return next;
}
