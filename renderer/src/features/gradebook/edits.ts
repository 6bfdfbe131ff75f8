import type { CellEdit, CellPatch } from '@shared/api';
import type { Item } from '@shared/model';
import type { GridRow } from '../../stores/gradebook';

/** The team whose score this student's cell shows (membership at the item's due date). */
export function teamOf(row: GridRow, item: Item, itemIndex: ReadonlyMap<number, number>): number | null {
  const i = itemIndex.get(item.id);
  const r = i === undefined ? undefined : row.result?.items[i];
  return r?.itemId === item.id ? (r.team?.teamId ?? null) : null;
}

/**
 * The edit a score typed into this cell makes: on a team-graded item, the team's score (every
 * member's cell shows it); otherwise the student's own. Null when a team item has no team.
 */
export function scoreEdit(
  row: GridRow,
  item: Item,
  patch: Pick<CellPatch, 'value' | 'status'>,
  itemIndex: ReadonlyMap<number, number>,
): CellEdit | null {
  if (!item.teamGraded) return { studentId: row.student.id, itemId: item.id, patch };
  const teamId = teamOf(row, item, itemIndex);
  return teamId === null ? null : { teamId, itemId: item.id, patch };
}

/** Collapses edits to the same cell (a block pasted over several members of one team): the last wins. */
export function dedupe(edits: CellEdit[]): CellEdit[] {
  const byCell = new Map<string, CellEdit>();
  for (const e of edits) byCell.set(`${'teamId' in e ? `t${e.teamId}` : `s${e.studentId}`}:${e.itemId}`, e);
  return [...byCell.values()];
}
