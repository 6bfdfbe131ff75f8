import type { Db } from '../db/open';

/** Where a change_batch stands in undo (its `undone` column). */
export const BatchState = {
  /** In effect: the next undo may take it back. */
  done: 0,
  /** Undone, and the next redo may bring it back. */
  undone: 1,
  /** Undone, and a new action since has discarded its redo. */
  superseded: 2,
  /** A record kept in the history but outside undo (e.g. what was sent to the registrar). */
  notUndoable: 3,
} as const;
export type BatchState = (typeof BatchState)[keyof typeof BatchState];

const NEXT_BATCH = {
  undo: batchQuery(BatchState.done, 'DESC'),
  redo: batchQuery(BatchState.undone, 'ASC'),
};

function batchQuery(state: BatchState, order: 'ASC' | 'DESC'): string {
  return `SELECT id, label FROM change_batch WHERE undone = ${state} ORDER BY id ${order} LIMIT 1`;
}

/** The batch the next undo takes back (the latest done) or the next redo brings back (the earliest undone). */
export function nextBatch(db: Db, direction: 'undo' | 'redo'): { id: number; label: string } | undefined {
  return db.prepare(NEXT_BATCH[direction]).get() as { id: number; label: string } | undefined;
}
