import { useEffect, useRef, useState } from 'react';
import type { CellEdit, CellPatch, HistoryEntry } from '@shared/api';
import { formatInstant, instantToLocalInput, localInputToInstant, studentName } from '@shared/grid';
import type { Item, Score, TeamScore } from '@shared/model';
import { api } from '../../api/client';
import { teamKey, useGradebook } from '../../stores/gradebook';
import { teamOf } from './edits';
import { itemDue } from '@shared/screens/due';
import { changeLines } from '@shared/screens/historyText';

interface Props {
  studentId: number;
  item: Item;
  onClose(): void;
}

const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));
const text = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/**
 * Everything about one cell beyond its score: submission time or days late, extension, late
 * waiver, integrity finding, comment, a team member's individual adjustment, and its history.
 * Saving is one undo step.
 */
export function CellMenu({ studentId, item, onClose }: Props) {
  const row = useGradebook((s) => s.rows.get(studentId));
  const snapshot = useGradebook((s) => s.snapshot);
  const itemIndex = useGradebook((s) => s.itemIndex);
  const teamScores = useGradebook((s) => s.teamScores);
  const apply = useGradebook((s) => s.apply);
  const tz = snapshot?.policy.timeZone ?? 'UTC';
  const due = snapshot && itemDue(item, snapshot.policy);
  const teamId = row && item.teamGraded ? teamOf(row, item, itemIndex) : null;
  const own: Score | undefined = row?.scores.get(item.id);
  const shared: Score | TeamScore | undefined = item.teamGraded
    ? teamId === null
      ? undefined
      : teamScores.get(teamKey(teamId, item.id))
    : own;
  const teamName = teamId === null ? null : (snapshot?.teams.find((t) => t.id === teamId)?.name ?? null);

  const [submittedAt, setSubmittedAt] = useState(shared?.submittedAt ? instantToLocalInput(shared.submittedAt, tz) : '');
  const [daysLate, setDaysLate] = useState(shared?.daysLate?.toString() ?? '');
  const [extension, setExtension] = useState(shared?.extensionDays?.toString() ?? '');
  const [waiver, setWaiver] = useState(shared?.waiverReason ?? '');
  const [comment, setComment] = useState(shared?.comment ?? '');
  const [integrityDate, setIntegrityDate] = useState(own?.integrity?.date ?? '');
  const [integrityNote, setIntegrityNote] = useState(own?.integrity?.note ?? '');
  const [adjMode, setAdjMode] = useState<'none' | 'replace' | 'delta'>(own?.adjustment?.mode ?? 'none');
  const [adjValue, setAdjValue] = useState(own?.adjustment?.value.toString() ?? '');
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    api('history.list', { studentId, itemId: item.id, limit: 50 })
      .then((h) => live && setHistory(h.entries))
      .catch(() => live && setHistory([]));
    return () => {
      live = false;
    };
  }, [studentId, item.id]);

  if (!row || !snapshot) return null;
  const who = `${studentName(row.student)} · ${item.name}`;
  const result = itemIndex.get(item.id) === undefined ? undefined : row.result?.items[itemIndex.get(item.id)!];

  const save = async () => {
    const numbers = { 'Days late': daysLate, 'Extension (days)': extension, 'Adjustment points': adjMode === 'none' ? '' : adjValue };
    for (const [label, v] of Object.entries(numbers)) {
      if (v.trim() !== '' && !Number.isFinite(Number(v))) return setProblem(`${label}: '${v}' is not a number.`);
    }
    if (integrityDate && !integrityNote.trim())
      return setProblem('Integrity finding: write a note saying what was found, or clear the date.');
    if (!integrityDate && integrityNote.trim()) return setProblem('Integrity finding: give the date of the finding.');
    if (adjMode !== 'none' && adjValue.trim() === '') return setProblem('Adjustment: enter the points, or choose "No adjustment".');
    const cellPatch: CellPatch = {
      submittedAt: submittedAt ? localInputToInstant(submittedAt, tz) : null,
      daysLate: num(daysLate),
      extensionDays: num(extension),
      waiverReason: text(waiver),
      comment: text(comment),
    };
    const ownPatch: CellPatch = {
      integrity: integrityDate ? { date: integrityDate, note: integrityNote.trim() } : null,
      ...(item.teamGraded ? { adjustment: adjMode === 'none' ? null : { mode: adjMode, value: Number(adjValue) } } : cellPatch),
    };
    const edits: CellEdit[] = [{ studentId, itemId: item.id, patch: ownPatch }];
    if (item.teamGraded && teamId !== null) edits.push({ teamId, itemId: item.id, patch: cellPatch });
    if (await apply(edits, `Cell details: ${who}`)) onClose();
  };

  return (
    <dialog ref={dialog} role="dialog" className="gb-menu" aria-label={`Cell details: ${who}`} onClose={onClose} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h3>{who}</h3>
        <p className="gb-menu-sub">
          Out of {item.pointsPossible}
          {due && `, due ${due}`}
          {item.teamGraded &&
            (teamName ? ` · team score of ${teamName}: submission fields below apply to the whole team` : ' · on no team at the due date')}
        </p>
        {result && result.why.length > 0 && (
          <ul className="gb-why" aria-label="How this cell counts">
            {result.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        <fieldset>
          <legend>Lateness</legend>
          <label>
            Submitted at ({tz})
            <input type="datetime-local" value={submittedAt} onChange={(e) => setSubmittedAt(e.target.value)} />
          </label>
          {shared?.submittedAt && <span className="gb-hint">{formatInstant(shared.submittedAt, tz)}</span>}
          <label>
            Days late (when there is no submission time)
            <input inputMode="decimal" value={daysLate} onChange={(e) => setDaysLate(e.target.value)} />
          </label>
          <label>
            Extension (days)
            <input inputMode="decimal" value={extension} onChange={(e) => setExtension(e.target.value)} />
          </label>
          <label>
            Waive the late penalty: reason
            <input value={waiver} onChange={(e) => setWaiver(e.target.value)} />
          </label>
        </fieldset>
        {item.teamGraded && (
          <fieldset>
            <legend>Individual adjustment</legend>
            <label>
              Adjustment
              <select value={adjMode} onChange={(e) => setAdjMode(e.target.value as typeof adjMode)}>
                <option value="none">No adjustment (team score)</option>
                <option value="replace">Replace the team score with</option>
                <option value="delta">Add or subtract points</option>
              </select>
            </label>
            {adjMode !== 'none' && (
              <label>
                Points
                <input inputMode="decimal" value={adjValue} onChange={(e) => setAdjValue(e.target.value)} />
              </label>
            )}
          </fieldset>
        )}
        <fieldset>
          <legend>Integrity finding (scores 0)</legend>
          <label>
            Date
            <input type="date" value={integrityDate} onChange={(e) => setIntegrityDate(e.target.value)} />
          </label>
          <label>
            Note
            <input value={integrityNote} onChange={(e) => setIntegrityNote(e.target.value)} />
          </label>
        </fieldset>
        <label className="gb-comment">
          Comment
          <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
        </label>
        {problem && (
          <p role="alert" className="message error">
            {problem}
          </p>
        )}
        <div className="gb-menu-actions">
          <button type="submit">Save</button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
        <details>
          <summary>History</summary>
          {history === null ? (
            <p>Loading…</p>
          ) : history.length === 0 ? (
            <p>No changes recorded for this cell.</p>
          ) : (
            <ul className="gb-history" aria-label="Cell history">
              {history.map((h) => (
                <li key={h.id}>
                  <time>{formatInstant(h.at, tz)}</time> {h.kind !== 'do' && <strong>{h.kind} </strong>}
                  {h.label}: {changeLines(h, tz).join('; ') || 'no visible change'}
                  {h.reason && ` (${h.reason})`}
                </li>
              ))}
            </ul>
          )}
        </details>
      </form>
    </dialog>
  );
}
