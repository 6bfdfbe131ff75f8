import type { CellChanges, HistoryEntry, HistoryQuery, UndoStep } from '@shared/api/history';
import { ApiError } from '@shared/api/envelope';
import { change } from '../changes/tracker';
import type { Key, TrackedTable } from '../changes/tables';
import { BatchState, nextBatch } from '../changes/batch';
import { redo, undo, undoState } from '../changes/undo';
import type { Db } from '../db/open';
import { readCourseRow, toScore, toStudent, toTeamScore } from '../db/rows';
import { addCalendarDays, localToInstant } from '@shared/grading';
import { legalName } from '@shared/model';
import { plural } from '@shared/text/words';
import { formatDay, formatInstant } from '@shared/time/format';
import type { Row } from '../changes/tables';

/** A date (YYYY-MM-DD) covers its whole day in the course's time zone; anything else must be a date-time. */
function instant(value: string, field: 'since' | 'until', timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const ms =
      field === 'since' ? localToInstant(value, '00:00', timeZone) : localToInstant(addCalendarDays(value, 1), '00:00', timeZone) - 1;
    return new Date(ms).toISOString();
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new ApiError('invalid_input', `"${value}" is not a date for ${field}; use YYYY-MM-DD or an ISO date-time.`);
  }
  return new Date(ms).toISOString();
}

/**
 * Names of the things history entries point at. A row that no longer exists (a deleted item or
 * student) is named from its last image in the audit, so old entries stay readable.
 */
class Names {
  private readonly cache = new Map<string, string>();
  constructor(private readonly db: Db) {}

  private row(table: string, id: number): Row | undefined {
    return (
      (this.db.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(id) as Row | undefined) ?? this.lastImage(table, JSON.stringify({ id }))
    );
  }

  private lastImage(table: string, key: string): Row | undefined {
    const r = this.db
      .prepare('SELECT coalesce(after_json, before_json) AS image FROM audit WHERE entity = ? AND entity_key = ? ORDER BY id DESC LIMIT 1')
      .get(table, key) as { image: string } | undefined;
    return r ? (JSON.parse(r.image) as Row) : undefined;
  }

  of(table: Named, id: unknown): string {
    const cacheKey = `${table}:${String(id)}`;
    let name = this.cache.get(cacheKey);
    if (name === undefined) {
      const row = typeof id === 'number' ? this.row(table, id) : undefined;
      if (!row) name = `a removed ${NAMED[table]}`;
      else if (table === 'student') name = legalName(toStudent(row));
      else if (table === 'attendance_session')
        name = row.title ? `${row.title} (${formatDay(row.date)})` : `Session on ${formatDay(row.date)}`;
      else if (table === 'reading') name = String(row.title);
      else if (table === 'presentation_draw') name = `the draw for week ${String(row.week)}`;
      else name = String(row.name);
      this.cache.set(cacheKey, name);
    }
    return name;
  }

  /** Names of what an image's id columns (and id lists) point at, by column, for the History's words. */
  refs(image: Row): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [col, value] of Object.entries(image)) {
      const table = REF_COLUMNS[col];
      if (!table || value === null || value === undefined) continue;
      const ids = typeof value === 'string' ? (JSON.parse(value) as unknown[]) : [value];
      out[col] = ids.map((id) => this.of(table, id)).join(', ');
    }
    return out;
  }
}

const NAMED = {
  student: 'student',
  item: 'item',
  team: 'team',
  category: 'category',
  attendance_session: 'session',
  reading: 'reading',
  presentation_draw: 'draw',
} as const;
type Named = keyof typeof NAMED;

/** Columns holding the id (or a JSON list of ids) of a named row. */
const REF_COLUMNS: Record<string, Named> = {
  student_id: 'student',
  item_id: 'item',
  team_id: 'team',
  category_id: 'category',
  session_id: 'attendance_session',
  draw_id: 'presentation_draw',
  result_json: 'team',
  readings_json: 'reading',
  presenters_json: 'student',
};

