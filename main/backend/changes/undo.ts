import type { UndoState } from '@shared/api/history';
import type { Db } from '../db/open';
import { ChangeSet } from './tracker';
import type { Key, Row, TrackedTable } from './tables';

interface AuditRow {
  entity: TrackedTable;
  entity_key: string;
  before_json: string | null;
  after_json: string | null;
}

// change_batch.undone: 0 done, 1 undone (can be redone), 2 undone and superseded by a new action,
// 3 a record outside undo (NOT_UNDOABLE in tracker.ts).
export function undoState(db: Db): UndoState {
  const u = db.prepare('SELECT label FROM change_batch WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as { label: string } | undefined;
  const r = db.prepare('SELECT label FROM change_batch WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as { label: string } | undefined;
  return { canUndo: !!u, canRedo: !!r, undoLabel: u?.label ?? null, redoLabel: r?.label ?? null };
}

function replay(db: Db, direction: 'undo' | 'redo', now: string): string | null {
  return db.transaction(() => {
    const batch = db
      .prepare(
        direction === 'undo'
          ? 'SELECT id, label FROM change_batch WHERE undone = 0 ORDER BY id DESC LIMIT 1'
          : 'SELECT id, label FROM change_batch WHERE undone = 1 ORDER BY id ASC LIMIT 1',
      )
      .get() as { id: number; label: string } | undefined;
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
    db.prepare('UPDATE change_batch SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, batch.id);
    return batch.label;
  })();
}

/** Reverts the latest action; returns its label, or null when there is nothing to undo. */
export const undo = (db: Db, now = new Date().toISOString()) => replay(db, 'undo', now);
/** Re-applies the earliest undone action. */
export const redo = (db: Db, now = new Date().toISOString()) => replay(db, 'redo', now);
