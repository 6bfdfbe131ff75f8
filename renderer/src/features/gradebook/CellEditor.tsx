import { createContext, useContext, useRef, useState } from 'react';
import type { RenderEditCellProps } from 'react-data-grid';
import type { GridRow } from '../../stores/gradebook';

export interface Step {
  dr: number;
  dc: number;
}

/** Where the active cell goes after a commit: a step, or Tab's next (1) or previous (-1) score cell. */
export type Move = Step | { tab: 1 | -1 };

export interface EditorApi {
  /** Text typed to open the editor (replaces the cell), or null to edit the current text (F2, Enter). */
  seed: { current: string | null };
  currentText(row: GridRow, columnKey: string): string;
  /** False (and says why) when the text cannot be saved: the editor then stays open to correct it. */
  accepts(row: GridRow, rowIdx: number, columnKey: string, text: string): boolean;
  /** Saves the text into the cell; then moves the active cell, when a move is given. */
  commit(row: GridRow, rowIdx: number, columnKey: string, text: string, move: Move | null): void;
}

export const EditorContext = createContext<EditorApi | null>(null);

const MOVES: Record<string, Step> = {
  ArrowUp: { dr: -1, dc: 0 },
  ArrowDown: { dr: 1, dc: 0 },
  ArrowLeft: { dr: 0, dc: -1 },
  ArrowRight: { dr: 0, dc: 1 },
};

/**
 * The in-cell editor. Enter/Tab commit and move (Shift: back), Esc cancels, a click elsewhere
 * commits. Opened by typing, arrows commit and move as in Excel; opened with F2, they move the caret.
 */
export function CellEditor({ row, column, rowIdx, onClose }: RenderEditCellProps<GridRow>) {
  const api = useContext(EditorContext)!;
  const [typed] = useState(() => api.seed.current);
  const [text, setText] = useState(() => typed ?? api.currentText(row, column.key));
  const done = useRef(false);
  const finish = (commit: boolean, move: Move | null) => {
    if (done.current) return;
    // Enter, Tab or an arrow on unreadable text keeps it here to fix; leaving the cell otherwise gives it up.
    if (commit && move && !api.accepts(row, rowIdx, column.key, text)) return;
    done.current = true;
    onClose(false, commit ? move !== null : true);
    if (commit) api.commit(row, rowIdx, column.key, text, move);
  };
  return (
    <input
      className="gb-editor"
      aria-label={`${column.name}: score`}
      value={text}
      ref={(el) => {
        if (el && !done.current && document.activeElement !== el) {
          el.focus();
          if (typed === null) el.select();
        }
      }}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(true, null)}
      onKeyDown={(e) => {
        const arrow = MOVES[e.key];
        let handled = true;
        if (e.key === 'Enter') finish(true, { dr: e.shiftKey ? -1 : 1, dc: 0 });
        else if (e.key === 'Tab') finish(true, { tab: e.shiftKey ? -1 : 1 });
        else if (e.key === 'Escape') finish(false, null);
        else if (arrow && typed !== null) finish(true, arrow);
        else handled = false;
        if (handled) e.preventDefault();
        e.stopPropagation();
      }}
    />
  );
}
