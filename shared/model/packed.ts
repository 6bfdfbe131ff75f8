import { z } from 'zod';
import { AttendanceMark, CourseSnapshot, Id, Score, TeamScore } from './course';

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
export type TeamScoreExtras = z.infer<typeof TeamScoreExtras>;

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

export * from './pack';
