import type { UndoState } from '@shared/api/history';
import type { Db } from '../db/open';
import { BatchState, nextBatch } from './batch';
import { ChangeSet } from './tracker';
import type { Key, Row, TrackedTable } from './tables';

interface AuditRow {
  entity: TrackedTable;
  entity_key: string;
  before_json: string | null;
  after_json: string | null;
}

export function undoState(db: Db): UndoState {
  const u = nextBatch(db, 'undo');
  const r = nextBatch(db, 'redo');
  return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
}

function replay(db: Db, direction: 'undo' | 'redo', now: string): string | null {
  return db.transaction(() => {
    const batch = nextBatch(db, direction);
    if (!batch) return null;
    const rows = db
      .prepare(`SELECT entity, entity_key, before_json, after_json FROM audit WHERE batch_id = ? AND kind = 'do' ORDER BY id`)
      .all(batch.id) as AuditRow[];
    const cs = new ChangeSet(db, batch.id, now, direction === 'undo' ? `Undo: ${batch.label}` : `Redo: ${batch.label}`, direction);
    // Undo restores before-images newest first (so foreign keys hold); redo replays after-images in order.
    const ordered = direction === 'undo' ? rows.reverse() : rows;
    for (const r of ordered) {
      const image = direction === 'undo' ? r.before_json : r.after_json;
      cs.put(r.entity, JSON.parse(r.entity_key) as Key, image === null ? null : (JSON.parse(image) as Row));
    }
    db.prepare('UPDATE change_batch SET undone = ? WHERE id = ?').run(direction === 'undo' ? BatchState.undone : BatchState.done, batch.id);
    return batch.label;
  })();
}

/** Reverts the latest action; returns its label, or null when there is nothing to undo. */
export const undo = (db: Db, now = new Date().toISOString()) => replay(db, 'undo', now);
/** Re-applies the earliest undone action. */
export const redo = (db: Db, now = new Date().toISOString()) => replay(db, 'redo', now);
