import { useEffect, useMemo, useRef, useState } from 'react';
import type { Output } from '@shared/api';
import {
  formToPolicy,
  policyToForm,
  weightMessage,
  weightTotal,
  type CategoryRow,
  type LateStepRow,
  type PolicyForm,
} from '@shared/screens/policyForm';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { ColumnHeads, REMOVE_COLUMN } from '../common/ColumnHeads';
import { Field } from '../common/Dialog';
import { refusal } from '../common/refusal';
import { BandsEditor } from './BandsEditor';
import { InputCell, RemoveCell } from './cells';
import { plural } from '@shared/text/words';

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

/** "What are the rules?" The whole course policy as one form, saved as one undoable step. */
export function PolicyEditor() {
  const course = useApp((s) => s.app?.course);
  const reload = useCourse((s) => s.reload);
  const initial = useMemo(() => (course ? policyToForm(course.info, course.policy, course.categories) : null), [course]);
  const [form, setForm] = useState<PolicyForm | null>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);
  // The refusal shows in the Save bar; focus takes the instructor (and a screen reader) to it.
  useEffect(() => {
    if (problems.length === 0) return;
    alertRef.current?.focus();
    alertRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problems]);
  if (!form || !course) return null;
  const set = (patch: Partial<PolicyForm>) => setForm({ ...form, ...patch });
  const setCategory = (i: number, patch: Partial<CategoryRow>) =>
    set({ categories: form.categories.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const setStep = (i: number, patch: Partial<LateStepRow>) =>
    set({ lateSteps: form.lateSteps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const weights = weightMessage(form);
  const zones = TIME_ZONES.includes(form.timeZone) ? TIME_ZONES : [form.timeZone, ...TIME_ZONES];

  const save = async () => {
    const r = formToPolicy(form);
    if (!r.ok) {
      setProblems(r.errors);
      return;
    }
    try {
      await api('policy.save', { policy: r.policy, categories: r.categories });
      if (r.info.name !== course.info.name) await api('course.rename', { ...course.info, name: r.info.name });
      await reload();
      // The form remounts with the saved policy, so the confirmation lives in the shell.
      useApp.setState({ notice: 'Settings saved. Undo (Ctrl+Z) takes them back.' });
    } catch (err) {
      setProblems(refusal(err));
    }
  };
  const text = (key: keyof PolicyForm, label: string, props: Record<string, unknown> = {}) => (
    <Field label={label}>
      {(p) => <input {...p} {...props} value={form[key] as string} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );

  return (
    <form
      noValidate
      aria-label="Course policy"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <section className="panel" aria-labelledby="course-h">
        <h3 id="course-h">Course</h3>
        <div className="grid-2">
          {text('courseName', 'Course name')}
          <Field label="Grading mode">
            {(p) => (
              <select {...p} value={form.grading} onChange={(e) => set({ grading: e.target.value as PolicyForm['grading'] })}>
                <option value="weighted">Weighted categories</option>
                <option value="points">Total points</option>
              </select>
            )}
          </Field>
        </div>
      </section>

      <section className="panel" aria-labelledby="cat-h">
        <h3 id="cat-h">Categories and weights</h3>
        <table className="data" aria-label="Categories">
          <ColumnHeads columns={['Name', 'Weight %', 'Drop lowest', 'Drop highest', 'Equal-weight items', 'Graded from', REMOVE_COLUMN]} />
          <tbody>
            {form.categories.map((c, i) => {
              const n = c.name || `category ${i + 1}`;
              return (
                <tr key={c.id ?? `new-${i}`}>
                  <InputCell label={`Name of category ${i + 1}`} value={c.name} onText={(name) => setCategory(i, { name })} />
                  <InputCell
                    label={`Weight of ${n}`}
                    size={5}
                    inputMode="decimal"
                    value={c.weight}
                    onText={(weight) => setCategory(i, { weight })}
                  />
                  <InputCell
                    label={`Drop lowest in ${n}`}
                    size={3}
                    value={c.dropLowest}
                    onText={(dropLowest) => setCategory(i, { dropLowest })}
                  />
                  <InputCell
                    label={`Drop highest in ${n}`}
                    size={3}
                    value={c.dropHighest}
                    onText={(dropHighest) => setCategory(i, { dropHighest })}
                  />
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Equal-weight items in ${n}`}
                      checked={c.equalWeightItems}
                      onChange={(e) => setCategory(i, { equalWeightItems: e.target.checked })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${n} is graded from`}
                      value={c.kind}
                      onChange={(e) => setCategory(i, { kind: e.target.value as CategoryRow['kind'] })}
                    >
                      <option value="items">Items</option>
                      <option value="attendance">Attendance</option>
                    </select>
                  </td>
                  <RemoveCell label={`Remove ${n}`} onRemove={() => set({ categories: form.categories.filter((_, j) => j !== i) })} />
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td colSpan={6}>
                <strong>{weightTotal(form.categories)}%</strong>
              </td>
            </tr>
          </tfoot>
        </table>
        <p aria-live="polite" className={weights ? 'field-error' : 'ok-text'}>
          {weights ?? (form.grading === 'weighted' ? 'The weights total 100%.' : 'Total points grading: weights are not used.')}
        </p>
        <button
          type="button"
          onClick={() =>
            set({
              categories: [
                ...form.categories,
                { name: '', weight: '0', dropLowest: '0', dropHighest: '0', equalWeightItems: false, kind: 'items' },
              ],
            })
          }
        >
          Add category
        </button>
      </section>

      <section className="panel" aria-labelledby="bands-h">
        <h3 id="bands-h">Letter bands and rounding</h3>
        <div className="side-by-side">
          <BandsEditor rows={form.bands} onChange={(bands) => set({ bands })} />
          <div>
            <Field label="Rounding before the band lookup">
              {(p) => (
                <select {...p} value={form.rounding} onChange={(e) => set({ rounding: e.target.value as PolicyForm['rounding'] })}>
                  <option value="none">No rounding</option>
                  <option value="0">Half-up to a whole percent</option>
                  <option value="1">Half-up to 1 decimal</option>
                  <option value="2">Half-up to 2 decimals</option>
                </select>
              )}
            </Field>
            <p className="muted">A percentage equal to a band’s lower bound gets that band: 94.00 is an A when A is from 94.</p>
            {text('borderlineDistance', 'Borderline: flag students within this many points below the next band', { inputMode: 'decimal' })}
          </div>
        </div>
      </section>

      <section className="panel" aria-labelledby="late-h">
        <h3 id="late-h">Late work</h3>
        <table className="data compact" aria-label="Late-work steps">
          <ColumnHeads columns={['Up to hours late', 'Deduction %', 'Applied', REMOVE_COLUMN]} />
          <tbody>
            {form.lateSteps.map((s, i) => (
              <tr key={i}>
                <InputCell
                  label={`Step ${i + 1}: up to hours late`}
                  size={5}
                  value={s.upToHours}
                  onText={(upToHours) => setStep(i, { upToHours })}
                />
                <InputCell
                  label={`Step ${i + 1}: deduction percent`}
                  size={5}
                  value={s.deduction}
                  onText={(deduction) => setStep(i, { deduction })}
                />
                <td>
                  <select
                    aria-label={`Step ${i + 1}: applied`}
                    value={s.per}
                    onChange={(e) => setStep(i, { per: e.target.value as LateStepRow['per'] })}
                  >
                    <option value="flat">once (flat)</option>
                    <option value="hour">per started hour</option>
                    <option value="day">per started day</option>
                  </select>
                </td>
                <RemoveCell label={`Remove step ${i + 1}`} onRemove={() => set({ lateSteps: form.lateSteps.filter((_, j) => j !== i) })} />
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => set({ lateSteps: [...form.lateSteps, { upToHours: '', deduction: '', per: 'flat' }] })}>
          Add step
        </button>
        <div className="grid-3">
          <Field label="Deduction is a percentage of">
            {(p) => (
              <select {...p} value={form.lateBasis} onChange={(e) => set({ lateBasis: e.target.value as PolicyForm['lateBasis'] })}>
                <option value="earned">points earned</option>
                <option value="possible">points possible</option>
              </select>
            )}
          </Field>
          {text('floorPercent', 'Floor: never below this % of possible (empty: none)')}
          {text('cutoffHours', 'Not accepted after this many hours late (empty: always accepted)')}
        </div>
      </section>

      <section className="panel" aria-labelledby="missing-h">
        <h3 id="missing-h">Missing work</h3>
        <label className="check">
          <input type="checkbox" checked={form.missingEnabled} onChange={(e) => set({ missingEnabled: e.target.checked })} /> Work marked
          missing, or not graded by its deadline, scores a set percentage of points possible
        </label>
        {form.missingEnabled && <div className="grid-3">{text('missingPercent', 'Missing work scores this % of points possible')}</div>}
      </section>

      <section className="panel" aria-labelledby="entry-h">
        <h3 id="entry-h">Score entry</h3>
        <label className="check">
          <input type="checkbox" checked={form.confirmExtraCredit} onChange={(e) => set({ confirmExtraCredit: e.target.checked })} /> Ask
          before saving a score above points possible (otherwise it is kept as extra credit, with a notice and Undo)
        </label>
      </section>

      <section className="panel" aria-labelledby="time-h">
        <h3 id="time-h">Deadlines</h3>
        <div className="grid-2">
          <Field label="Time zone">
            {(p) => (
              <select {...p} value={form.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('defaultDueTime', 'Default due time', { type: 'time' })}
        </div>
      </section>

      <section className="panel" aria-labelledby="att-h">
        <h3 id="att-h">Attendance</h3>
        <div className="grid-3">
          {text('present', 'Credit for present (0–1)')}
          {text('late', 'Credit for late (0–1)')}
          {text('absent', 'Credit for absent (0–1)')}
        </div>
        <label className="check">
          <input type="checkbox" checked={form.excusedCounts} onChange={(e) => set({ excusedCounts: e.target.checked })} /> Excused sessions
          count in the denominator
        </label>
        <div className="grid-3">
          {text('freeAbsences', 'Free absences (forgiven, never above 100%)', { inputMode: 'numeric' })}
          {text('lowThreshold', 'Flag attendance below this %')}
        </div>
        <div className="grid-2">
          <Field label="Sessions that count">
            {(p) => (
              <select
                {...p}
                value={form.attendanceScope}
                onChange={(e) => set({ attendanceScope: e.target.value as PolicyForm['attendanceScope'] })}
              >
                <option value="to-date">only sessions held so far (to date)</option>
                <option value="term">the whole term</option>
              </select>
            )}
          </Field>
          <Field label="A past session without a mark">
            {(p) => (
              <select {...p} value={form.unmarked} onChange={(e) => set({ unmarked: e.target.value as PolicyForm['unmarked'] })}>
                <option value="not-counted">is not counted until marked (shown as roll not taken)</option>
                <option value="absent">counts as absent</option>
              </select>
            )}
          </Field>
        </div>
      </section>

      <div className="sticky-actions">
        {problems.length > 0 && (
          <div role="alert" className="form-error" tabIndex={-1} ref={alertRef}>
            <strong>The settings were not saved.</strong>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <LetterPreview form={form} unchanged={form === initial} />
        <div className="toolbar">
          <button type="submit" className="primary">
            Save settings
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(initial);
              setProblems([]);
            }}
          >
            Discard changes
          </button>
        </div>
      </div>
    </form>
  );
}

type Preview = Output<'policy.preview'>;

/** Before saving: how many final letters the edited rules would change (the backend recomputes every student). */
function LetterPreview({ form, unchanged }: { form: PolicyForm; unchanged: boolean }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  useEffect(() => {
    setPreview(null);
    const r = unchanged ? null : formToPolicy(form);
    if (!r?.ok) return;
    let live = true;
    const t = setTimeout(() => {
      api('policy.preview', { policy: r.policy, categories: r.categories })
        .then((p) => live && setPreview(p))
        .catch(() => undefined); // a refused draft is explained by Save
    }, 300);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [form, unchanged]);
  if (!preview) return null;
  const shown = preview.changed.slice(0, 5).map((c) => `${c.name} ${c.from ?? '–'} → ${c.to ?? '–'}`);
  return (
    <p role="status" className="letter-preview">
      {preview.changed.length === 0
        ? `Saving changes no final letter (${plural(preview.students, 'student')} checked).`
        : `Saving would change ${plural(preview.changed.length, 'final letter')} of ${plural(preview.students, 'student')}: ${shown.join(', ')}${
            preview.changed.length > 5 ? ` and ${preview.changed.length - 5} more` : ''
          }.`}
    </p>
  );
}
