import type { ReactNode } from 'react';
import type { Column, ColumnOrColumnGroup, RenderEditCellProps } from 'react-data-grid';
import type { View } from '@shared/grading';
import type { CourseSnapshot, Item } from '@shared/model';
import { categoryKey, columnValue, itemKey, type GridRow } from '@shared/grid';
import { itemDue } from '@shared/screens/due';
import { ColumnHeader } from './ColumnHeader';
import { MarkIcon } from './icons';
import { ScoreCell } from './ScoreCell';
import { StatsButton } from './StatsButton';

/** The frozen student columns come first; item columns start here. */
export const FIRST_ITEM_COL = 2;

export interface GridColumns {
  columns: ColumnOrColumnGroup<GridRow>[];
  /** Score columns in display order (grid column FIRST_ITEM_COL + i is items[i]). */
  items: Item[];
  /** Every column's key by grid column index. */
  keys: string[];
}

/**
 * A score column's width: room for "/100", a mark or two, "100.5" and the statistics button, and wider (up to a limit)
 * so a long name fits on its two header lines.
 */
const itemWidth = (name: string) => Math.min(220, Math.max(120, Math.ceil((name.length / 2) * 8.5) + 60));

const STUDENT_WIDTH = 170;

/** Wide enough for the longest registrar ID: digits are 1ch (tabular), a letter may be wider. */
function idWidth(ids: readonly string[]): string {
  const widest = Math.max(2, ...ids.map((id) => [...id].reduce((w, c) => w + (c >= '0' && c <= '9' ? 1 : 1.6), 0)));
  return `calc(${widest}ch + 20px)`;
}

/** What each view counts, as the column tooltips say it. */
export const VIEW_WORDS: Record<View, string> = {
  current: 'current grade: only graded work counts',
  final: 'final grade: ungraded work counts 0',
};

/**
 * Students as rows; items grouped by category; then the live grades of one view (category
 * percentages, the total, the letter), the total and letter frozen so they stay in view.
 */
