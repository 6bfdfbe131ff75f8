import type { Column, ColumnOrColumnGroup, RenderEditCellProps } from 'react-data-grid';
import type { CourseSnapshot, Item } from '../../../../shared/model';
import { studentName } from '../../../../shared/grid';
import type { GridRow } from '../../stores/gradebook';
import { MarkIcon } from './icons';
import { ScoreCell } from './ScoreCell';

/** The frozen student columns come first; item columns start here. */
export const FIRST_ITEM_COL = 2;

export const itemKey = (id: number) => `item:${id}`;

export interface GridColumns {
  columns: ColumnOrColumnGroup<GridRow>[];
  /** Score columns in display order (grid column FIRST_ITEM_COL + i is items[i]). */
  items: Item[];
}

const pct = (v: string | null | undefined) => (v == null ? '' : `${v}%`);

/**
 * Students as rows; items grouped by category; then the live grades (category percentages,
 * current and final percent, letter), the last two frozen so they stay in view.
 */
export function buildColumns(snapshot: CourseSnapshot, renderEditCell: (p: RenderEditCellProps<GridRow>) => React.ReactNode): GridColumns {
  const cats = [...snapshot.categories].sort((a, b) => a.position - b.position || a.id - b.id);
  const items: Item[] = [];
  const groups: ColumnOrColumnGroup<GridRow>[] = [];
  for (const cat of cats) {
    const its = snapshot.items.filter((i) => i.categoryId === cat.id).sort((a, b) => a.position - b.position || a.id - b.id);
    if (its.length === 0) continue;
    items.push(...its);
    groups.push({
      name: <span className="gb-group-name">{cat.name}</span>,
      headerCellClass: 'gb-group',
      children: its.map((item): Column<GridRow> => ({
        key: itemKey(item.id),
        name: item.name,
        width: 104,
        sortable: true,
        editable: true,
        cellClass: 'gb-score',
        renderHeaderCell: ({ sortDirection }) => (
          <span
            className="gb-item-head"
            title={`${item.name}: out of ${item.pointsPossible}${item.teamGraded ? ', graded per team' : ''}${item.dueDate ? `, due ${item.dueDate}` : ''}`}
          >
            <span className="gb-item-name">
              {item.teamGraded && <MarkIcon mark="team" />} {item.name}
            </span>
            <span className="gb-item-pts">
              /{item.pointsPossible}
              {sortDirection && (sortDirection === 'ASC' ? ' ▲' : ' ▼')}
            </span>
          </span>
        ),
        renderCell: ({ row, rowIdx, column }) => <ScoreCell row={row} item={item} rowIdx={rowIdx} colIdx={column.idx} />,
        renderEditCell,
      })),
    });
  }
  const catCols = cats.map((cat): Column<GridRow> => ({
    key: `cat:${cat.id}`,
    name: `${cat.name} %`,
    width: 96,
    sortable: true,
    cellClass: 'gb-grade',
    headerCellClass: 'gb-grade-head',
    renderCell: ({ row }) => pct(row.result?.categories.find((c) => c.categoryId === cat.id)?.current.display),
  }));
  const finalCols: Column<GridRow>[] = [
    {
      key: 'current',
      name: 'Current %',
      width: 88,
      sortable: true,
      cellClass: 'gb-grade',
      headerCellClass: 'gb-grade-head',
      renderCell: ({ row }) => pct(row.result?.current.display),
    },
    {
      key: 'final',
      name: 'Final %',
      width: 88,
      sortable: true,
      frozen: 'end',
      cellClass: 'gb-grade gb-final',
      headerCellClass: 'gb-grade-head',
      renderCell: ({ row }) => {
        const r = row.result;
        if (!r) return '';
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
            {pct(r.display)}
          </span>
        );
      },
    },
    {
      key: 'letter',
      name: 'Letter',
      width: 64,
      sortable: true,
      frozen: 'end',
      cellClass: 'gb-grade gb-letter',
      headerCellClass: 'gb-grade-head',
      renderCell: ({ row }) => row.result?.letter ?? '',
    },
  ];
  const columns: ColumnOrColumnGroup<GridRow>[] = [
    {
      key: 'name',
      name: 'Student',
      width: 210,
      frozen: true,
      sortable: true,
      cellClass: 'gb-student',
      renderCell: ({ row }) => (
        <span title={row.student.accommodationNote ?? undefined}>
          {studentName(row.student)}
          {row.student.status === 'withdrawn' && <em className="gb-withdrawn"> (withdrawn)</em>}
        </span>
      ),
    },
    {
      key: 'registrarId',
      name: 'ID',
      width: 104,
      frozen: true,
      sortable: true,
      cellClass: 'gb-id',
      renderCell: ({ row }) => row.student.registrarId,
    },
    ...groups,
    ...(catCols.length
      ? [{ name: <span className="gb-group-name">Grades</span>, headerCellClass: 'gb-group', children: [...catCols, finalCols[0]!] }]
      : [finalCols[0]!]),
    finalCols[1]!,
    finalCols[2]!,
  ];
  return { columns, items };
}
