import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Register, RegisterStudent, SessionRow } from '@shared/api';
import { instantToLocalInput } from '@shared/grid';
import type { AttendanceMark } from '@shared/model';
import {
  defaultSession,
  MARK_LETTER,
  MARK_WORD,
  MARKS,
  markCell,
  matchesStudent,
  moveCursor,
  rollAction,
  sessionLabel,
  sessionStateText,
} from '@shared/screens/attendance';
import { useApp } from '../../stores/app';
import { Field, FormDialog } from '../common/Dialog';
import { useAttendance } from './store';
import { useFindKey } from './useFindKey';
import { plural } from '@shared/text/words';
import { formatInstant } from '@shared/time/format';

/** Taking the roll for one session: one key per student, the cursor moving on after each. */
export function Roll({ sessions, register, timeZone }: { sessions: readonly SessionRow[]; register: Register; timeZone: string }) {
  const [sessionId, setSessionId] = useState<number | null>(() => {
    const now = new Date().toISOString();
    return defaultSession(sessions, instantToLocalInput(now, timeZone).slice(0, 10), now)?.id ?? null;
  });
  const [cursor, setCursor] = useState(0);
  const [search, setSearch] = useState('');
  const [reasonFor, setReasonFor] = useState<RegisterStudent | null>(null);
  const rowsRef = useRef<HTMLTableSectionElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const { mark, markAll } = useAttendance.getState();

  const col = register.sessions.findIndex((s) => s.id === sessionId);
  const session = register.sessions[col];
  const students = useMemo(() => register.students.filter((s) => matchesStudent(s, search)), [register.students, search]);
  const totals = register.sessionTotals.find((t) => t.sessionId === sessionId);
  const reasons = useMemo(
    () => new Map(register.reasons.filter((r) => r.sessionId === sessionId).map((r) => [r.studentId, r.reason])),
    [register.reasons, sessionId],
  );
  const at = Math.min(cursor, Math.max(0, students.length - 1));

  // The focused row follows the cursor while the instructor works in the list.
  useEffect(() => {
    const body = rowsRef.current;
    if (body?.contains(document.activeElement)) body.querySelector<HTMLElement>(`[data-row="${at}"]`)?.focus();
  }, [at]);

  useFindKey(searchBox);

  if (!session) return <p className="muted">Choose a session to take the roll for.</p>;

  const setMark = (s: RegisterStudent, m: AttendanceMark | null, reason?: string) =>
    void mark(
      [{ sessionId: session.id, studentId: s.studentId, mark: m, ...(reason ? { reason } : {}) }],
      `${s.name}: ${m ? MARK_WORD[m] : 'mark cleared'}, ${sessionLabel(session)}`,
    );

  const markAndMove = (s: RegisterStudent, m: AttendanceMark) => {
    setMark(s, m);
    setCursor(moveCursor(at, 1, students.length));
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const action = rollAction(e.key, { shift: e.shiftKey, ctrl: e.ctrlKey || e.metaKey, alt: e.altKey });
    const student = students[at];
    if (!action || !student) return;
    e.preventDefault();
    if (action.kind === 'move') setCursor(moveCursor(at, action.by, students.length));
    else if (action.kind === 'reason') setReasonFor(student);
    else if (action.kind === 'mark') markAndMove(student, action.mark);
    else setMark(student, null);
  };

  const marked = totals ? totals.counts.present + totals.counts.late + totals.counts.absent + totals.counts.excused : 0;

  return (
    <div className="att-roll">
      <div className="toolbar">
        <label>
          Session{' '}
          <select value={session.id} onChange={(e) => setSessionId(Number(e.target.value))}>
            {register.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {formatInstant(s.startsAt, timeZone)}
                {s.title ? ` · ${s.title}` : ''}
                {s.cancelled ? ' (cancelled)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          disabled={session.cancelled}
          onClick={() => void markAll(session.id, `Mark all present, ${sessionLabel(session)}`)}
        >
          Mark all present
        </button>
        <label>
          <span className="visually-hidden">Search students</span>
          <input
            ref={searchBox}
            type="search"
            placeholder="Search by name or ID (Ctrl+F)"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </label>
        <span className="spacer" />
        <span className="muted" aria-live="polite">
          {totals
            ? `${totals.counts.present} present, ${totals.counts.late} late, ${totals.counts.absent} absent, ${totals.counts.excused} excused, ${totals.counts.unmarked} not yet marked`
            : ''}
        </span>
      </div>
      {session.topic && <p className="att-topic">Topic: {session.topic}</p>}
      {session.cancelled && <p className="att-note">{sessionStateText('cancelled')}: this session counts for nobody.</p>}
      <p className="muted" id="roll-help">
        Keys: P present, L late, A absent, E excused (Shift+E with a reason), Delete clears; the cursor then moves to the next student.
        Arrows or Enter move. Ctrl+Z undoes.
      </p>
      {students[at] && (
        <div className="toolbar att-mark-buttons" role="group" aria-label={`Mark ${students[at]!.name}`}>
          <span>{students[at]!.name}:</span>
          {MARKS.map((k) => (
            <button key={k} type="button" onClick={() => markAndMove(students[at]!, k)}>
              <span className={`att-mark att-${k}`}>{MARK_LETTER[k]}</span> {MARK_WORD[k]}
            </button>
          ))}
          <button type="button" onClick={() => setReasonFor(students[at]!)}>
            Excused with a reason…
          </button>
          <button type="button" onClick={() => setMark(students[at]!, null)}>
            Clear
          </button>
        </div>
      )}
      {register.students.length === 0 ? (
        <div className="empty panel">
          <p>No students are enrolled yet. Import a class list or add students on the Roster, then take the roll.</p>
          <button type="button" className="primary" onClick={() => useApp.getState().setScreen('Roster')}>
            Go to the Roster
          </button>
        </div>
      ) : (
        <table
          role="grid"
          className="data att-roll-list"
          aria-label={`Roll for ${sessionLabel(session)}, ${marked} of ${plural(marked + (totals?.counts.unmarked ?? 0), 'student')} marked`}
          aria-describedby="roll-help"
          onKeyDown={onKeyDown}
        >
          <colgroup>
            <col className="att-col-name" />
            <col className="att-col-preferred" />
            <col className="att-col-id" />
            <col className="att-col-team" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Preferred name</th>
              <th scope="col">ID</th>
              <th scope="col">Team</th>
              <th scope="col">Mark</th>
            </tr>
          </thead>
          <tbody ref={rowsRef}>
            {students.map((s, i) => (
              <RollRow
                key={s.studentId}
                student={s}
                index={i}
                selected={i === at}
                mark={s.marks[col] ?? null}
                state={session.state}
                reason={reasons.get(s.studentId)}
                onPick={setCursor}
              />
            ))}
          </tbody>
        </table>
      )}
      {reasonFor && (
        <ReasonDialog
          student={reasonFor}
          initial={reasons.get(reasonFor.studentId) ?? ''}
          onClose={() => setReasonFor(null)}
          onSave={(reason) => {
            setMark(reasonFor, 'excused', reason);
            setReasonFor(null);
            setCursor(moveCursor(at, 1, students.length));
          }}
        />
      )}
    </div>
  );
}

function ReasonDialog({
  student,
  initial,
  onClose,
  onSave,
}: {
  student: RegisterStudent;
  initial: string;
  onClose(): void;
  onSave(reason: string): void;
}) {
  const [reason, setReason] = useState(initial);
  return (
    <FormDialog
      title={`Excused: ${student.name}`}
      onClose={onClose}
      onSubmit={() => onSave(reason.trim())}
      failure={null}
      submit="Mark excused"
    >
      <Field label="Reason (optional, e.g. doctor's note)">
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </FormDialog>
  );
}

/** One student's line; memoized, so moving the cursor or marking one student re-renders two lines, not the class. */
const RollRow = memo(function RollRow({
  student: s,
  index,
  selected,
  mark,
  state,
  reason,
  onPick,
}: {
  student: RegisterStudent;
  index: number;
  selected: boolean;
  mark: AttendanceMark | null;
  state: SessionRow['state'];
  reason: string | undefined;
  onPick(index: number): void;
}) {
  const cell = markCell(mark, { state }, reason);
  return (
    <tr
      data-row={index}
      tabIndex={selected ? 0 : -1}
      aria-selected={selected}
      className={selected ? 'att-cursor' : undefined}
      onFocus={() => onPick(index)}
      onClick={() => onPick(index)}
    >
      <td>{s.name}</td>
      <td>{s.preferredName ?? ''}</td>
      <td>{s.registrarId}</td>
      <td>{s.team ?? ''}</td>
      <td>
        <span className={`att-mark att-${cell.tone}`} title={cell.title}>
          {cell.text}
        </span>{' '}
        <span className="att-mark-word">{mark ? cell.title : ''}</span>
      </td>
    </tr>
  );
});
