import { useCallback, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
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
import {
  aboveMaximum,
  extraCreditNotice,
  extraCreditQuestion,
  type AboveMaximum,
  cellText,
  columnValue,
  cornerTarget,
  fillDown,
  formatTsv,
  mapPaste,
  parseCellInput,
  parseTsv,
  itemKey,
  rangeOf,
  tabTarget,
  type GridShape,
  type Pos,
  type Range,
} from '@shared/grid';
import { studentName, type CourseSnapshot, type Item } from '@shared/model';
import { plural } from '@shared/text/words';
import { teamKey, useGradebook, type GridRow } from '../../stores/gradebook';
import { step, stepOfKey } from '../../stores/undo';
import { CellEditor, EditorContext, type EditorApi, type Step } from './CellEditor';
import { FIRST_ITEM_COL, buildColumns } from './columns';
import { dedupe, scoreEdit, teamOf } from './edits';
import { CellCourseContext, SelectionContext } from './ScoreCell';
import { Dialog } from '../common/Dialog';

interface Props {
  snapshot: CourseSnapshot;
  rows: readonly GridRow[];
  sortColumns: readonly SortColumn[];
  onSortColumnsChange(sort: SortColumn[]): void;
  onOpenMenu(row: GridRow, item: Item): void;
  /** Reports the active score cell, so the toolbar's "Cell details" button can open its menu. */
  onActiveCell(cell: { row: GridRow; item: Item } | null): void;
  /** Esc (when not editing) or F6: focus goes out of the grid, to the toolbar. */
  onLeave(): void;
  ref?: Ref<ScoreGridHandle>;
}

export interface ScoreGridHandle {
  /** Focuses the active cell (else the first score cell), as F6 from the toolbar does. */
  focus(): void;
}

const renderEditor = (p: RenderEditCellProps<GridRow>) => <CellEditor {...p} />;

const ARROWS: Record<string, Step> = {
  ArrowUp: { dr: -1, dc: 0 },
  ArrowDown: { dr: 1, dc: 0 },
  ArrowLeft: { dr: 0, dc: -1 },
  ArrowRight: { dr: 0, dc: 1 },
};

/** The score grid: spreadsheet keys, block copy/paste as TSV, every edit one undo step. */
export function ScoreGrid({ snapshot, rows, sortColumns, onSortColumnsChange, onOpenMenu, onActiveCell, onLeave, ref }: Props) {
  const grid = useRef<DataGridHandle>(null);
  const apply = useGradebook((s) => s.apply);
  const say = useGradebook((s) => s.say);
  const view = useGradebook((s) => s.view);
  const confirmExtraCredit = snapshot.policy.confirmExtraCredit;
  const [asking, setAsking] = useState<{ edits: CellEdit[]; label: string; over: AboveMaximum[] } | null>(null);
  const { columns, items, keys } = useMemo(() => buildColumns(snapshot, renderEditor, view), [snapshot.items, snapshot.categories, view]); // eslint-disable-line react-hooks/exhaustive-deps
  const [active, setActive] = useState<Pos | null>(null);
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const extending = useRef(false);
  const seed = useRef<string | null>(null);
  // Then a percentage per category, the total and the letter.
  const lastCol = FIRST_ITEM_COL + items.length + snapshot.categories.length + 1;
  const shape: GridShape = { rows: rows.length, firstEditable: FIRST_ITEM_COL, lastEditable: FIRST_ITEM_COL + items.length - 1, lastCol };

  const itemAt = (col: number): Item | undefined => items[col - FIRST_ITEM_COL];
  const selection: Range | null = active && anchor ? rangeOf(anchor, active) : null;
  // Only a block of several cells is drawn as selected; one object per block, so cells re-render only when it changes.
  const { top, left, bottom, right } = selection ?? { top: -1, left: -1, bottom: -1, right: -1 };
  const block = useMemo(() => (top === bottom && left === right ? null : { top, left, bottom, right }), [top, left, bottom, right]);
  const itemIndex = useGradebook((s) => s.itemIndex);
  const cellCourse = useMemo(() => ({ itemIndex, timeZone: snapshot.policy.timeZone }), [itemIndex, snapshot.policy.timeZone]);

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

  /** Makes a cell active; a key on a cell also moves the focus there (after an edit, the editor's close does). */
  const moveTo = (rowIdx: number, idx: number, shouldFocus = false) => {
    grid.current?.setActivePosition(
      { rowIdx: Math.max(0, Math.min(rows.length - 1, rowIdx)), idx: Math.max(0, Math.min(lastCol, idx)) },
      { shouldFocus },
    );
  };
  const go = (p: Pos | null, shouldFocus = false) => p && moveTo(p.row, p.col, shouldFocus);
  useImperativeHandle(ref, () => ({
    focus: () => {
      if (!active) return void go(cornerTarget(false, shape), true);
      // The grid moves focus only on a change of cell: focus its active cell (the one in the tab order) here.
      grid.current?.scrollToCell({ rowIdx: active.row, idx: active.col });
      grid.current?.element?.querySelector<HTMLElement>('[role=gridcell][tabindex="0"]')?.focus();
    },
  }));

  const editor: EditorApi = {
    seed,
    currentText: (row, key) => {
      const item = items.find((i) => itemKey(i.id) === key);
      return item ? rawText(row, item) : '';
    },
    accepts: (row, rowIdx, key, text) => {
      const item = items.find((i) => itemKey(i.id) === key);
      if (!item || text.trim() === rawText(row, item)) return true;
      return toEdits([{ row: rowIdx, col: items.indexOf(item), text }]) !== null;
    },
    commit: (row, rowIdx, key, text, move) => {
      const item = items.find((i) => itemKey(i.id) === key);
      const col = item ? FIRST_ITEM_COL + items.indexOf(item) : 0;
      if (move) {
        if ('tab' in move) go(tabTarget({ row: rowIdx, col }, move.tab < 0, shape));
        else moveTo(rowIdx + move.dr, col + move.dc);
      }
      if (!item || text.trim() === rawText(row, item)) return;
      const edits = toEdits([{ row: rowIdx, col: col - FIRST_ITEM_COL, text }]);
      if (edits?.length) void save(edits, `${where(row, item)}: ${text.trim() || 'cleared'}`);
    },
  };

  /** Saves edits as one step; a score above points possible is kept as extra credit and said so (asked first, when the course says). */
  const save = async (edits: CellEdit[], label: string, asked = false): Promise<boolean> => {
    const over = aboveMaximum(edits, items);
    if (over.length && confirmExtraCredit && !asked) {
      setAsking({ edits, label, over });
      return false;
    }
    const ok = await apply(edits, label);
    if (ok && over.length) say({ kind: 'info', text: extraCreditNotice(over), undo: true });
    return ok;
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
    if (edits?.length) void save(edits, `Fill down ${plural(cells.length, 'cell')}`);
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
    if (key === 'Escape' || key === 'F6') {
      stop();
      onLeave();
      return;
    }
    if (args.rowIdx < 0 || !column) return;
    const here = { row: args.rowIdx, col: column.idx };
    if (key === 'Tab' && !ctrl) {
      const to = tabTarget(here, shiftKey, shape);
      // Past the first or last score cell the browser's Tab takes focus out of the grid.
      event.preventGridDefault();
      if (to) {
        event.preventDefault();
        go(to, true);
      }
      return;
    }
    if (key === 'Enter') {
      // As in Excel: Enter on a cell not being edited commits nothing and moves down (Shift: up).
      stop();
      moveTo(here.row + (shiftKey ? -1 : 1), here.col, true);
      return;
    }
    if (ctrl) {
      const k = key.toLowerCase();
      const direction = stepOfKey(event);
      if (key === 'Home' || key === 'End') {
        stop();
        go(cornerTarget(key === 'End', shape), true);
      } else if (direction) {
        stop();
        void step(direction);
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
      moveTo(active.row + arrow.dr, active.col + arrow.dc, true);
      return;
    }
    if ((shiftKey && key === 'F10') || key === 'ContextMenu') {
      stop();
      if (args.row && item) onOpenMenu(args.row, item);
      return;
    }
    if (!item) return;
    if (key === 'Delete' || key === 'Backspace') {
      stop();
      clearSelection();
    } else if (key === 'F2') {
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
    void save(edits, `Paste ${plural(placed.cells.length, 'cell')}`).then((ok) => {
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
        line.push(item ? rawText(row, item) : columnValue(row, keys[c]!, view).text);
      }
      out.push(line);
    }
    e.clipboardData.setData('text/plain', formatTsv(out));
  };

  return (
    <EditorContext.Provider value={editor}>
      <SelectionContext.Provider value={block}>
        <CellCourseContext.Provider value={cellCourse}>
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
        </CellCourseContext.Provider>
        {asking && (
          <Dialog title="Keep as extra credit?" onClose={() => setAsking(null)}>
            <p>{extraCreditQuestion(asking.over)} Cancel keeps the cells as they were.</p>
            <div className="row end">
              <button type="button" onClick={() => setAsking(null)}>
                Cancel
              </button>
              <button
                type="button"
                onClick={() => {
                  setAsking(null);
                  void save(asking.edits, asking.label, true);
                }}
              >
                Save as extra credit
              </button>
            </div>
          </Dialog>
        )}
      </SelectionContext.Provider>
    </EditorContext.Provider>
  );
}
