import { z } from 'zod';
import { Adjustment, Instant, Integrity, Score, ScoreStatus, TeamScore } from '../model';
import { method } from './define';

const Id = z.number().int().positive();

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

export const HistoryEntry = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  at: z.string(),
  label: z.string(),
  kind: z.enum(['do', 'undo', 'redo']),
  entity: z.string(),
  key: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Human-readable subject, e.g. "Núñez, José · Homework 3". */
  subject: z.string(),
  /** What the images' id columns point at, by column: { category_id: "Homeworks", result_json: "Team 3, Team 5" }. */
  refs: z.object({ before: z.record(z.string(), z.string()), after: z.record(z.string(), z.string()) }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().nullable(),
  /** The entry's change is in effect (done or redone, not undone): history.revert may take it back on its own. */
  revertible: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const UndoState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type UndoState = z.infer<typeof UndoState>;

/** The cells an undo or redo step wrote, as they are now; a removed cell is named by its key. */
export const CellChanges = z.object({
  scores: z.array(Score),
  teamScores: z.array(TeamScore),
  removedScores: z.array(z.object({ studentId: Id, itemId: Id })),
  removedTeamScores: z.array(z.object({ teamId: Id, itemId: Id })),
});
export type CellChanges = z.infer<typeof CellChanges>;

const Stepped = z.object({
  label: z.string().nullable(),
  undo: UndoState,
  /**
   * Present when the step wrote only score cells (and not too many), so a view can patch those
   * cells instead of reloading the course. Absent: reload.
   */
  changed: CellChanges.optional(),
});

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
  /** Audit history, newest first, filtered by student, item, entity or date range. */
  'history.list': method(
    z
      .object({
        studentId: Id.optional(),
        itemId: Id.optional(),
        entity: z.string().max(64).optional(),
        since: z.string().optional(),
        until: z.string().optional(),
        limit: z.number().int().min(1).max(5000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    z.object({ entries: z.array(HistoryEntry), total: z.number().int() }),
  ),
  'history.undo': method(z.object({}).strict(), Stepped, true),
  'history.redo': method(z.object({}).strict(), Stepped, true),
  'history.state': method(z.object({}).strict(), UndoState),
  /**
   * Takes back one earlier change, chosen from the history, as a new undoable change labelled
   * "Revert: <label>". Refused, changing nothing, when a row it touched was changed since.
   */
  'history.revert': method(z.object({ batchId: Id }).strict(), Stepped, true),
};
