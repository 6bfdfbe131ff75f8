import type { Db } from '../db/open';
import { keyOf, TRACKED_TABLES, type Key, type Row, type TrackedTable } from './tables';

/**
 * Every write to course data goes through a ChangeSet, so each one lands in the append-only
 * audit table with its before and after row. Undo and history are built on that record.
 */
export class ChangeSet {
  private readonly stmts = new Map<string, ReturnType<Db['prepare']>>();
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
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  private where(table: TrackedTable): string {
    return TRACKED_TABLES[table].map((c) => `"${c}" = @${c}`).join(' AND ');
  }

  get(table: TrackedTable, key: Key): Row | undefined {
    return this.stmt(`SELECT * FROM "${table}" WHERE ${this.where(table)}`).get(key) as Row | undefined;
  }

  /** Inserts a row whose id SQLite assigns; returns the id. */
  insert(table: TrackedTable, row: Row): number {
    const cols = Object.keys(row);
    const info = this.stmt(
      `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
    ).run(row);
    const id = Number(info.lastInsertRowid);
    const key = TRACKED_TABLES[table].length === 1 && !(TRACKED_TABLES[table][0]! in row) ? { id } : keyOf(table, row);
    this.record(table, key, undefined, this.get(table, key));
    return id;
  }

  /**
   * Sets the row at `key` to `after` (merged over the current row), creating it if absent;
   * `null` deletes it. A write that changes nothing is not recorded.
   */
  put(table: TrackedTable, key: Key, after: Row | null): void {
    const before = this.get(table, key);
    if (after === null) {
      if (!before) return;
      this.stmt(`DELETE FROM "${table}" WHERE ${this.where(table)}`).run(key);
      this.record(table, key, before, undefined);
      return;
    }
    const next: Row = { ...before, ...after, ...key };
    if (before && sameRow(before, next)) return;
    const cols = Object.keys(next);
    if (before) {
      const sets = cols.filter((c) => !(c in key)).map((c) => `"${c}" = @${c}`);
      this.stmt(`UPDATE "${table}" SET ${sets.join(', ')} WHERE ${this.where(table)}`).run(next);
    } else {
      this.stmt(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(
        next,
      );
    }
    this.record(table, key, before, this.get(table, key));
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
 */
export function change<T>(db: Db, label: string, fn: (cs: ChangeSet) => T, opts: { reason?: string | null; now?: () => string } = {}): T {
  const at = (opts.now ?? (() => new Date().toISOString()))();
  return db.transaction(() => {
    const batchId = Number(db.prepare('INSERT INTO change_batch (at, label) VALUES (?, ?)').run(at, label).lastInsertRowid);
    const cs = new ChangeSet(db, batchId, at, opts.reason ?? null);
    const result = fn(cs);
    if (cs.size === 0) {
      db.prepare('DELETE FROM change_batch WHERE id = ?').run(batchId);
    } else {
      db.prepare('UPDATE change_batch SET undone = 2 WHERE undone = 1').run();
    }
    return result;
  })();
}
