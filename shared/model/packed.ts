import { z } from 'zod';
import { AttendanceMark, blankScore, blankTeamScore, CourseSnapshot, Id, Score, TeamScore, type AttendanceRecord } from './course';

/**
 * The course snapshot as it crosses the wire. At 2,000 students x 100 items a snapshot holds
 * 200,000 cells; as objects that is ~33 MB of JSON, most of it repeated field names and nulls.
 * Here cells are columns (owner ids, item ids, values), and the fields a cell rarely has
 * (status, comment, lateness, integrity...) are listed only for the cells that have them.
 * Everything else keeps the snapshot's own shape.
 */

const Index = z.number().int().min(0);

/** A cell's rarely-set fields: only the ones it has, so a plain score carries none. */
const ScoreExtras = Score.omit({ studentId: true, itemId: true, value: true }).partial().strict();
const TeamScoreExtras = TeamScore.omit({ teamId: true, itemId: true, value: true }).partial().strict();
export type ScoreExtras = z.infer<typeof ScoreExtras>;
type TeamScoreExtras = z.infer<typeof TeamScoreExtras>;

/** Column arrays must line up, and extras must point at a cell. */
function columns<T extends Record<string, unknown[]>>(shape: z.ZodType<T>, name: string) {
  return shape.superRefine((packed, ctx) => {
    const lengths = Object.entries(packed).map(([k, v]) => [k, v.length] as const);
    const cells = lengths[0]?.[1] ?? 0;
    for (const [k, n] of lengths) {
      if (k === 'extras') continue;
      if (n !== cells) ctx.addIssue({ code: 'custom', path: [k], message: `${name}: ${k} has ${n} entries, expected ${cells}` });
    }
    const extras = (packed as { extras?: [number, unknown][] }).extras ?? [];
    for (const [i, [at]] of extras.entries()) {
      if (at >= cells) ctx.addIssue({ code: 'custom', path: ['extras', i], message: `${name}: extras point at cell ${at} of ${cells}` });
    }
  });
}

/** The columns every kind of cell has, after its owners' ids. */
const cellColumns = <E extends z.ZodType>(extras: E) => ({
  itemIds: z.array(Id),
  values: z.array(z.number().nullable()),
  extras: z.array(z.tuple([Index, extras])),
});

export const PackedScores = columns(z.object({ studentIds: z.array(Id), ...cellColumns(ScoreExtras) }), 'scores');
export type PackedScores = z.infer<typeof PackedScores>;

export const PackedTeamScores = columns(z.object({ teamIds: z.array(Id), ...cellColumns(TeamScoreExtras) }), 'teamScores');
export type PackedTeamScores = z.infer<typeof PackedTeamScores>;

export const PackedAttendance = columns(
  z.object({ sessionIds: z.array(Id), studentIds: z.array(Id), marks: z.array(AttendanceMark) }),
  'attendance',
);
export type PackedAttendance = z.infer<typeof PackedAttendance>;

export const PackedSnapshot = CourseSnapshot.extend({
  scores: PackedScores,
  teamScores: PackedTeamScores,
  attendance: PackedAttendance,
});
export type PackedSnapshot = z.infer<typeof PackedSnapshot>;

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
