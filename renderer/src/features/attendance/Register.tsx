import { useMemo, useRef, useState } from 'react';
import { DataGrid, type CellKeyDownArgs, type CellKeyboardEvent, type Column, type DataGridHandle } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import type { Register as RegisterData, RegisterStudent, SessionRow, SessionTotals } from '@shared/api';
import { fillDown, formatTsv, parseTsv, rangeOf, type Pos, type Range } from '@shared/grid';
import {
  filterChoices,
  filterStudents,
  MARK_LETTER,
  markCell,
  NO_FILTER,
  parseMark,
  pasteMarks,
  problemSummary,
  ratePercent,
  sessionStateText,
  toMarkEdits,
  type PasteResult,
  type RegisterFilter,
} from '@shared/screens/attendance';
import { useApp } from '../../stores/app';
import { announce } from '../common/announce';
import { useAttendance } from './store';
import { useFindKey } from './useFindKey';
import { plural } from '@shared/text/words';
import { formatDay, formatInstant } from '@shared/time/format';

/** Student name and ID come first; session columns start here. */
const FIRST_SESSION_COL = 2;

type Summary = { kind: 'totals' };
const SUMMARY: readonly Summary[] = [{ kind: 'totals' }];

const countsText = (t: SessionTotals) =>
  `${t.counts.present} present, ${t.counts.late} late, ${t.counts.absent} absent, ${t.counts.excused} excused, ${t.counts.unmarked} not yet marked`;

