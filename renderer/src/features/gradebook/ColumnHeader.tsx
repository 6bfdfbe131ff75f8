import type { ReactNode } from 'react';
import type { SortDirection } from 'react-data-grid';

interface Props {
  /** The whole name: shown on up to two lines, then cut with an ellipsis. */
  name: string;
  /** What the tooltip says: the name and what the column holds. */
  title: string;
  /** A second line, e.g. "/10". */
  detail?: ReactNode;
  /** Marks before the name (team-graded, not counted). */
  icons?: ReactNode;
  sortDirection?: SortDirection;
  /** A header action after the text (the statistics button). */
  action?: ReactNode;
}

/**
 * Every item and category header of the grid. The accessible name is the whole name even when
 * the screen cuts it. The text block shrinks, so a header action added after it keeps its room.
 */
export function ColumnHeader({ name, title, detail, icons, sortDirection, action }: Props) {
  const sort = sortDirection && (sortDirection === 'ASC' ? ' ▲' : ' ▼');
  return (
    <span className="gb-colhead" title={title}>
      <span className="gb-colhead-text">
        <span className="gb-colhead-name">
          {icons}
          {icons && ' '}
          {name}
        </span>
        {(detail || sort) && (
          <span className="gb-colhead-detail">
            {detail}
            {sort}
          </span>
        )}
      </span>
      {action}
    </span>
  );
}
