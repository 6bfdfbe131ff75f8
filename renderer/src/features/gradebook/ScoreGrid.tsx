import { useCallback, useMemo, useRef, useState } from 'react';
import {
  DataGrid,
  type CellKeyDownArgs,
  type CellKeyboardEvent,
  type DataGridHandle,
  type RenderEditCellProps,
  type SortColumn,
} from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import type { CellEdit } from '@shared/api';
import { cellText, fillDown, formatTsv, mapPaste, parseCellInput, parseTsv, rangeOf, type Pos, type Range } from '@shared/grid';
import { studentName, type CourseSnapshot, type Item } from '@shared/model';
import { plural } from '@shared/text/words';
import { teamKey, useGradebook, type GridRow } from '../../stores/gradebook';
import { CellEditor, EditorContext, type EditorApi, type Move } from './CellEditor';
import { FIRST_ITEM_COL, buildColumns } from './columns';
import { dedupe, scoreEdit, teamOf } from './edits';
import { SelectionContext } from './ScoreCell';

interface Props {
  snapshot: CourseSnapshot;
  rows: readonly GridRow[];
  sortColumns: readonly SortColumn[];
  onSortColumnsChange(sort: SortColumn[]): void;
  onOpenMenu(row: GridRow, item: Item): void;
  /** Reports the active score cell, so the toolbar's "Cell details" button can open its menu. */
  onActiveCell(cell: { row: GridRow; item: Item } | null): void;
}

const renderEditor = (p: RenderEditCellProps<GridRow>) => <CellEditor {...p} />;

const ARROWS: Record<string, Move> = {
  ArrowUp: { dr: -1, dc: 0 },
  ArrowDown: { dr: 1, dc: 0 },
  ArrowLeft: { dr: 0, dc: -1 },
  ArrowRight: { dr: 0, dc: 1 },
};

