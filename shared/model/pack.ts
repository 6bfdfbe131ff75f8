/**
 * Cells packed into columns and back: the wire form's functions (packed.ts has its schemas).
 * Types only from the schema modules, so the grading engine, which packs, loads no zod.
 */
import { blankScore, blankTeamScore } from './blank';
import type { AttendanceRecord, CourseSnapshot, Score, TeamScore } from './course';
import type { PackedAttendance, PackedScores, PackedSnapshot, PackedTeamScores, ScoreExtras, TeamScoreExtras } from './packed';

const CELL_EXTRAS = ['status', 'submittedAt', 'daysLate', 'extensionDays', 'waiverReason', 'comment'] as const;
const SCORE_EXTRAS = [...CELL_EXTRAS, 'integrity', 'adjustment'] as const;

function extrasOf<C, K extends keyof C>(cell: C, keys: readonly K[]): Partial<Pick<C, K>> | undefined {
  let extras: Partial<Pick<C, K>> | undefined;
  for (const k of keys) if (cell[k] !== null) (extras ??= {} as Partial<Pick<C, K>>)[k] = cell[k];
  return extras;
}

/** The fields of a score beyond its value that are set, or undefined for a plain score. */
export const scoreExtras = (score: Score): ScoreExtras | undefined => extrasOf(score, SCORE_EXTRAS);
export const teamScoreExtras = (score: TeamScore): TeamScoreExtras | undefined => extrasOf(score, CELL_EXTRAS);

/** Cells as columns: owner ids, item ids and values, with extras only for the cells that have any. */
function packCells<C extends { itemId: number; value: number | null }, E>(
  cells: readonly C[],
  ownerOf: (cell: C) => number,
  extrasOf: (cell: C) => E | undefined,
) {
  const packed = { owners: [] as number[], itemIds: [] as number[], values: [] as (number | null)[], extras: [] as [number, E][] };
  cells.forEach((c, i) => {
    packed.owners.push(ownerOf(c));
    packed.itemIds.push(c.itemId);
    packed.values.push(c.value);
    const extras = extrasOf(c);
    if (extras) packed.extras.push([i, extras]);
  });
  return packed;
}

export function packScores(scores: readonly Score[]): PackedScores {
  const { owners, ...rest } = packCells(scores, (s) => s.studentId, scoreExtras);
  return { studentIds: owners, ...rest };
}

export function packTeamScores(scores: readonly TeamScore[]): PackedTeamScores {
  const { owners, ...rest } = packCells(scores, (s) => s.teamId, teamScoreExtras);
  return { teamIds: owners, ...rest };
}

export function packAttendance(records: readonly AttendanceRecord[]): PackedAttendance {
  return { sessionIds: records.map((r) => r.sessionId), studentIds: records.map((r) => r.studentId), marks: records.map((r) => r.mark) };
}

export function packSnapshot(snapshot: CourseSnapshot): PackedSnapshot {
  return {
    ...snapshot,
    scores: packScores(snapshot.scores),
    teamScores: packTeamScores(snapshot.teamScores),
    attendance: packAttendance(snapshot.attendance),
  };
}

export function unpackScores(p: PackedScores): Score[] {
  const scores = p.values.map((value, i) => blankScore(p.studentIds[i]!, p.itemIds[i]!, value));
  for (const [i, extras] of p.extras) Object.assign(scores[i]!, extras);
  return scores;
}

export function unpackTeamScores(p: PackedTeamScores): TeamScore[] {
  const scores = p.values.map((value, i) => blankTeamScore(p.teamIds[i]!, p.itemIds[i]!, value));
  for (const [i, extras] of p.extras) Object.assign(scores[i]!, extras);
  return scores;
}

export const unpackAttendance = (p: PackedAttendance): AttendanceRecord[] =>
  p.marks.map((mark, i) => ({ sessionId: p.sessionIds[i]!, studentId: p.studentIds[i]!, mark }));

export function unpackSnapshot(packed: PackedSnapshot): CourseSnapshot {
  return {
    ...packed,
    scores: unpackScores(packed.scores),
    teamScores: unpackTeamScores(packed.teamScores),
    attendance: unpackAttendance(packed.attendance),
  };
}
