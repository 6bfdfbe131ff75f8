import { useCallback, useEffect, useState } from 'react';
import type { PresentationPolicy } from '@shared/model';
import { fmtPoints } from '@shared/grading/format';
import { parseNumber } from '@shared/screens/fields';
import { formToRubric, rubricToForm, type RubricForm } from '@shared/screens/presentationForm';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { Field } from '../common/Dialog';
import { useCourseData } from './data';

const ABSENT: Record<PresentationPolicy['absentPresenter'], string> = {
  team: "the team's grade",
  zero: 'zero',
  excused: 'excused (the presentation leaves their grade)',
};

/** The rubric presentations are graded on, and what a member who did not present gets. */
export function RubricSettings() {
  const mutate = useCourse((s) => s.mutate);
  const saved = useCourseData(
    'the rubric',
    useCallback(() => api('presentation.settings', {}), []),
  ).data;
  const [form, setForm] = useState<RubricForm | null>(null);
  const [errors, setErrors] = useState<{ rows: (string | undefined)[]; whole?: string }>({ rows: [] });
  useEffect(() => {
    if (saved) setForm(rubricToForm(saved));
  }, [saved]);
  if (!form) return null;

  const setRow = (i: number, patch: Partial<RubricForm['rows'][number]>) =>
    setForm({ ...form, rows: form.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const save = async () => {
    const r = formToRubric(form);
    setErrors(r.ok ? { rows: [] } : r.errors);
    if (!r.ok) return;
    if (await mutate('Saving the rubric', () => api('presentation.saveSettings', r.input)))
      useApp.setState({ notice: 'Saved the rubric.' });
  };
  const total = fmtPoints(form.rows.reduce((s, r) => s + (parseNumber(r.points) ?? 0), 0));

  return (
    <section className="panel" aria-labelledby="rubric-title">
      <h3 id="rubric-title">Rubric ({total} points)</h3>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {form.rows.map((r, i) => (
          <div key={i} className="rubric-row">
            <Field label={`Criterion ${i + 1}`} error={errors.rows[i]}>
              {(p) => <input {...p} value={r.name} onChange={(e) => setRow(i, { name: e.target.value })} />}
            </Field>
            <Field label="Points">
              {(p) => <input {...p} inputMode="decimal" value={r.points} onChange={(e) => setRow(i, { points: e.target.value })} />}
            </Field>
            <button
              type="button"
              aria-label={`Remove criterion ${r.name || i + 1}`}
              onClick={() => setForm({ ...form, rows: form.rows.filter((_, j) => j !== i) })}
            >
              Remove
            </button>
          </div>
        ))}
        {errors.whole && <p className="field-error">{errors.whole}</p>}
        <Field label="A member of the presenting team who was absent or did not present gets">
          {(p) => (
            <select
              {...p}
              value={form.absentPresenter}
              onChange={(e) => setForm({ ...form, absentPresenter: e.target.value as PresentationPolicy['absentPresenter'] })}
            >
              {Object.entries(ABSENT).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row">
          <button type="button" onClick={() => setForm({ ...form, rows: [...form.rows, { name: '', points: '' }] })}>
            Add a criterion
          </button>
          <button type="submit" className="primary">
            Save the rubric
          </button>
        </div>
      </form>
    </section>
  );
}
