import { useEffect, useState, type InputHTMLAttributes } from 'react';
import type { CellEdit, HistoryEntry } from '@shared/api';
import { plural } from '@shared/text/words';
import { cellToForm, formToCell, type AdjustmentMode, type CellForm } from '@shared/screens/cellForm';
import type { FieldErrors } from '@shared/screens/fields';
import { studentName, type Item, type Score, type TeamScore } from '@shared/model';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { teamKey, useGradebook } from '../../stores/gradebook';
import { Dialog, Field } from '../common/Dialog';
import { teamOf } from './edits';
import { itemDue } from '@shared/screens/due';
import { changeLines } from '@shared/screens/historyText';
import { formatInstant } from '@shared/time/format';

interface Props {
  studentId: number;
  item: Item;
  onClose(): void;
}

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

  const [form, setForm] = useState<CellForm>(() => cellToForm(shared, own, tz));
  const [errors, setErrors] = useState<FieldErrors<CellForm>>({});
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyFailed, setHistoryFailed] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api('history.list', { studentId, itemId: item.id, limit: 50 }).then(
      (h) => live && setHistory(h.entries),
      (err: Error) => {
        if (!live) return;
        setHistory([]);
        setHistoryFailed(`The cell's history could not be loaded: ${err.message}`);
      },
    );
    return () => {
      live = false;
    };
  }, [studentId, item.id]);

  if (!row || !snapshot) return null;
  const who = `${studentName(row.student)} · ${item.name}`;
  const result = itemIndex.get(item.id) === undefined ? undefined : row.result?.items[itemIndex.get(item.id)!];

  const set = (patch: Partial<CellForm>) => setForm({ ...form, ...patch });
  const save = async () => {
    const r = formToCell(form, tz, item.teamGraded);
    setErrors(r.ok ? {} : r.errors);
    setRefused(null);
    if (!r.ok) return;
    const edits: CellEdit[] = [{ studentId, itemId: item.id, patch: r.patches.own }];
    if (item.teamGraded && teamId !== null) edits.push({ teamId, itemId: item.id, patch: r.patches.shared });
    if (await apply(edits, `Cell details: ${who}`)) onClose();
    // A refusal shows in the shell too, behind this dialog: say it here, where the instructor looks.
    else setRefused(useApp.getState().error);
  };
  /** A text field of the form, with its message tied to it. */
  const input = (field: keyof CellForm, label: string, props: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field label={label} error={errors[field]}>
      {(p) => <input {...p} {...props} value={form[field]} onChange={(e) => set({ [field]: e.target.value })} />}
    </Field>
  );

  return (
    <Dialog title={`Cell details: ${who}`} onClose={onClose} wide>
      <form
        noValidate
        className="gb-menu"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
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
          {input('submittedAt', `Submitted at (${tz})`, { type: 'datetime-local' })}
          {shared?.submittedAt && <span className="gb-hint">{formatInstant(shared.submittedAt, tz)}</span>}
          {input('daysLate', 'Days late (when there is no submission time)', { inputMode: 'decimal' })}
          {input('extensionDays', 'Extension (days)', { inputMode: 'decimal' })}
          {input('waiverReason', 'Waive the late penalty: reason')}
        </fieldset>
        {item.teamGraded && (
          <fieldset>
            <legend>Individual adjustment</legend>
            <Field label="Adjustment">
              {(p) => (
                <select {...p} value={form.adjustmentMode} onChange={(e) => set({ adjustmentMode: e.target.value as AdjustmentMode })}>
                  <option value="none">No adjustment (team score)</option>
                  <option value="replace">Replace the team score with</option>
                  <option value="delta">Add or subtract points</option>
                </select>
              )}
            </Field>
            {form.adjustmentMode !== 'none' && input('adjustmentValue', 'Points', { inputMode: 'decimal' })}
          </fieldset>
        )}
        <fieldset>
          <legend>Integrity finding (scores 0)</legend>
          {input('integrityDate', 'Date', { type: 'date' })}
          {input('integrityNote', 'Note')}
        </fieldset>
        <div className="gb-comment">
          <Field label="Comment" error={errors.comment}>
            {(p) => <textarea {...p} value={form.comment} rows={2} onChange={(e) => set({ comment: e.target.value })} />}
          </Field>
        </div>
        {(Object.keys(errors).length > 0 || refused) && (
          <p role="alert" className="form-error">
            {refused ?? `Not saved: ${plural(Object.keys(errors).length, 'field')} to fix, marked above.`}
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
          ) : historyFailed ? (
            <p role="alert">{historyFailed}</p>
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
    </Dialog>
  );
}
