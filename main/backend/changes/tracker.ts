import type { Db } from '../db/open';
import { keyOf, NEVER_ERASED, TRACKED_TABLES, type Key, type Row, type TrackedTable } from './tables';
import { BatchState } from './batch';

/** Prepared statements per connection, shared by every change on it. */
const STATEMENTS = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

/**
 * Every write to course data goes through a ChangeSet, so each one lands in the append-only
 * audit table with its before and after row. Undo and history are built on that record.
 */
export class ChangeSet {
  private count = 0;

  constructor(
    private readonly db: Db,
    readonly batchId: number,
    private readonly at: string,
    private readonly reason: string | null,
    private readonly kind: 'do' | 'undo' | 'redo' = 'do',
  ) {}

  get size(): number {
    return this.count;
  }

  private stmt(sql: string) {
    let cache = STATEMENTS.get(this.db);
    if (!cache) STATEMENTS.set(this.db, (cache = new Map()));
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private where(table: TrackedTable): string {
    return TRACKED_TABLES[table].map((c) => `"${c}" = @${c}`).join(' AND ');
  }

  get(table: TrackedTable, key: Key): Row | undefined {
    return this.stmt(`SELECT * FROM "${table}" WHERE ${this.where(table)}`).get(key) as Row | undefined;
  }

  // RETURNING * gives the stored row (defaults included) for the audit without a second read.
  private insertRow(table: TrackedTable, row: Row): Row {
    const cols = Object.keys(row);
    return this.stmt(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) RETURNING *`,
    ).get(row) as Row;
  }

  /** Inserts a row (its id assigned by SQLite unless given); returns the id. */
  insert(table: TrackedTable, row: Row): number {
    const stored = this.insertRow(table, row);
    this.record(table, keyOf(table, stored), undefined, stored);
    return Number(stored.id ?? 0);
  }

  /**
   * Sets the row at `key` to `after` (merged over the current row), creating it if absent;
   * `null` deletes it (or withdraws a row that is NEVER_ERASED). A write that changes nothing is not recorded.
   */
  put(table: TrackedTable, key: Key, after: Row | null): void {
    const before = this.get(table, key);
    const retire = NEVER_ERASED[table];
    if (after === null && retire) after = before ? retire(this.at, this.reason) : null;
    if (after === null) {
      if (!before) return;
      this.stmt(`DELETE FROM "${table}" WHERE ${this.where(table)}`).run(key);
      this.record(table, key, before, undefined);
      return;
    }
    const next: Row = { ...before, ...after, ...key };
    if (before && sameRow(before, next)) return;
    let stored: Row;
    if (before) {
      const sets = Object.keys(next)
        .filter((c) => !(c in key))
        .map((c) => `"${c}" = @${c}`);
      stored = this.stmt(`UPDATE "${table}" SET ${sets.join(', ')} WHERE ${this.where(table)} RETURNING *`).get(next) as Row;
    } else {
      stored = this.insertRow(table, next);
    }
    this.record(table, key, before, stored);
  }

  private record(table: TrackedTable, key: Key, before: Row | undefined, after: Row | undefined): void {
    this.stmt(
      `INSERT INTO audit (batch_id, at, entity, entity_key, before_json, after_json, reason, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run([
      this.batchId,
      this.at,
      table,
      JSON.stringify(key),
      before ? JSON.stringify(before) : null,
      after ? JSON.stringify(after) : null,
      this.reason,
      this.kind,
    ]);
    this.count++;
  }
}

function sameRow(a: Row, b: Row): boolean {
  for (const k of Object.keys(b)) if (k !== 'updated_at' && a[k] !== b[k]) return false;
  return true;
}

/**
 * Runs `fn` as one user action: one transaction, one undo step. A batch that wrote nothing
 * is rolled back so it leaves no empty undo step. Starting an action discards the redo stack.
 * `undoable: false` records a fact (in the audit, with its own batch) that undo skips and that
 * leaves the redo stack alone.
 */
export function change<T>(
  db: Db,
  label: string,
  fn: (cs: ChangeSet) => T,
  opts: { reason?: string | null; now?: () => string; undoable?: boolean } = {},
): T {
  const at = (opts.now ?? (() => new Date().toISOString()))();
  const undoable = opts.undoable ?? true;
  return db.transaction(() => {
    const batchId = Number(
      db
        .prepare('INSERT INTO change_batch (at, label, undone) VALUES (?, ?, ?)')
        .run(at, label, undoable ? BatchState.done : BatchState.notUndoable).lastInsertRowid,
    );
    const cs = new ChangeSet(db, batchId, at, opts.reason ?? null);
    const result = fn(cs);
    if (cs.size === 0) {
      db.prepare('DELETE FROM change_batch WHERE id = ?').run(batchId);
    } else if (undoable) {
      db.prepare('UPDATE change_batch SET undone = ? WHERE undone = ?').run(BatchState.superseded, BatchState.undone);
    }
    return result;
  })();
}