function subject(names: Names, entity: string, key: Row, image: Row): string {
  switch (entity) {
    case 'score':
      return `${names.of('student', key.student_id)} · ${names.of('item', key.item_id)}`;
    case 'team_score':
      return `${names.of('team', key.team_id)} · ${names.of('item', key.item_id)}`;
    case 'student':
      return legalName(toStudent(image));
    case 'team':
    case 'item':
    case 'category':
      return String(image.name ?? names.of(entity, key.id));
    case 'team_member':
      return `${names.of('student', image.student_id)} · ${names.of('team', image.team_id)}`;
    case 'grade_override':
      return `${names.of('student', key.student_id)} · final grade`;
    case 'attendance_mark':
      return `${names.of('student', key.student_id)} · ${names.of('attendance_session', key.session_id)}`;
    case 'attendance_session':
      return names.of('attendance_session', key.id);
    case 'course':
      return 'Course settings';
    case 'reading':
      return String(image.title);
    case 'presentation_draw':
      return image.session_date ? `Week ${String(image.week)} · ${formatDay(String(image.session_date))}` : `Week ${String(image.week)}`;
    case 'presentation':
      return `${names.of('team', image.team_id)} · week ${String(image.week)}`;
    case 'export_profile':
      return String(image.name);
    case 'registrar_export':
      return String(image.file_name);
    case 'setting':
      return key.key === 'attendance.pattern' ? 'Class session pattern' : String(key.key);
    default:
      return '';
  }
}

/** The audit history, newest first; a student's or item's filter also finds its own row's changes. */
export function listHistory(db: Db, q: HistoryQuery): { entries: HistoryEntry[]; total: number } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.studentId !== undefined) {
    where.push(`(json_extract(a.entity_key, '$.student_id') = @studentId
      OR (a.entity = 'student' AND json_extract(a.entity_key, '$.id') = @studentId)
      OR (a.entity = 'team_member' AND json_extract(coalesce(a.after_json, a.before_json), '$.student_id') = @studentId))`);
    params.studentId = q.studentId;
  }
  if (q.itemId !== undefined) {
    where.push(
      `(json_extract(a.entity_key, '$.item_id') = @itemId OR (a.entity = 'item' AND json_extract(a.entity_key, '$.id') = @itemId))`,
    );
    params.itemId = q.itemId;
  }
  if (q.entity !== undefined) {
    where.push('a.entity = @entity');
    params.entity = q.entity;
  }
  if (q.since !== undefined) {
    where.push('a.at >= @since');
    params.since = instant(q.since, 'since', readCourseRow(db).policy.timeZone);
  }
  if (q.until !== undefined) {
    where.push('a.at <= @until');
    params.until = instant(q.until, 'until', readCourseRow(db).policy.timeZone);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM audit a ${filter}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT a.id, a.batch_id, a.at, b.label, b.undone, a.kind, a.entity, a.entity_key, a.before_json, a.after_json, a.reason
       FROM audit a JOIN change_batch b ON b.id = a.batch_id ${filter}
       ORDER BY a.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as Row[];
  const names = new Names(db);
  const entries = rows.map((r): HistoryEntry => {
    const key = JSON.parse(r.entity_key) as Record<string, string | number>;
    const before = r.before_json === null ? null : (JSON.parse(r.before_json) as Row);
    const after = r.after_json === null ? null : (JSON.parse(r.after_json) as Row);
    return {
      id: r.id,
      batchId: r.batch_id,
      at: r.at,
      label: r.label,
      kind: r.kind,
      entity: r.entity,
      key,
      subject: subject(names, r.entity, key, after ?? before ?? {}),
      refs: { before: names.refs(before ?? {}), after: names.refs(after ?? {}) },
      before,
      after,
      reason: r.reason,
      revertible: r.undone === BatchState.done,
    };
  });
  return { entries, total };
}

/** Beyond this many cells a step answers no cell list: reloading the course is then as cheap. */
export const MAX_CHANGED_CELLS = 5000;

