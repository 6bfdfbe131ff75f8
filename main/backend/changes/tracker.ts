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

  /**
   * Writes a new row and returns it as stored, for the audit. A row that gives every column
   * (but perhaps its new id) with values stored as given is its own stored row; any other
   * (defaults to fill, a value its column's affinity converts) is read back with RETURNING *.
   */
  private insertRow(table: TrackedTable, row: Row): Row {
    const columns = this.columnsOf(table);
    // Rows of one table mostly name the same columns: their SQL is built once, not per row.
    let insert = this.inserts.get(table);
    if (!insert || !namesColumns(row, insert.cols)) {
      const cols = Object.keys(row);
      // Bound by position: SQLite looks each named parameter up by name, for every row.
      const sql = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
      const inTableOrder = cols.length === columns.length && columns.every((c, i) => c.name === cols[i]);
      this.inserts.set(table, (insert = { cols, sql, returning: `${sql} RETURNING *`, inTableOrder }));
    }
    const values = valuesOf(row, insert.cols);
    if (!storedAsGiven(columns, row, insert.cols.length)) return this.stmt(insert.returning).get(values) as Row;
    const { lastInsertRowid } = this.stmt(insert.sql).run(values);
    const rowid = columns.find((c) => c.rowid);
    const fillsId = rowid !== undefined && row[rowid.name] == null;
    // A row naming every column in the table's order (as the workbook's rows do) is the stored row as it is.
    if (insert.inTableOrder && !fillsId) return row;
    const stored: Row = {};
    for (const c of columns) stored[c.name] = c.rowid && fillsId ? lastInsertRowid : row[c.name];
    return stored;
  }

  /** The last insert's columns and SQL per table, and whether its columns are all the table's, in order. */
  private readonly inserts = new Map<TrackedTable, { cols: string[]; sql: string; returning: string; inTableOrder: boolean }>();
  /** Read once per change, so a migration between changes never leaves it stale. */
  private readonly columns = new Map<TrackedTable, Column[]>();

  private columnsOf(table: TrackedTable): Column[] {
    let columns = this.columns.get(table);
    if (!columns) {
      const info = this.db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; pk: number }[];
      const rowid = info.filter((c) => c.pk > 0).length === 1 ? info.find((c) => c.pk > 0 && /^integer$/i.test(c.type)) : undefined;
      columns = info.map((c) => ({ name: c.name, affinity: affinity(c.type), rowid: c === rowid }));
      this.columns.set(table, columns);
    }
    return columns;
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
    if (before && writesNothing(before, next)) return;
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

/** A table column: its name, its type affinity, whether it is the rowid (INTEGER PRIMARY KEY). */
interface Column {
  name: string;
  affinity: Affinity;
  rowid: boolean;
}

type Affinity = 'integer' | 'text' | 'blob' | 'real' | 'numeric';

/** SQLite's rules for a declared type's affinity (datatype3.html, section 3.1), in their order. */
function affinity(type: string): Affinity {
  const t = type.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (/CHAR|CLOB|TEXT/.test(t)) return 'text';
  if (t.includes('BLOB') || t === '') return 'blob';
  if (/REAL|FLOA|DOUB/.test(t)) return 'real';
  return 'numeric';
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether SQLite stores `row` exactly as given, so that reading it back would give the same
 * values: it names every column (or all but the rowid, which a null or absent id gets anew),
 * and each value is null, a finite number in a column that keeps numbers, or well-formed text
 * in a column that keeps text ('10' in a REAL column becomes 10, 5 in a TEXT one '5.0', a lone
 * surrogate replacement characters).
 */
function storedAsGiven(columns: Column[], row: Row, given: number): boolean {
  let missing = 0;
  for (const c of columns) {
    if (!(c.name in row)) {
      if (!c.rowid) return false;
      missing++;
      continue;
    }
    const v: unknown = row[c.name];
    if (v === null) continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0) || c.affinity === 'text') return false;
    } else if (typeof v !== 'string' || !(c.affinity === 'text' || c.affinity === 'blob') || LONE_SURROGATE.test(v)) return false;
  }
  return columns.length - missing === given;
}

function valuesOf(row: Row, cols: readonly string[]): unknown[] {
  const values: unknown[] = new Array(cols.length);
  for (let i = 0; i < cols.length; i++) values[i] = row[cols[i]!];
  return values;
}

/** Whether `row` names exactly `cols`, in that order (without the array Object.keys would make per row). */
function namesColumns(row: Row, cols: string[]): boolean {
  let i = 0;
  for (const name in row) if (name !== cols[i++]) return false;
  return i === cols.length;
}

/** Whether put(table, key, after) over the stored row `before` would write nothing. */
export function writesNothing(before: Row, after: Row): boolean {
  for (const k in after) if (k !== 'updated_at' && before[k] !== after[k]) return false;
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
