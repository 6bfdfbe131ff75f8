import type { ItemFields, SeriesSpec } from '@shared/api/items';
import { ApiError } from '@shared/api/envelope';
import type { Item } from '@shared/model';
import { plural } from '@shared/text/words';
import { change, type ChangeSet } from '../changes/tracker';
import type { Db } from '../db/open';
import { patchColumns, toItem } from '../db/rows';
import { addCalendarDays } from '@shared/grading';
import type { Row } from '../changes/tables';

export function requireItemRow(db: Db, id: number): Row {
  const row = db.prepare('SELECT * FROM item WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no item with id ${id} in this course.`);
  return row;
}

/** Items belong to an item category: an attendance category's grade comes from attendance marks. */
function ensureItemCategory(db: Db, categoryId: number): void {
  const cat = db.prepare('SELECT name, kind FROM category WHERE id = ?').get(categoryId) as { name: string; kind: string } | undefined;
  if (!cat) throw new ApiError('not_found', `There is no category with id ${categoryId} in this course.`);
  if (cat.kind !== 'items') {
    throw new ApiError('validation_failed', `"${cat.name}" is graded from attendance and cannot hold items. Choose another category.`);
  }
}

const itemColumns = (fields: Partial<ItemFields>): Row =>
  patchColumns(fields, {
    categoryId: 'category_id',
    name: 'name',
    pointsPossible: 'points_possible',
    dueDate: 'due_date',
    dueTime: 'due_time',
    dueAt: 'due_at',
    teamGraded: 'team_graded',
    neverDrop: 'never_drop',
    omitFromFinal: 'omit_from_final',
    muted: 'muted',
  });

export const nextPosition = (db: Db) => (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM item').get() as { p: number }).p;

export function insertItem(cs: ChangeSet, fields: ItemFields, position: number): number {
  return cs.insert('item', { ...itemColumns(fields), position, created_at: new Date().toISOString() });
}

export function createItem(db: Db, fields: ItemFields): Item {
  ensureItemCategory(db, fields.categoryId);
  const id = change(db, `Add item ${fields.name}`, (cs) => insertItem(cs, fields, nextPosition(db)));
  return toItem(requireItemRow(db, id));
}

export function updateItem(db: Db, id: number, patch: Partial<ItemFields>): Item {
  const current = requireItemRow(db, id);
  if (patch.categoryId !== undefined) ensureItemCategory(db, patch.categoryId);
  if (patch.teamGraded !== undefined && patch.teamGraded !== (current.team_graded === 1))
    ensureNoScoresOfOtherKind(db, current, patch.teamGraded);
  change(db, `Edit item ${current.name}`, (cs) => cs.put('item', { id }, itemColumns(patch)));
  return toItem(requireItemRow(db, id));
}

/**
 * Switching an item between individual and team grading would silently set aside the scores
 * already entered the other way, so it is refused while there are any.
 */
function ensureNoScoresOfOtherKind(db: Db, item: Row, teamGraded: boolean): void {
  const n = (
    db
      .prepare(
        teamGraded
          ? 'SELECT count(*) AS n FROM score WHERE item_id = ? AND value IS NOT NULL'
          : 'SELECT count(*) AS n FROM team_score WHERE item_id = ?',
      )
      .get(item.id) as { n: number }
  ).n;
  if (n > 0) {
    const kind = teamGraded ? 'individual' : 'team';
    throw new ApiError(
      'validation_failed',
      `${item.name} already has ${plural(n, `${kind} score`)}; clear them before switching it to ${teamGraded ? 'team' : 'individual'} grading.`,
    );
  }
}

/**
 * Deletes the item with its scores. Dependent rows are removed through the change set rather
 * than by the foreign-key cascade, so the audit keeps every score and undo brings them back.
 */
export function deleteItem(db: Db, id: number): void {
  const item = requireItemRow(db, id);
  change(db, `Delete item ${item.name}`, (cs) => {
    for (const s of db.prepare('SELECT student_id FROM score WHERE item_id = ?').all(id) as { student_id: number }[]) {
      cs.put('score', { student_id: s.student_id, item_id: id }, null);
    }
    for (const s of db.prepare('SELECT team_id FROM team_score WHERE item_id = ?').all(id) as { team_id: number }[]) {
      cs.put('team_score', { team_id: s.team_id, item_id: id }, null);
    }
    for (const p of db.prepare('SELECT id FROM presentation WHERE item_id = ?').all(id) as { id: number }[]) {
      cs.put('presentation', { id: p.id }, { item_id: null });
    }
    cs.put('item', { id }, null);
  });
}

/** "Homework 1" to "Homework 12", due every `everyDays` from the first date, as one undo step. */
export function createSeries(db: Db, spec: SeriesSpec): Item[] {
  ensureItemCategory(db, spec.categoryId);
  const ids = change(db, `Add ${spec.prefix} ${spec.from}–${spec.to}`, (cs) => {
    const start = nextPosition(db);
    const ids: number[] = [];
    for (let n = spec.from; n <= spec.to; n++) {
      const fields: ItemFields = {
        categoryId: spec.categoryId,
        name: `${spec.prefix} ${n}`,
        pointsPossible: spec.pointsPossible,
        dueDate: addCalendarDays(spec.firstDueDate, (n - spec.from) * spec.everyDays),
        dueTime: spec.dueTime ?? null,
        teamGraded: spec.teamGraded ?? false,
      };
      ids.push(insertItem(cs, fields, start + n - spec.from));
    }
    return ids;
  });
  return ids.map((id) => toItem(requireItemRow(db, id)));
}

/**
 * Puts the listed items in the given order. They take over the positions they held between
 * them, so reordering one category's items leaves every other item where it was.
 */
export function reorderItems(db: Db, ids: number[]): void {
  if (new Set(ids).size !== ids.length) throw new ApiError('validation_failed', 'An item appears twice in the new order.');
  const slots = ids.map((id) => requireItemRow(db, id).position as number).sort((a, b) => a - b);
  // Positions may repeat (e.g. after an import); strictly increasing slots keep the new order unambiguous.
  for (let i = 1; i < slots.length; i++) slots[i] = Math.max(slots[i]!, slots[i - 1]! + 1);
  change(db, 'Reorder items', (cs) => ids.forEach((id, i) => cs.put('item', { id }, { position: slots[i] })));
}