/**
 * The cells a step wrote, as they are after it; undefined when it wrote anything but cells
 * (roster, items, policy...) or too many of them.
 */
function changedCells(db: Db, batchId: number): CellChanges | undefined {
  const rows = db
    .prepare(`SELECT DISTINCT entity, entity_key FROM audit WHERE batch_id = ? AND kind = 'do' LIMIT ?`)
    .all(batchId, MAX_CHANGED_CELLS + 1) as { entity: string; entity_key: string }[];
  if (rows.length > MAX_CHANGED_CELLS || rows.some((r) => r.entity !== 'score' && r.entity !== 'team_score')) return undefined;
  const score = db.prepare('SELECT * FROM score WHERE student_id = @student_id AND item_id = @item_id');
  const team = db.prepare('SELECT * FROM team_score WHERE team_id = @team_id AND item_id = @item_id');
  const changed: CellChanges = { scores: [], teamScores: [], removedScores: [], removedTeamScores: [] };
  for (const r of rows) {
    const key = JSON.parse(r.entity_key) as Row;
    if (r.entity === 'score') {
      const now = score.get(key) as Row | undefined;
      if (now) changed.scores.push(toScore(now));
      else changed.removedScores.push({ studentId: key.student_id, itemId: key.item_id });
    } else {
      const now = team.get(key) as Row | undefined;
      if (now) changed.teamScores.push(toTeamScore(now));
      else changed.removedTeamScores.push({ teamId: key.team_id, itemId: key.item_id });
    }
  }
  return changed;
}

function step(db: Db, direction: 'undo' | 'redo'): UndoStep {
  const label = direction === 'undo' ? undo(db) : redo(db);
  // After an undo the batch it reverted is the next to redo; after a redo, the next to undo.
  const batch = label === null ? undefined : nextBatch(db, direction === 'undo' ? 'redo' : 'undo');
  return stepped(db, label, batch?.id);
}

function stepped(db: Db, label: string | null, batchId: number | undefined): UndoStep {
  const result: UndoStep = { label, undo: undoState(db) };
  const changed = batchId === undefined ? undefined : changedCells(db, batchId);
  return changed ? { ...result, changed } : result;
}

/** One thing a change touched, as a sentence starts: "Homework 3 for Núñez, José". */
function thing(names: Names, entity: string, key: Row, image: Row): string {
  if (entity === 'score') return `${names.of('item', key.item_id)} for ${names.of('student', key.student_id)}`;
  if (entity === 'team_score') return `${names.of('item', key.item_id)} for ${names.of('team', key.team_id)}`;
  return subject(names, entity, key, image);
}

interface Touched {
  entity: TrackedTable;
  key: Key;
  before: Row | null;
  after: Row | null;
}

const keyWhere = (key: Key) =>
  Object.keys(key)
    .map((c) => `json_extract(a.entity_key, '$.${c}') = @${c}`)
    .join(' AND ');

/** The row as it is now, compared with an image on every column but the write time. */
function matches(db: Db, t: Touched): boolean {
  const where = Object.keys(t.key)
    .map((c) => `"${c}" = @${c}`)
    .join(' AND ');
  const now = db.prepare(`SELECT * FROM "${t.entity}" WHERE ${where}`).get(t.key) as Row | undefined;
  if (!now || !t.after) return !now && !t.after;
  return Object.keys(t.after).every((c) => c === 'updated_at' || now[c] === t.after![c]);
}

/** Rows of other tables that point at a row (and that deleting it would cascade to, or be refused for). */
function dependents(db: Db, t: Touched): { table: string; count: number } | undefined {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  for (const table of tables) {
    const fks = db.prepare(`SELECT "from", "to" FROM pragma_foreign_key_list(?) WHERE "table" = ?`).all(table, t.entity) as Row[];
    for (const fk of fks) {
      const value = t.before?.[fk.to ?? 'id'] ?? t.key[fk.to ?? 'id'];
      const count = db.prepare(`SELECT count(*) FROM "${table}" WHERE "${fk.from}" = ?`).pluck().get(value) as number;
      if (count > 0) return { table, count };
    }
  }
  return undefined;
}