/** The sessions x students register: the score grid's keys, a paste is one request, totals from the engine. */
export function Register({ register, timeZone }: { register: RegisterData; timeZone: string }) {
  const grid = useRef<DataGridHandle>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  useFindKey(searchBox);
  const [filter, setFilter] = useState<RegisterFilter>(NO_FILTER);
  const [active, setActive] = useState<Pos | null>(null);
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const extending = useRef(false);
  const { mark } = useAttendance.getState();
  const sessions = register.sessions;
  const rows = useMemo(() => filterStudents(register.students, filter), [register.students, filter]);
  const choices = useMemo(() => filterChoices(register.students), [register.students]);
  const selection = active && anchor ? rangeOf(anchor, active) : null;
  const sessionRange = (): Range | null => {
    if (!selection) return null;
    const left = Math.max(selection.left, FIRST_SESSION_COL) - FIRST_SESSION_COL;
    const right = Math.min(selection.right, FIRST_SESSION_COL + sessions.length - 1) - FIRST_SESSION_COL;
    return left > right ? null : { top: selection.top, bottom: Math.min(selection.bottom, rows.length - 1), left, right };
  };

  const columns = useMemo(() => buildColumns(register, timeZone), [register, timeZone]);

  const send = (result: PasteResult, label: (n: number) => string) => {
    if (!result.ok) {
      useApp.setState({ error: problemSummary(result.problems) });
      return;
    }
    if (result.edits.length === 0) return;
    void mark(result.edits, label(result.edits.length)).then((ok) => {
      if (ok && result.clipped) announce('Part of the pasted block fell outside the register and was left out.');
    });
  };

  /** Every cell of the selection gets the same text (a typed mark, or '' to clear). */
  const setSelection = (text: string) => {
    const r = sessionRange();
    if (!r) return;
    const cells = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push({ row, col, text });
    send(toMarkEdits(cells, rows, sessions), (n) =>
      text ? `Mark ${plural(n, 'cell')} ${text.toUpperCase()}` : `Clear ${plural(n, 'mark')}`,
    );
  };

  const fill = () => {
    const r = sessionRange();
    if (!r) return;
    const cells = fillDown(r).map((s) => {
      const m = rows[s.from.row]!.marks[s.from.col];
      return { ...s.to, text: m ? MARK_LETTER[m] : '' };
    });
    send(toMarkEdits(cells, rows, sessions), (n) => `Fill down ${plural(n, 'mark')}`);
  };

  const moveTo = (rowIdx: number, idx: number) =>
    grid.current?.setActivePosition({
      rowIdx: Math.max(0, Math.min(rows.length - 1, rowIdx)),
      idx: Math.max(0, Math.min(columns.length - 1, idx)),
    });

  const onKeyDown = (args: CellKeyDownArgs<RegisterStudent, Summary>, event: CellKeyboardEvent) => {
    if (args.mode === 'EDIT') return;
    const { key, shiftKey, altKey } = event;
    const ctrl = event.ctrlKey || event.metaKey;
    const stop = () => {
      event.preventGridDefault();
      event.preventDefault();
    };
    if (ctrl) {
      const k = key.toLowerCase();
      if (k === 'd') {
        stop();
        fill();
      } else if (k === 'v') event.preventGridDefault();
      return;
    }
    const arrow = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[key];
    if (shiftKey && arrow && active) {
      stop();
      extending.current = true;
      moveTo(active.row + arrow[0]!, active.col + arrow[1]!);
      return;
    }
    const col = args.column?.idx ?? -1;
    if (col < FIRST_SESSION_COL || col >= FIRST_SESSION_COL + sessions.length) return;
    if (key === 'Delete' || key === 'Backspace') {
      stop();
      setSelection('');
    } else if (key.length === 1 && !altKey && parseMark(key).ok) {
      stop();
      setSelection(key);
      // Like the roll: the cursor moves on after a mark on one cell.
      if (selection && selection.top === selection.bottom && selection.left === selection.right) moveTo(args.rowIdx + 1, col);
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    e.preventDefault();
    const r = sessionRange();
    if (!r) {
      useApp.setState({ error: 'Select a session cell first, then paste: the block lands with its top-left corner there.' });
      return;
    }
    const block = parseTsv(e.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    send(pasteMarks(block, r, rows, sessions), (n) => `Paste ${plural(n, 'mark')}`);
  };

  const onCopy = (e: React.ClipboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement || !selection) return;
    e.preventDefault();
    const out: string[][] = [];
    for (let r = selection.top; r <= selection.bottom; r++) {
      const s = rows[r];
      if (!s) continue;
      const line: string[] = [];
      for (let c = selection.left; c <= selection.right; c++) {
        const m = s.marks[c - FIRST_SESSION_COL];
        line.push(c === 0 ? s.name : c === 1 ? s.registrarId : m ? MARK_LETTER[m] : '');
      }
      out.push(line);
    }
    e.clipboardData.setData('text/plain', formatTsv(out));
  };

  const low = register.students.filter((s) => s.totals.low).length;

  return (
    <div className="att-register">
      <div className="toolbar">
        <label>
          Section{' '}
          <select value={filter.section ?? ''} onChange={(e) => setFilter({ ...filter, section: e.target.value || null })}>
            <option value="">All</option>
            {choices.sections.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Team{' '}
          <select value={filter.team ?? ''} onChange={(e) => setFilter({ ...filter, team: e.target.value || null })}>
            <option value="">All</option>
            {choices.teams.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.below} onChange={(e) => setFilter({ ...filter, below: e.target.checked })} />
          Below {register.threshold}% only ({low})
        </label>
        <label>
          <span className="visually-hidden">Search students</span>
          <input
            ref={searchBox}
            type="search"
            placeholder="Search by name or ID (Ctrl+F)"
            value={filter.search}
            onChange={(e) => setFilter({ ...filter, search: e.target.value })}
          />
        </label>
        <span className="spacer" />
        <span className="muted">
          {rows.length === register.students.length
            ? plural(rows.length, 'student')
            : `${rows.length} of ${plural(register.students.length, 'student')}`}
          , {plural(sessions.length, 'session')}
        </span>
      </div>
      <p className="muted att-legend">
        <span className="att-mark att-present">P</span> present <span className="att-mark att-late">L</span> late{' '}
        <span className="att-mark att-absent">A</span> absent <span className="att-mark att-excused">E</span> excused{' '}
        <span className="att-mark att-roll-not-taken">?</span> roll not taken <span className="att-mark att-unmarked">·</span> not marked
        yet. Type P/L/A/E (or 1, 0, x), paste a column from a spreadsheet, Ctrl+D fills down, Delete clears, Ctrl+Z undoes.
      </p>
      <div className="att-grid-wrap" onPaste={onPaste} onCopy={onCopy}>
        <DataGrid
          ref={grid}
          aria-label="Attendance register"
          className="att-grid rdg-light"
          columns={columns}
          rows={rows}
          rowKeyGetter={(r) => r.studentId}
          rowHeight={30}
          headerRowHeight={64}
          bottomSummaryRows={SUMMARY}
          summaryRowHeight={30}
          onCellKeyDown={onKeyDown}
          onCellMouseDown={(_, e) => {
            if (e.shiftKey) extending.current = true;
          }}
          onActivePositionChange={({ rowIdx, column }) => {
            const pos = column && rowIdx >= 0 && rowIdx < rows.length ? { row: rowIdx, col: column.idx } : null;
            setActive(pos);
            if (!extending.current) setAnchor(pos);
            extending.current = false;
          }}
          rowClass={(_, i) => (selection && i >= selection.top && i <= selection.bottom ? 'att-row-selected' : undefined)}
        />
      </div>
    </div>
  );
}

function buildColumns(register: RegisterData, timeZone: string): Column<RegisterStudent, Summary>[] {
  const reasons = new Map(register.reasons.map((r) => [`${r.sessionId}:${r.studentId}`, r.reason]));
  const totals = new Map(register.sessionTotals.map((t) => [t.sessionId, t]));
  const sessionColumn = (s: SessionRow, i: number): Column<RegisterStudent, Summary> => ({
    key: `session:${s.id}`,
    name: formatDay(s.date),
    width: 60,
    headerCellClass: `att-head att-head-${s.state}`,
    renderHeaderCell: () => (
      <span
        title={`${formatInstant(s.startsAt, timeZone)}${s.title ? ` · ${s.title}` : ''}${s.topic ? ` · ${s.topic}` : ''}: ${sessionStateText(s.state)}`}
      >
        {formatDay(s.date)}
        {s.state === 'cancelled' ? (
          <span className="att-head-state">cancelled</span>
        ) : s.state === 'roll-not-taken' ? (
          <span className="att-head-state">no roll</span>
        ) : null}
      </span>
    ),
    renderCell: ({ row }) => {
      const cell = markCell(row.marks[i] ?? null, s, reasons.get(`${s.id}:${row.studentId}`));
      return (
        <span className={`att-mark att-${cell.tone}`} title={cell.title} aria-label={cell.title}>
          {cell.text}
        </span>
      );
    },
    renderSummaryCell: () => {
      const t = totals.get(s.id);
      if (!t) return null;
      const text = s.state === 'cancelled' ? '–' : t.rate === null ? (s.state === 'upcoming' ? '' : 'no roll') : `${Math.round(t.rate)}%`;
      return <span title={countsText(t)}>{text}</span>;
    },
  });
  const count = (key: 'present' | 'late' | 'absent' | 'excused' | 'unmarked', name: string): Column<RegisterStudent, Summary> => ({
    key: `count:${key}`,
    name,
    width: key === 'unmarked' ? 100 : 48,
    cellClass: 'num',
    headerCellClass: 'num',
    renderCell: ({ row }) => row.totals.counts[key],
  });
  return [
    {
      key: 'name',
      name: 'Student',
      width: 220,
      frozen: true,
      renderCell: ({ row }) => row.name,
      renderSummaryCell: () => (
        <strong title="Present or late, of the students marked (a late mark counts in full here; the student rate uses the course rule)">
          Attended
        </strong>
      ),
    },
    { key: 'id', name: 'ID', width: 96, frozen: true, renderCell: ({ row }) => row.registrarId },
    ...register.sessions.map(sessionColumn),
    count('present', 'P'),
    count('late', 'L'),
    count('absent', 'A'),
    count('excused', 'E'),
    count('unmarked', 'Unmarked'),
    {
      key: 'rate',
      name: 'Rate %',
      width: 96,
      cellClass: (r) => (r.totals.low ? 'num att-low' : 'num'),
      headerCellClass: 'num',
      renderCell: ({ row }) =>
        row.totals.display === null ? (
          <span className="muted">–</span>
        ) : (
          <span title={row.totals.low ? `Below ${register.threshold}%` : undefined}>
            {row.totals.low ? '⚠ ' : ''}
            {ratePercent(row.totals.display)}
          </span>
        ),
    },
  ];
}
