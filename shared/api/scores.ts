import { z } from 'zod';
import { Adjustment, Id, Instant, Integrity, Score, ScoreStatus, TeamScore } from '../model';
import { method } from './define';
import { UndoState } from './history';

/** Fields of one cell that an edit may set; omitted fields stay as they are, null clears. */
export const CellPatch = z
  .object({
    value: z.number().min(0, 'a score cannot be negative (use an adjustment for a deduction)').max(100000).nullable(),
    status: ScoreStatus.nullable(),
    submittedAt: Instant.nullable(),
    daysLate: z.number().min(0).max(365).nullable(),
    extensionDays: z.number().min(0).max(365).nullable(),
    waiverReason: z.string().trim().min(1).max(2000).nullable(),
    comment: z.string().max(5000).nullable(),
    integrity: Integrity.nullable(),
    adjustment: Adjustment.nullable(),
  })
  .partial()
  .strict();
export type CellPatch = z.infer<typeof CellPatch>;

/** One cell edit: a student's cell, or a team's cell on a team-graded item. */
export const CellEdit = z.union(
  [
    z.object({ studentId: Id, itemId: Id, patch: CellPatch }).strict(),
    z.object({ teamId: Id, itemId: Id, patch: CellPatch.omit({ integrity: true, adjustment: true }) }).strict(),
  ],
  {
    // Name what is wrong in the kind of cell the edit was meant for, rather than a bare "Invalid input".
    error: (issue) => {
      const branches = issue.code === 'invalid_union' ? issue.errors : [];
      const meant = branches.find((b) => !b.some((i) => i.code === 'unrecognized_keys')) ?? branches[0];
      const first = meant?.[0];
      return first ? `${first.path.join('.') || 'cell'}: ${first.message}` : undefined;
    },
  },
);
export type CellEdit = z.infer<typeof CellEdit>;

export const scoreMethods = {
  /**
   * Applies cell edits as ONE transaction and ONE undo step (a paste is one call). Cells of
   * unknown students or items are refused as a whole. Answers the rows as saved.
   */
  'score.apply': method(
    z
      .object({
        edits: z.array(CellEdit).min(1).max(250_000),
        label: z.string().max(200).optional(),
        reason: z.string().max(2000).optional(),
      })
      .strict(),
    z.object({ scores: z.array(Score), teamScores: z.array(TeamScore), undo: UndoState }),
    true,
  ),
};
