import { useCallback, useState } from 'react';
import type { Reading, ReadingsAdded } from '@shared/api';
import { CHAPTERS, formToReading, readingToForm, type ReadingForm } from '@shared/screens/presentationForm';
import type { FieldErrors } from '@shared/screens/fields';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import { useApp } from '../../stores/app';
import { Dialog, Field, FormDialog } from '../common/Dialog';
import { ProblemList } from '../excel/Problems';
import { toFileBytes } from '../excel/files';
import { Pending, useCourseData } from './data';
import { plural } from '@shared/text/words';

const chapterText = (c: number | null) => (c ? `${c} ${CHAPTERS[c - 1]}` : '');
/** Only a web address becomes a clickable link (a DOI is shown as text). */
const isWebLink = (s: string) => /^https?:\/\//i.test(s);

/** The reading list, week by week: add, edit, delete, paste a list, import a file. */
export function Readings() {
  const mutate = useCourse((s) => s.mutate);
  const { data: readings, failed } = useCourseData(
    'the readings',
    useCallback(() => api('reading.list', {}), []),
  );
  const [week, setWeek] = useState<string>('all');
  const [editing, setEditing] = useState<{ reading: Reading | null } | null>(null);
  const [adding, setAdding] = useState(false);

  if (!readings) return <Pending what="the readings" failed={failed} />;
  const weeks = [...new Set(readings.map((r) => r.week))].sort((a, b) => (a ?? 999) - (b ?? 999));
  const shown = readings.filter((r) => week === 'all' || String(r.week ?? 'none') === week);
  const currentWeek = week === 'all' || week === 'none' ? null : Number(week);

  const remove = async (r: Reading) => {
    if (await mutate('Deleting the reading', () => api('reading.delete', { id: r.id }))) {
      useApp.setState({ notice: `Deleted “${r.title}”. Ctrl+Z brings it back.` });
    }
  };

  return (
    <div>
      <div className="toolbar">
        <label>
          Week{' '}
          <select value={week} onChange={(e) => setWeek(e.target.value)}>
            <option value="all">All weeks</option>
            {weeks.map((w) => (
              <option key={w ?? 'none'} value={w ?? 'none'}>
                {w === null ? 'Not scheduled' : `Week ${w}`}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => setAdding(true)}>
          Paste or import a list…
        </button>
        <button type="button" className="primary" onClick={() => setEditing({ reading: null })}>
          Add a reading
        </button>
      </div>
      {readings.length === 0 ? (
        <div className="empty">
          <p>No readings yet. Paste a reading list or add one.</p>
          <div className="row">
            <button type="button" className="primary" onClick={() => setAdding(true)}>
              Paste a reading list
            </button>
            <button type="button" onClick={() => setEditing({ reading: null })}>
              Add a reading
            </button>
          </div>
        </div>
      ) : (
        <table className="data" aria-label="Readings">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Title</th>
              <th scope="col">Authors</th>
              <th scope="col">Link or DOI</th>
              <th scope="col">Chapter</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td>{r.week ?? 'not scheduled'}</td>
                <th scope="row">{r.title}</th>
                <td>{r.authors ?? ''}</td>
                <td className="link-cell">
                  {r.link &&
                    (isWebLink(r.link) ? (
                      <a href={r.link} target="_blank" rel="noreferrer">
                        {r.link}
                      </a>
                    ) : (
                      r.link
                    ))}
                </td>
                <td>{chapterText(r.chapter)}</td>
                <td className="actions">
                  <button type="button" aria-label={`Edit ${r.title}`} onClick={() => setEditing({ reading: r })}>
                    Edit
                  </button>{' '}
                  <button type="button" className="danger" aria-label={`Delete ${r.title}`} onClick={() => void remove(r)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <ReadingDialog reading={editing.reading} week={currentWeek} onClose={() => setEditing(null)} />}
      {adding && <PasteDialog week={currentWeek} onClose={() => setAdding(false)} />}
    </div>
  );
}

function ReadingDialog({ reading, week, onClose }: { reading: Reading | null; week: number | null; onClose: () => void }) {
  const mutate = useCourse((s) => s.mutate);
  const [form, setForm] = useState<ReadingForm>(() => readingToForm(reading, week));
  const [errors, setErrors] = useState<FieldErrors<ReadingForm>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<ReadingForm>) => setForm({ ...form, ...patch });
  const save = async () => {
    const r = formToReading(form);
    setErrors(r.ok ? {} : r.errors);
    if (!r.ok) return;
    const saved = await mutate('Saving the reading', () =>
      reading ? api('reading.update', { id: reading.id, patch: r.input }) : api('reading.add', r.input),
    );
    if (saved) onClose();
    else setFailure(useApp.getState().error);
  };
  return (
    <FormDialog
      title={reading ? 'Edit the reading' : 'Add a reading'}
      onClose={onClose}
      onSubmit={() => void save()}
      failure={failure}
      submit="Save"
    >
      <Field label="Title" error={errors.title}>
        {(p) => <input {...p} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label="Authors (optional)" error={errors.authors}>
        {(p) => <input {...p} value={form.authors} onChange={(e) => set({ authors: e.target.value })} />}
      </Field>
      <Field label="Link or DOI (optional)" error={errors.link}>
        {(p) => <input {...p} value={form.link} onChange={(e) => set({ link: e.target.value })} />}
      </Field>
      <div className="grid-2">
        <Field label="Week (empty: not scheduled)" error={errors.week}>
          {(p) => <input {...p} inputMode="numeric" value={form.week} onChange={(e) => set({ week: e.target.value })} />}
        </Field>
        <ChapterField value={form.chapter} onChange={(chapter) => set({ chapter })} />
      </div>
    </FormDialog>
  );
}

function ChapterField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <Field label="Syllabus chapter (optional)">
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">None</option>
          {CHAPTERS.map((c, i) => (
            <option key={c} value={i + 1}>
              {chapterText(i + 1)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Many readings at once, pasted ("title<Tab>link" per line) or from a .csv/.xlsx file. Check
 * shows what would be added and names every bad line; Add writes them as one undo step.
 */
function PasteDialog({ week, onClose }: { week: number | null; onClose: () => void }) {
  const mutate = useCourse((s) => s.mutate);
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState({ week: week === null ? '' : String(week), chapter: '' });
  const [checked, setChecked] = useState<ReadingsAdded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const weekNumber = /^\d+$/.test(target.week.trim()) ? Number(target.week) : null;
  const weekError =
    target.week.trim() && (weekNumber === null || weekNumber < 1 || weekNumber > 60)
      ? 'Week: a whole number from 1 to 60, or leave it empty.'
      : undefined;

  const send = async (dryRun: boolean) => {
    setFailure(null);
    if (weekError) return null;
    if (!file && !text.trim()) {
      setFailure('Paste the list (one reading a line: title, a Tab, then the link or DOI) or choose a .csv or .xlsx file.');
      return null;
    }
    const where = { week: weekNumber, chapter: target.chapter ? Number(target.chapter) : null, dryRun };
    const call = async () =>
      file ? api('reading.import', { file: await toFileBytes(file), ...where }) : api('reading.paste', { text, ...where });
    if (dryRun) {
      try {
        return await call();
      } catch (e) {
        setFailure(`The list could not be checked: ${(e as Error).message}`);
        return null;
      }
    }
    const r = await mutate('Adding the readings', call);
    if (!r) setFailure(useApp.getState().error);
    return r ?? null;
  };
  const check = async () => setChecked(await send(true));
  const add = async () => {
    const r = await send(false);
    if (r?.applied) {
      useApp.setState({ notice: `Added ${plural(r.readings.length, 'reading')}. Ctrl+Z takes them back.` });
      onClose();
    } else if (r) setChecked(r);
  };
  const errors = checked?.problems.filter((p) => p.severity === 'error').length ?? 0;

  return (
    <Dialog title="Paste or import a reading list" onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label="One reading a line: title, then a Tab (or “ - ”) and the link or DOI">
          {(p) => (
            <textarea
              {...p}
              rows={8}
              value={text}
              disabled={file !== null}
              onChange={(e) => {
                setText(e.target.value);
                setChecked(null);
              }}
            />
          )}
        </Field>
        <Field label="Or a .csv or .xlsx file with a Title column (and Authors, Link, Week, Chapter)">
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setChecked(null);
              }}
            />
          )}
        </Field>
        <div className="grid-2">
          <Field label="Week for rows that name none (empty: not scheduled)" error={weekError}>
            {(p) => (
              <input {...p} inputMode="numeric" value={target.week} onChange={(e) => setTarget({ ...target, week: e.target.value })} />
            )}
          </Field>
          <ChapterField value={target.chapter} onChange={(chapter) => setTarget({ ...target, chapter })} />
        </div>
        {checked && (
          <div role="status">
            <p>
              {errors
                ? `${plural(errors, 'problem')} to fix first; nothing was added.`
                : `${plural(checked.readings.length, 'reading')} ready to add:`}
            </p>
            <ProblemList problems={checked.problems} />
            {!errors && (
              <ul className="reading-preview">
                {checked.readings.slice(0, 50).map((r) => (
                  <li key={r.id}>
                    {r.title}
                    {r.link && <span className="muted"> — {r.link}</span>}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {failure && (
          <div role="alert" className="form-error">
            {failure}
          </div>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" onClick={() => void check()}>
            Check
          </button>
          <button type="submit" className="primary">
            Add readings
          </button>
        </div>
      </form>
    </Dialog>
  );
}
