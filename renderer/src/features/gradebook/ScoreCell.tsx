import { createContext, memo, useContext } from 'react';
import { cellView, inRange, type Range } from '@shared/grid';
import type { Item } from '@shared/model';
import { useGradebook, type GridRow } from '../../stores/gradebook';
import { MarkIcon } from './icons';

/** The selected block (grid row and column indices); cells read it so the rows need not re-render. */
export const SelectionContext = createContext<Range | null>(null);

interface Props {
  row: GridRow;
  item: Item;
  rowIdx: number;
  colIdx: number;
}

/** One score: value plus a letter or icon for each state (never colour alone) and the reasons as a tooltip. */
export const ScoreCell = memo(function ScoreCell({ row, item, rowIdx, colIdx }: Props) {
  const index = useGradebook((s) => s.itemIndex.get(item.id));
  const timeZone = useGradebook((s) => s.snapshot?.policy.timeZone);
  const selection = useContext(SelectionContext);
  const result = index === undefined ? undefined : row.result?.items[index];
  const view = cellView(row.scores.get(item.id), result?.itemId === item.id ? result : undefined, item.teamGraded, timeZone);
  const selected =
    selection !== null && inRange(selection, rowIdx, colIdx) && !(selection.top === selection.bottom && selection.left === selection.right);
  const cls = ['gb-cell', ...view.marks.map((m) => `is-${m}`), selected ? 'is-selected' : ''].filter(Boolean).join(' ');
  return (
    <span className={cls} title={view.title || undefined} data-marks={view.marks.join(' ') || undefined}>
      <span className="gb-icons">
        {view.marks.map((m) => (
          <MarkIcon key={m} mark={m} />
        ))}
      </span>
      <span className="gb-value">{view.text}</span>
    </span>
  );
});
