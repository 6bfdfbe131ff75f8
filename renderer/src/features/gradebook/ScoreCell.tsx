import { createContext, memo, useContext } from 'react';
import { cellView, inRange, type Range } from '@shared/grid';
import type { Item } from '@shared/model';
import type { GridRow } from '../../stores/gradebook';
import { MarkIcon } from './icons';

/**
 * The selected block of more than one cell (grid row and column indices), or null. Cells read it
 * so the rows need not re-render; a single active cell is null here, so moving it re-renders no cell.
 */
export const SelectionContext = createContext<Range | null>(null);

/** What every score cell reads of the course: one value for the grid, not a store subscription per cell. */
export interface CellCourse {
  /** Item id -> index into StudentResult.items. */
  itemIndex: ReadonlyMap<number, number>;
  timeZone: string | undefined;
}

export const CellCourseContext = createContext<CellCourse>({ itemIndex: new Map(), timeZone: undefined });

interface Props {
  row: GridRow;
  item: Item;
  rowIdx: number;
  colIdx: number;
}

/** One score: value plus a letter or icon for each state (never colour alone) and the reasons as a tooltip. */
export const ScoreCell = memo(function ScoreCell({ row, item, rowIdx, colIdx }: Props) {
  const { itemIndex, timeZone } = useContext(CellCourseContext);
  const selection = useContext(SelectionContext);
  const index = itemIndex.get(item.id);
  const result = index === undefined ? undefined : row.result?.items[index];
  const view = cellView(row.scores.get(item.id), result?.itemId === item.id ? result : undefined, item.teamGraded, timeZone);
  const selected = selection !== null && inRange(selection, rowIdx, colIdx);
  const cls = ['gb-cell', ...view.marks.map((m) => `is-${m}`), selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <span className={cls} title={view.title || undefined} data-marks={view.marks.join(' ') || undefined}>
      {/* Most cells have no mark: no empty element for them, fewer to style and lay out while scrolling. */}
      {view.marks.length > 0 && (
        <span className="gb-icons">
          {view.marks.map((m) => (
            <MarkIcon key={m} mark={m} />
          ))}
        </span>
      )}
      <span className="gb-value">{view.text}</span>
    </span>
  );
});
