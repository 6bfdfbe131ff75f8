import { useState } from 'react';
import type { Band } from '@shared/model';
import { parseNumber } from '@shared/screens/fields';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import { announce } from '../common/announce';
import { Field, FormDialog } from '../common/Dialog';
import { refusal } from '../common/refusal';

interface Props {
  studentId: number;
  name: string;
  bands: readonly Band[];
  /** clear: remove the current override (still needs a reason, for the history). */
  mode: 'set' | 'clear';
  onClose: () => void;
}

/** Sets or clears a manual final grade; the reason is required and lands in the history. */
export function OverrideDialog({ studentId, name, bands, mode, onClose }: Props) {
  const reload = useCourse((s) => s.reload);
  const [letter, setLetter] = useState('');
  const [percent, setPercent] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  const save = async () => {
    const problems: string[] = [];
    const pct = percent.trim() === '' ? null : parseNumber(percent);
    if (percent.trim() !== '' && pct === null) problems.push(`Percent: "${percent}" is not a number.`);
    if (mode === 'set' && !letter && percent.trim() === '') problems.push('Choose a letter or type a percent (or both).');
    if (!reason.trim()) problems.push('A reason is required; it is kept in the history.');
    setErrors(problems);
    if (problems.length) return;
    try {
      if (mode === 'set') await api('override.set', { studentId, letter: letter || null, percent: pct, reason: reason.trim() });
      else await api('override.clear', { studentId, reason: reason.trim() });
      await reload();
      onClose();
      const what = [letter, pct === null ? '' : `${percent.trim()}%`].filter(Boolean).join(', ');
      announce(mode === 'set' ? `Override saved for ${name}: ${what}.` : `Override cleared for ${name}.`);
    } catch (err) {
      setErrors(refusal(err));
    }
  };

  return (
    <FormDialog
      title={mode === 'set' ? `Override the final grade of ${name}` : `Clear the override of ${name}`}
      onClose={onClose}
      onSubmit={() => void save()}
      failure={errors.length > 0 && errors.map((e) => <div key={e}>{e}</div>)}
      submit={mode === 'set' ? 'Save override' : 'Clear override'}
    >
      {mode === 'set' && (
        <div className="grid-2">
          <Field label="Letter">
            {(p) => (
              <select {...p} value={letter} onChange={(e) => setLetter(e.target.value)}>
                <option value="">(from the percent)</option>
                {bands.map((b) => (
                  <option key={b.letter} value={b.letter}>
                    {b.letter}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Percent (optional)">
            {(p) => <input {...p} inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />}
          </Field>
        </div>
      )}
      <Field label="Reason">{(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
    </FormDialog>
  );
}