/**
 * Reverts one earlier change (a batch) as a NEW change, one undo step labelled "Revert: <label>":
 * its rows get their before-images back. Refused, changing nothing, when any row it touched was
 * changed since (revert that later change first) or when later rows depend on a row it added.
 */
export function revertBatch(db: Db, batchId: number, now = new Date().toISOString()): UndoStep {
  const batch = db.prepare('SELECT id, label, undone FROM change_batch WHERE id = ?').get(batchId) as
    { id: number; label: string; undone: number } | undefined;
  if (!batch) throw new ApiError('not_found', `There is no change #${batchId} in this course's history; reload the History screen.`);
  if (batch.undone === BatchState.notUndoable)
    throw new ApiError('conflict', `“${batch.label}” is a record kept outside undo; it cannot be reverted.`);
  if (batch.undone !== BatchState.done) throw new ApiError('conflict', `“${batch.label}” is already undone; there is nothing to revert.`);
  const rows = db
    .prepare(`SELECT id, entity, entity_key, before_json, after_json FROM audit WHERE batch_id = ? AND kind = 'do' ORDER BY id`)
    .all(batchId) as Row[];
  // A row written twice in one change: its first before-image and its last after-image count.
  const touched = new Map<string, Touched>();
  for (const r of rows) {
    const key = JSON.parse(r.entity_key) as Key;
    const id = `${r.entity}:${JSON.stringify(Object.entries(key).sort())}`;
    const after = r.after_json === null ? null : (JSON.parse(r.after_json) as Row);
    const seen = touched.get(id);
    if (seen) seen.after = after;
    else touched.set(id, { entity: r.entity, key, before: r.before_json === null ? null : (JSON.parse(r.before_json) as Row), after });
  }
  const names = new Names(db);
  const timeZone = readCourseRow(db).policy.timeZone;
  const lastAudit = Number(rows.at(-1)?.id ?? 0);
  for (const t of touched.values()) {
    if (matches(db, t)) continue;
    const later = db
      .prepare(`SELECT a.at FROM audit a WHERE a.entity = @entity AND a.id > @lastAudit AND ${keyWhere(t.key)} ORDER BY a.id DESC LIMIT 1`)
      .get({ entity: t.entity, lastAudit, ...t.key }) as { at: string } | undefined;
    const what = thing(names, t.entity, t.key, t.after ?? t.before ?? {});
    const when = later ? ` on ${formatInstant(later.at, timeZone)}` : '';
    throw new ApiError('conflict', `${what} was changed again${when}; revert that later change first.`);
  }
  const label = `Revert: ${batch.label}`;
  const reverted = change(
    db,
    label,
    (cs) => {
      // Newest first, as undo does, so a row is removed before the row it points at.
      for (const t of [...touched.values()].reverse()) {
        if (t.before === null) {
          const dep = dependents(db, t);
          if (dep) {
            const what = thing(names, t.entity, t.key, t.after ?? {});
            throw new ApiError(
              'conflict',
              `${what} cannot be removed: ${plural(dep.count, `later ${dep.table.replace(/_/g, ' ')} record depends`, `later ${dep.table.replace(/_/g, ' ')} records depend`)} on it; undo or delete those first.`,
            );
          }
        }
        cs.put(t.entity, t.key, t.before);
      }
      return cs.size > 0 ? cs.batchId : undefined;
    },
    { now: () => now, reason: `Revert of “${batch.label}”` },
  );
  if (reverted === undefined) throw new ApiError('conflict', `“${batch.label}” left nothing different; there is nothing to revert.`);
  return stepped(db, label, reverted);
}

export const undoLast = (db: Db): UndoStep => step(db, 'undo');
export const redoNext = (db: Db): UndoStep => step(db, 'redo');
export { undoState };