/** The score grid: spreadsheet keys, block copy/paste as TSV, every edit one undo step. */
export function ScoreGrid({ snapshot, rows, sortColumns, onSortColumnsChange, onOpenMenu, onActiveCell }: Props) {
  const grid = useRef<DataGridHandle>(null);
  const apply = useGradebook((s) => s.apply);
  const say = useGradebook((s) => s.say);
  const undoLast = useGradebook((s) => s.undoLast);
  const redoNext = useGradebook((s) => s.redoNext);
  const view = useGradebook((s) => s.view);
  const { columns, items } = useMemo(() => buildColumns(snapshot, renderEditor, view), [snapshot.items, snapshot.categories, view]); // eslint-disable-line react-hooks/exhaustive-deps
  const [active, setActive] = useState<Pos | null>(null);
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const extending = useRef(false);
  const seed = useRef<string | null>(null);
  // Then a percentage per category, the total and the letter.
  const lastCol = FIRST_ITEM_COL + items.length + snapshot.categories.length + 1;

  const itemAt = (col: number): Item | undefined => items[col - FIRST_ITEM_COL];
  const selection: Range | null = active && anchor ? rangeOf(anchor, active) : null;

  /** The selection limited to score columns, in item coordinates (column 0 = first item). */
  const scoreRange = (): Range | null => {
    if (!selection) return null;
    const left = Math.max(selection.left, FIRST_ITEM_COL) - FIRST_ITEM_COL;
    const right = Math.min(selection.right, FIRST_ITEM_COL + items.length - 1) - FIRST_ITEM_COL;
    if (left > right || selection.top < 0) return null;
    return { top: selection.top, bottom: Math.min(selection.bottom, rows.length - 1), left, right };
  };

  /** The cell's text as entered (the team's score on a team item), as copied and edited. */
  const rawText = useCallback((row: GridRow, item: Item): string => {
    const { itemIndex, teamScores } = useGradebook.getState();
    if (item.teamGraded) {
      const teamId = teamOf(row, item, itemIndex);
      const t = teamId === null ? undefined : teamScores.get(teamKey(teamId, item.id));
      return t ? cellText(t.value, t.status) : '';
    }
    const s = row.scores.get(item.id);
    return s ? cellText(s.value, s.status) : '';
  }, []);

  const where = (row: GridRow, item: Item) => `${studentName(row.student)}, ${item.name}`;

  /** Turns texts placed on cells into edits; any unreadable text refuses the whole action. */
  const toEdits = (cells: { row: number; col: number; text: string }[]): CellEdit[] | null => {
    const { itemIndex } = useGradebook.getState();
    const edits: CellEdit[] = [];
    const problems: string[] = [];
    for (const c of cells) {
      const row = rows[c.row];
      const item = items[c.col];
      if (!row || !item) continue;
      const parsed = parseCellInput(c.text);
      if (!parsed.ok) {
        // A block names each cell by row and column; one typed cell is the one being edited.
        problems.push(
          cells.length === 1 ? parsed.message : `Row ${c.row + 1} (${studentName(row.student)}), column '${item.name}': ${parsed.message}`,
        );
        continue;
      }
      const edit = scoreEdit(row, item, parsed.patch, itemIndex);
      if (edit) edits.push(edit);
      else
        problems.push(
          `${where(row, item)}: the student was on no team at the due date, so there is no team score to set. Use the cell menu to give an individual score.`,
        );
    }
    if (problems.length) {
      const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
      say({ kind: 'error', text: cells.length === 1 ? `${problems[0]}` : `Nothing was changed. ${problems.slice(0, 3).join(' ')}${more}` });
      return null;
    }
    return dedupe(edits);
  };

  const moveTo = (rowIdx: number, idx: number) => {
    grid.current?.setActivePosition({ rowIdx: Math.max(0, Math.min(rows.length - 1, rowIdx)), idx: Math.max(0, Math.min(lastCol, idx)) });
  };

  const editor: EditorApi = {
    seed,
    currentText: (row, key) => {
      const item = items.find((i) => `item:${i.id}` === key);
      return item ? rawText(row, item) : '';
    },
    accepts: (row, rowIdx, key, text) => {
      const item = items.find((i) => `item:${i.id}` === key);
      if (!item || text.trim() === rawText(row, item)) return true;
      return toEdits([{ row: rowIdx, col: items.indexOf(item), text }]) !== null;
    },
    commit: (row, rowIdx, key, text, move) => {
      const item = items.find((i) => `item:${i.id}` === key);
      const col = item ? FIRST_ITEM_COL + items.indexOf(item) : 0;
      if (move) moveTo(rowIdx + move.dr, col + move.dc);
      if (!item || text.trim() === rawText(row, item)) return;
      const edits = toEdits([{ row: rowIdx, col: col - FIRST_ITEM_COL, text }]);
      if (edits?.length) void apply(edits, `${where(row, item)}: ${text.trim() || 'cleared'}`);
    },
  };

  const clearSelection = () => {
    const r = scoreRange();
    if (!r) return;
    const cells = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col, text: '' });
    const edits = toEdits(cells);
    if (edits?.length)
      void apply(edits, cells.length === 1 ? `Clear ${where(rows[r.top]!, items[r.left]!)}` : `Clear ${cells.length} cells`);
  };

  const fill = () => {
    const r = scoreRange();
    if (!r) return;
    const steps = fillDown(r);
    const cells = steps.map((s) => ({ ...s.to, text: rawText(rows[s.from.row]!, items[s.from.col]!) }));
    const edits = cells.length ? toEdits(cells) : null;
    if (edits?.length) void apply(edits, `Fill down ${plural(cells.length, 'cell')}`);
  };

  const onKeyDown = (args: CellKeyDownArgs<GridRow>, event: CellKeyboardEvent) => {
    if (args.mode === 'EDIT') return;
    const { key, shiftKey, altKey } = event;
    const ctrl = event.ctrlKey || event.metaKey;
    const column = args.column;
    const item = column ? itemAt(column.idx) : undefined;
    const stop = () => {
      event.preventGridDefault();
      event.preventDefault();
    };
    if (ctrl) {
      const k = key.toLowerCase();
      if (k === 'z') {
        stop();
        void (shiftKey ? redoNext() : undoLast());
      } else if (k === 'y') {
        stop();
        void redoNext();
      } else if (k === 'd') {
        stop();
        fill();
      } else if (k === 'v') {
        // The browser's paste event follows; keep the grid from opening an editor for it.
        event.preventGridDefault();
      }
      return;
    }
    const arrow = ARROWS[key];
    if (shiftKey && arrow && active) {
      stop();
      extending.current = true;
      moveTo(active.row + arrow.dr, active.col + arrow.dc);
      return;
    }
    if ((shiftKey && key === 'F10') || key === 'ContextMenu') {
      stop();
      if (args.row && item) onOpenMenu(args.row, item);
      return;
    }
    if (!item || !column) return;
    if (key === 'Delete' || key === 'Backspace') {
      stop();
      clearSelection();
    } else if (key === 'F2' || key === 'Enter') {
      stop();
      seed.current = null;
      args.setActivePosition({ idx: column.idx, rowIdx: args.rowIdx }, { enableEditor: true });
    } else if (key.length === 1 && !altKey) {
      stop();
      seed.current = key;
      args.setActivePosition({ idx: column.idx, rowIdx: args.rowIdx }, { enableEditor: true });
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    const r = scoreRange();
    if (!r) {
      say({ kind: 'error', text: 'Select a score cell first, then paste: the block lands with its top-left corner there.' });
      return;
    }
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    const placed = mapPaste(block, r, rows.length, items.length);
    const edits = toEdits(placed.cells);
    if (!edits?.length) return;
    void apply(edits, `Paste ${plural(placed.cells.length, 'cell')}`).then((ok) => {
      if (ok && placed.clipped) say({ kind: 'info', text: 'Part of the pasted block fell outside the grid and was left out.' });
    });
  };

  const onCopy = (e: React.ClipboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement || !selection) return;
    e.preventDefault();
    const out: string[][] = [];
    for (let r = selection.top; r <= selection.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      const line: string[] = [];
      for (let c = selection.left; c <= selection.right; c++) {
        const item = itemAt(c);
        if (item) line.push(rawText(row, item));
        else if (c === 0) line.push(studentName(row.student));
        else if (c === 1) line.push(row.student.registrarId);
        else {
          const cell = grid.current?.element?.querySelector(`[aria-rowindex="${r + 3}"] > [aria-colindex="${c + 1}"]`);
          line.push(cell?.textContent ?? '');
        }
      }
      out.push(line);
    }
    e.clipboardData.setData('text/plain', formatTsv(out));
  };

  return (
    <EditorContext.Provider value={editor}>
      <SelectionContext.Provider value={selection}>
        <div className="gb-grid-wrap" onPaste={onPaste} onCopy={onCopy}>
          <DataGrid
            ref={grid}
            aria-label="Scores"
            className="gb-grid rdg-light"
            columns={columns}
            rows={rows}
            rowKeyGetter={(r) => r.student.id}
            rowHeight={30}
            headerRowHeight={52}
            sortColumns={sortColumns}
            onSortColumnsChange={(s) => onSortColumnsChange(s.slice(-1))}
            onCellKeyDown={onKeyDown}
            onCellMouseDown={(_, e) => {
              if (e.shiftKey) extending.current = true;
            }}
            onCellDoubleClick={() => {
              seed.current = null;
            }}
            onCellContextMenu={(args, e) => {
              const item = itemAt(args.column.idx);
              if (!item) return;
              e.preventGridDefault();
              e.preventDefault();
              args.setActivePosition();
              onOpenMenu(args.row, item);
            }}
            onActivePositionChange={({ rowIdx, row, column }) => {
              const pos = column ? { row: rowIdx, col: column.idx } : null;
              setActive(pos);
              if (!extending.current) setAnchor(pos);
              extending.current = false;
              const item = column ? itemAt(column.idx) : undefined;
              onActiveCell(row && item ? { row, item } : null);
            }}
          />
        </div>
      </SelectionContext.Provider>
    </EditorContext.Provider>
  );
}
