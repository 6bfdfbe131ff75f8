import type { ReactNode } from 'react';

/** A column header; a numeric column is right-aligned like its cells. */
export type Column = string | { label: ReactNode; num?: boolean };

/** A table's header row. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => {
          const { label, num } = typeof c === 'string' ? { label: c, num: false } : c;
          return (
            <th key={i} scope="col" className={num ? 'num' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** The header of a column of remove buttons: silent on screen, named for screen readers. */
export const REMOVE_COLUMN: Column = { label: <span className="visually-hidden">Remove</span> };
