import type { View } from '../grading/types';
import type { Membership } from '../model';
import { sortValue } from './columns';
import type { GridRow } from './row';
import { matchesSearch, sortBy } from './view';

/** The grid's row filters, as the toolbar sets them ('' or false: no filter). */
export interface RowFilter {
  search: string;
  section: string;
  /** A team id, as the team list's value. */
  team: string;
  /** A result flag (missing, late, integrity, borderline, override). */
  status: string;
  withdrawn: boolean;
}

export interface RowSort {
  columnKey: string;
  direction: 'ASC' | 'DESC';
}

/** The students the grid shows, in order: the filters, then the sort (ties keep the roster order). */
export function order(
  rows: Iterable<GridRow>,
  filter: RowFilter,
  memberships: readonly Membership[],
  sort: RowSort | undefined,
  view: View,
  itemIndex: ReadonlyMap<number, number>,
): number[] {
  const team = filter.team ? new Set(memberships.filter((m) => m.teamId === Number(filter.team)).map((m) => m.studentId)) : null;
  let list = [...rows].filter(
    (r) =>
      (filter.withdrawn || r.student.status !== 'withdrawn') &&
      (!filter.section || r.student.section === filter.section) &&
      (!team || team.has(r.student.id)) &&
      (!filter.status || (r.result?.flags as readonly string[] | undefined)?.includes(filter.status)) &&
      matchesSearch(r.student, filter.search),
  );
  if (sort) list = sortBy(list, (r) => sortValue(r, sort.columnKey, view, itemIndex), sort.direction);
  return list.map((r) => r.student.id);
}