export function buildColumns(
  snapshot: CourseSnapshot,
  renderEditCell: (p: RenderEditCellProps<GridRow>) => React.ReactNode,
  view: View,
): GridColumns {
  const ids = idWidth(snapshot.students.map((s) => s.registrarId));
  // The header's tooltip gives the deadline in the course's zone, as the cell menu does.
  const due = (item: Item) => itemDue(item, snapshot.policy);
  // A wide category's name stays in view while scrolling across, just after the frozen columns.
  const groupName = (name: ReactNode) => (
    <span className="gb-group-name" style={{ left: `calc(${STUDENT_WIDTH}px + ${ids})` }}>
      {name}
    </span>
  );
  const cats = [...snapshot.categories].sort((a, b) => a.position - b.position || a.id - b.id);
  const items: Item[] = [];
  const groups: ColumnOrColumnGroup<GridRow>[] = [];
  for (const cat of cats) {
    const its = snapshot.items.filter((i) => i.categoryId === cat.id).sort((a, b) => a.position - b.position || a.id - b.id);
    if (its.length === 0) continue;
    items.push(...its);
    groups.push({
      name: groupName(cat.name),
      headerCellClass: 'gb-group',
      children: its.map((item): Column<GridRow> => ({
        key: itemKey(item.id),
        name: item.name,
        width: itemWidth(item.name),
        sortable: true,
        editable: true,
        cellClass: 'gb-score',
        renderHeaderCell: ({ sortDirection, tabIndex }) => (
          <ColumnHeader
            name={item.name}
            title={`${item.name}: out of ${item.pointsPossible}${item.teamGraded ? ', graded per team' : ''}${
              due(item) ? `, due ${due(item)}` : ''
            }${item.omitFromFinal ? ', does not count toward the final grade' : ''}`}
            icons={
              (item.teamGraded || item.omitFromFinal) && (
                <>
                  {item.teamGraded && <MarkIcon mark="team" />}
                  {item.omitFromFinal && <MarkIcon mark="omitted" />}
                </>
              )
            }
            detail={`/${item.pointsPossible}`}
            sortDirection={sortDirection}
            action={<StatsButton target={{ kind: 'item', id: item.id }} name={item.name} tabIndex={tabIndex} />}
          />
        ),
        renderCell: ({ row, rowIdx, column }) => <ScoreCell row={row} item={item} rowIdx={rowIdx} colIdx={column.idx} />,
        renderEditCell,
      })),
    });
  }
  const catCols = cats.map((cat): Column<GridRow> => ({
    key: categoryKey(cat.id),
    name: `${cat.name} %`,
    width: 96,
    sortable: true,
    cellClass: 'gb-grade',
    headerCellClass: 'gb-grade-head',
    renderHeaderCell: ({ sortDirection, tabIndex }) => (
      <ColumnHeader
        name={`${cat.name} %`}
        title={`${cat.name} %, ${VIEW_WORDS[view]}`}
        sortDirection={sortDirection}
        action={<StatsButton target={{ kind: 'category', id: cat.id }} name={`${cat.name} %`} tabIndex={tabIndex} />}
      />
    ),
    renderCell: ({ row, column }) => columnValue(row, column.key, view).text,
  }));
  const gradeCols: Column<GridRow>[] = [
    {
      key: 'grade',
      name: view === 'current' ? 'Current %' : 'Final %',
      width: 92,
      sortable: true,
      frozen: 'end',
      cellClass: 'gb-grade gb-final',
      headerCellClass: 'gb-grade-head',
      renderHeaderCell: () => <span title={VIEW_WORDS[view]}>{view === 'current' ? 'Current %' : 'Final %'}</span>,
      renderCell: ({ row, column }) => {
        const r = row.result;
        const text = columnValue(row, column.key, view).text;
        if (!r || view === 'current') return text;
        // Overrides and the borderline flag are about the final grade.
        const borderline = r.flags.includes('borderline');
        return (
          <span
            title={
              [r.override ? `Overridden: ${r.override.reason}` : '', borderline ? 'Borderline: close to the next band up' : '']
                .filter(Boolean)
                .join('\n') || undefined
            }
          >
            {r.override && <MarkIcon mark="override" />}
            {borderline && (
              <span className="gb-borderline" aria-label="borderline">
                ◆
              </span>
            )}
            {text}
          </span>
        );
      },
    },
    {
      key: 'letter',
      name: 'Letter',
      width: 60,
      sortable: true,
      frozen: 'end',
      cellClass: 'gb-grade gb-letter',
      headerCellClass: 'gb-grade-head',
      renderCell: ({ row, column }) => columnValue(row, column.key, view).text,
    },
  ];
  const columns: ColumnOrColumnGroup<GridRow>[] = [
    {
      key: 'name',
      name: 'Student',
      width: STUDENT_WIDTH,
      frozen: true,
      sortable: true,
      cellClass: 'gb-student',
      renderCell: ({ row, column }) => (
        <span title={row.student.accommodationNote ?? undefined}>
          {columnValue(row, column.key, view).text}
          {row.student.status === 'withdrawn' && <em className="gb-withdrawn"> (withdrawn)</em>}
        </span>
      ),
    },
    {
      key: 'registrarId',
      name: 'ID',
      width: ids,
      frozen: true,
      sortable: true,
      cellClass: 'gb-id',
      renderCell: ({ row, column }) => columnValue(row, column.key, view).text,
    },
    ...groups,
    ...(catCols.length
      ? [
          {
            name: groupName(`${view === 'current' ? 'Current' : 'Final'} % by category`),
            headerCellClass: 'gb-group',
            children: catCols,
          },
        ]
      : []),
    ...gradeCols,
  ];
  const keys = ['name', 'registrarId', ...items.map((i) => itemKey(i.id)), ...catCols.map((c) => c.key), ...gradeCols.map((c) => c.key)];
  return { columns, items, keys };
}
