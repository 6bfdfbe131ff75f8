import type { Column, ColumnOrColumnGroup, RenderEditCellProps } from 'react-data-grid';
import type { View } from '@shared/grading';
import { studentName, type CourseSnapshot, type Item } from '@shared/model';
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

/** A score column's width: room for "/100", a mark or two and "100.5". */
export const ITEM_WIDTH = 100;

/** What each view counts, as the column tooltips say it. */
export const VIEW_WORDS: Record<View, string> = {
  current: 'current grade: only graded work counts',
  final: 'final grade: ungraded work counts 0',
};

/** A grade, or a dash when nothing counts yet (current view, nothing graded). */
const pct = (v: string | null | undefined) => (v == null ? '—' : `${v}%`);

/**
 * Students as rows; items grouped by category; then the live grades of one view (category
 * percentages, the total, the letter), the total and letter frozen so they stay in view.
 */
export function buildColumns(
  snapshot: CourseSnapshot,
  renderEditCell: (p: RenderEditCellProps<GridRow>) => React.ReactNode,
  view: View,
): GridColumns {
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
        width: ITEM_WIDTH,
        sortable: true,
        editable: true,
        cellClass: 'gb-score',
        renderHeaderCell: ({ sortDirection }) => (
          <span
            className="gb-item-head"
            title={`${item.name}: out of ${item.pointsPossible}${item.teamGraded ? ', graded per team' : ''}${
              (item.dueAt ?? item.dueDate) ? `, due ${item.dueAt ?? item.dueDate}` : ''
            }${item.omitFromFinal ? ', does not count toward the final grade' : ''}`}
          >
            <span className="gb-item-name">
              {item.teamGraded && <MarkIcon mark="team" />}
              {item.omitFromFinal && <MarkIcon mark="omitted" />} {item.name}
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
    renderHeaderCell: () => (
      <span className="gb-grade-name" title={`${cat.name} %, ${VIEW_WORDS[view]}`}>
        {cat.name} %
      </span>
    ),
    renderCell: ({ row }) => pct(row.result?.categories.find((c) => c.categoryId === cat.id)?.[view].display),
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
      renderCell: ({ row }) => {
        const r = row.result;
        if (!r) return '';
        if (view === 'current') return pct(r.current.display);
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
            {pct(r.display)}
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
      renderCell: ({ row }) => (view === 'current' ? row.result?.current.letter : row.result?.letter) ?? '',
    },
  ];
  const columns: ColumnOrColumnGroup<GridRow>[] = [
    {
      key: 'name',
      name: 'Student',
      width: 170,
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
      width: 92,
      frozen: true,
      sortable: true,
      cellClass: 'gb-id',
      renderCell: ({ row }) => row.student.registrarId,
    },
    ...groups,
    ...(catCols.length
      ? [
          {
            name: <span className="gb-group-name">{view === 'current' ? 'Current' : 'Final'} % by category</span>,
            headerCellClass: 'gb-group',
            children: catCols,
          },
        ]
      : []),
    ...gradeCols,
  ];
  return { columns, items };
}
