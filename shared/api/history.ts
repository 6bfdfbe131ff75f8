import { z } from 'zod';
import { Id, Score, TeamScore } from '../model';
import { method } from './define';

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

/** Which history entries to list: filters, then a page of the newest first. */
export const HistoryQuery = z
  .object({
    studentId: Id.optional(),
    itemId: Id.optional(),
    entity: z.string().max(64).optional(),
    since: z.string().optional(),
    until: z.string().optional(),
    limit: z.number().int().min(1).max(5000).default(200),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type HistoryQuery = z.output<typeof HistoryQuery>;

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

export const UndoStep = z.object({
  label: z.string().nullable(),
  undo: UndoState,
  /**
   * Present when the step wrote only score cells (and not too many), so a view can patch those
   * cells instead of reloading the course. Absent: reload.
   */
  changed: CellChanges.optional(),
});
export type UndoStep = z.infer<typeof UndoStep>;

export const historyMethods = {
  /** Audit history, newest first, filtered by student, item, entity or date range. */
  'history.list': method(HistoryQuery, z.object({ entries: z.array(HistoryEntry), total: z.number().int() })),
  'history.undo': method(z.object({}).strict(), UndoStep, true),
  'history.redo': method(z.object({}).strict(), UndoStep, true),
  'history.state': method(z.object({}).strict(), UndoState),
  /**
   * Takes back one earlier change, chosen from the history, as a new undoable change labelled
   * "Revert: <label>". Refused, changing nothing, when a row it touched was changed since.
   */
  'history.revert': method(z.object({ batchId: Id }).strict(), UndoStep, true),
};
