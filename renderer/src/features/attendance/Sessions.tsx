import { useEffect, useState } from 'react';
import { ApiError, type GenerateReport, type MeetingPattern, type SessionList, type SessionRow } from '@shared/api';
import { sessionLabel, sessionStateText } from '@shared/screens/attendance';
import {
  EMPTY_SESSION,
  formToPattern,
  formToSession,
  patternToForm,
  sessionToForm,
  WEEKDAYS,
  type PatternForm,
  type SessionForm,
} from '@shared/screens/attendanceForm';
import type { FieldErrors } from '@shared/screens/fields';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog, Field, FormDialog } from '../common/Dialog';
import { announce } from '../common/announce';
import { useAttendance } from './store';
import { plural } from '@shared/text/words';
import { clockText, formatDay, formatInstant } from '@shared/time/format';

/** The term's sessions: date and time in the course zone, topic, note, state and how many are marked. */
export function Sessions({
  list,
  timeZone,
  onGenerate,
  onAdd,
}: {
  list: SessionList;
  timeZone: string;
  onGenerate(): void;
  onAdd(): void;
}) {
  const [editing, setEditing] = useState<SessionRow | null>(null);
  const [deleting, setDeleting] = useState<{ session: SessionRow; marks: number } | null>(null);
  const { write } = useAttendance.getState();

  const remove = async (s: SessionRow) => {
    const r = await api('attendance.deleteSession', { id: s.id }).catch((err: Error) => err);
    // A session with marks asks first: the backend refuses with conflict and the count.
    if (r instanceof ApiError && r.code === 'conflict')
      setDeleting({ session: s, marks: Number((r.details as { marks?: number } | undefined)?.marks ?? 0) });
    else if (r instanceof Error) useApp.setState({ error: `Deleting the session failed: ${r.message}` });
    else {
      useAttendance.setState({ dirty: true });
      await useAttendance.getState().load();
      announce(`Deleted the session of ${sessionLabel(s)}.`);
    }
  };

  return (
    <>
      <div className="toolbar">
        <button type="button" className="primary" onClick={onGenerate}>
          Generate sessions…
        </button>
        <button type="button" onClick={onAdd}>
          Add session…
        </button>
        <span className="spacer" />
        <span className="muted">
          {plural(list.sessions.length, 'session')}, {plural(list.sessions.filter((s) => s.cancelled).length, 'cancelled', 'cancelled')};
          times in {list.timeZone}
        </span>
      </div>
      <div className="table-wrap">
        <table className="data" aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Title</th>
              <th scope="col">Topic</th>
              <th scope="col">Note</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Marked
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.sessions.map((s) => {
              const marked = s.counts.present + s.counts.late + s.counts.absent + s.counts.excused;
              return (
                <tr key={s.id} className={s.cancelled ? 'att-cancelled' : undefined}>
                  <th scope="row">
                    {s.start ? `${formatInstant(s.startsAt, timeZone)}${s.end ? ` to ${clockText(s.end)}` : ''}` : formatDay(s.date)}
                  </th>
                  <td>{s.title ?? ''}</td>
                  <td>{s.topic ?? ''}</td>
                  <td>{s.note ?? ''}</td>
                  <td>
                    <span className={`badge att-state-${s.state}`}>{sessionStateText(s.state)}</span>
                  </td>
                  <td className="num">{`${marked} of ${marked + s.counts.unmarked}`}</td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(s)}>
                      Edit…<span className="visually-hidden"> {sessionLabel(s)}</span>
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        void write(s.cancelled ? 'Restoring the session' : 'Cancelling the session', () =>
                          api('attendance.setCancelled', { id: s.id, cancelled: !s.cancelled }),
                        )
                      }
                    >
                      {s.cancelled ? 'Restore' : 'Cancel session'}
                      <span className="visually-hidden"> {sessionLabel(s)}</span>
                    </button>
                    <button type="button" onClick={() => void remove(s)}>
                      Delete<span className="visually-hidden"> {sessionLabel(s)}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editing && <SessionDialog session={editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <Dialog title="Delete this session?" onClose={() => setDeleting(null)}>
          <p>
            The session of {sessionLabel(deleting.session)} has {plural(deleting.marks, 'mark')}. Deleting it removes them too; Undo brings
            both back.
          </p>
          <div className="row end">
            <button type="button" onClick={() => setDeleting(null)}>
              Keep it
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                const id = deleting.session.id;
                setDeleting(null);
                void write('Deleting the session', () => api('attendance.deleteSession', { id, confirm: true }));
              }}
            >
              Delete session and marks
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

const failureText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Generates the term's sessions from a meeting pattern, previewing how many it will add. */
export function PatternDialog({ last, onClose }: { last: MeetingPattern | null; onClose(): void }) {
  const [form, setForm] = useState<PatternForm>(() => patternToForm(last));
  const [errors, setErrors] = useState<FieldErrors<PatternForm>>({});
  const [preview, setPreview] = useState<GenerateReport | string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PatternForm>) => setForm((f) => ({ ...f, ...patch }));

  // The preview follows the form: the backend generates exactly what it would save.
  useEffect(() => {
    const parsed = formToPattern(form);
    if (!parsed.ok) {
      setPreview(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      api('attendance.generate', { pattern: parsed.pattern, dryRun: true })
        .then((r) => live && setPreview(r))
        .catch((e: unknown) => live && setPreview(failureText(e)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [form]);

  const submit = async () => {
    const parsed = formToPattern(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    const r = await useAttendance
      .getState()
      .write('Generating the sessions', () => api('attendance.generate', { pattern: parsed.pattern }));
    setBusy(false);
    if (r) {
      announce(`Added ${plural(r.sessions.length, 'session')}${r.skipped.length ? `; ${plural(r.skipped.length, 'day')} skipped` : ''}.`);
      onClose();
    }
  };

  return (
    <FormDialog
      title="Generate the term's sessions"
      onClose={onClose}
      onSubmit={() => void submit()}
      failure={null}
      submit="Generate sessions"
      busy={busy || (typeof preview === 'object' && preview !== null && preview.sessions.length === 0)}
    >
      <fieldset className="weekdays" aria-describedby={errors.weekdays ? 'pattern-weekdays-error' : undefined}>
        <legend>Meets on</legend>
        {WEEKDAYS.map((d) => (
          <label key={d.day} className="check">
            <input
              type="checkbox"
              checked={form.weekdays.includes(d.day)}
              onChange={(e) => set({ weekdays: e.target.checked ? [...form.weekdays, d.day] : form.weekdays.filter((x) => x !== d.day) })}
            />
            <abbr title={d.name}>{d.short}</abbr>
          </label>
        ))}
        {errors.weekdays && (
          <span id="pattern-weekdays-error" className="field-error">
            {errors.weekdays}
          </span>
        )}
      </fieldset>
      <div className="row">
        <Field label="Starts at" error={errors.start}>
          {(p) => <input {...p} type="time" value={form.start} onChange={(e) => set({ start: e.target.value })} />}
        </Field>
        <Field label="Ends at" error={errors.end}>
          {(p) => <input {...p} type="time" value={form.end} onChange={(e) => set({ end: e.target.value })} />}
        </Field>
      </div>
      <div className="row">
        <Field label="First class" error={errors.first}>
          {(p) => <input {...p} type="date" value={form.first} onChange={(e) => set({ first: e.target.value })} />}
        </Field>
        <Field label="Last class" error={errors.last}>
          {(p) => <input {...p} type="date" value={form.last} onChange={(e) => set({ last: e.target.value })} />}
        </Field>
      </div>
      <Field label="No class on (one day or range per line, e.g. 2027-03-08 to 2027-03-12 Spring break)" error={errors.skip}>
        {(p) => <textarea {...p} rows={3} value={form.skip} onChange={(e) => set({ skip: e.target.value })} />}
      </Field>
      <Field label="Session title ({n} is its number)" error={errors.title}>
        {(p) => <input {...p} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <p role="status" className="att-preview">
        {preview === null
          ? 'Fill in the pattern to see how many sessions it makes.'
          : typeof preview === 'string'
            ? preview
            : `${plural(preview.sessions.length, 'session')} will be added${
                preview.sessions.length ? `, ${formatDay(preview.sessions[0]!.date)} to ${formatDay(preview.sessions.at(-1)!.date)}` : ''
              }${preview.skipped.length ? `; ${plural(preview.skipped.length, 'day')} skipped (${skippedText(preview.skipped)})` : ''}.`}
      </p>
    </FormDialog>
  );
}

function skippedText(skipped: GenerateReport['skipped']): string {
  const shown = skipped.slice(0, 4).map((s) => `${formatDay(s.date)}: ${s.reason}`);
  return skipped.length > 4 ? `${shown.join(', ')} and ${skipped.length - 4} more` : shown.join(', ');
}

/** Adds a session, or renames, moves, retimes one and sets its topic and note. */
export function SessionDialog({ session, onClose }: { session: SessionRow | null; onClose(): void }) {
  const [form, setForm] = useState<SessionForm>(() => (session ? sessionToForm(session) : EMPTY_SESSION));
  const [errors, setErrors] = useState<FieldErrors<SessionForm>>({});
  const set = (patch: Partial<SessionForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    const parsed = formToSession(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const { write } = useAttendance.getState();
    const r = session
      ? await write('Saving the session', () => api('attendance.updateSession', { id: session.id, patch: parsed.fields }))
      : await write('Adding the session', () => api('attendance.addSession', parsed.fields));
    if (r) onClose();
  };

  return (
    <FormDialog
      title={session ? 'Edit session' : 'Add session'}
      onClose={onClose}
      onSubmit={() => void submit()}
      failure={null}
      submit={session ? 'Save' : 'Add session'}
    >
      <div className="row">
        <Field label="Date" error={errors.date}>
          {(p) => <input {...p} type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} />}
        </Field>
        <Field label="Starts at" error={errors.start}>
          {(p) => <input {...p} type="time" value={form.start} onChange={(e) => set({ start: e.target.value })} />}
        </Field>
        <Field label="Ends at" error={errors.end}>
          {(p) => <input {...p} type="time" value={form.end} onChange={(e) => set({ end: e.target.value })} />}
        </Field>
      </div>
      <Field label="Title" error={errors.title}>
        {(p) => <input {...p} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
      </Field>
      <Field label="Topic (e.g. 2.3 Data Quality and Validation)" error={errors.topic}>
        {(p) => <input {...p} value={form.topic} onChange={(e) => set({ topic: e.target.value })} />}
      </Field>
      <Field label="Note" error={errors.note}>
        {(p) => <textarea {...p} rows={2} value={form.note} onChange={(e) => set({ note: e.target.value })} />}
      </Field>
    </FormDialog>
  );
}
