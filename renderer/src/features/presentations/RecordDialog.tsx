import { useCallback, useEffect, useState } from 'react';
import type { DrawSession, PresentationDraft } from '@shared/api';
import {
  draftToForm,
  formToRecord,
  gradeDestination,
  rubricTotal,
  sessionLabel,
  teamGradeForAbsent,
  type RecordErrors,
  type RecordForm,
} from '@shared/screens/presentationForm';
import { PRESENTATION_PRESET } from '@shared/model/preset';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { Field, FormDialog } from '../common/Dialog';
import { formatDay } from '@shared/time/format';

export interface RecordStart {
  sessionId: number | null;
  teamId: number | null;
  drawId?: number;
}

/** Records (or edits) one team's presentation in a session: readings, presenters, duration, rubric grade, feedback. */
export function RecordDialog({ start, onClose }: { start: RecordStart; onClose: () => void }) {
  const snapshot = useCourse((s) => s.snapshot);
  const mutate = useCourse((s) => s.mutate);
  const [sessions, setSessions] = useState<DrawSession[]>([]);
  const [sessionId, setSessionId] = useState(start.sessionId);
  const [teamId, setTeamId] = useState(start.teamId);
  const [draft, setDraft] = useState<PresentationDraft | null>(null);
  const [form, setForm] = useState<RecordForm | null>(null);
  const [errors, setErrors] = useState<RecordErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // The question asked before giving members who did not present the team grade; a second Save answers it.
  const [asked, setAsked] = useState<string | null>(null);
  const teams = [...(snapshot?.teams ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  useEffect(() => {
    api('draw.sessions', {}).then(setSessions, (e: Error) => setFailure(`The class sessions could not be loaded: ${e.message}`));
  }, []);
  const loadDraft = useCallback(async (session: number | null, team: number | null) => {
    setDraft(null);
    setForm(null);
    setErrors({});
    if (session === null || team === null) return;
    try {
      const d = await api('presentation.draft', { sessionId: session, teamId: team });
      setDraft(d);
      setForm(draftToForm(d));
      setFailure(null);
    } catch (e) {
      setFailure(`This presentation could not be opened: ${(e as Error).message}`);
    }
  }, []);
  useEffect(() => {
    void loadDraft(sessionId, teamId);
  }, [loadDraft, sessionId, teamId]);

  const item = (() => {
    if (!draft || !snapshot) return null;
    const found = snapshot.items.find((i) =>
      draft.existing?.itemId ? i.id === draft.existing.itemId : i.name === `Presentation week ${draft.session.week}`,
    );
    const category = found && snapshot.categories.find((c) => c.id === found.categoryId);
    return found && category ? { name: found.name, category: category.name } : null;
  })();

  const save = async () => {
    if (!draft || !form) return;
    const r = formToRecord(form, draft);
    setErrors(r.ok ? {} : r.errors);
    if (!r.ok) return;
    const ask = teamGradeForAbsent(form, draft, (snapshot?.policy.presentations ?? PRESENTATION_PRESET).absentPresenter);
    setAsked(ask);
    if (ask && ask !== asked) return;
    setFailure(null);
    const { sessionId: _s, teamId: _t, ...patch } = r.input;
    const saved = await mutate('Recording the presentation', () =>
      draft.existing
        ? api('presentation.update', { id: draft.existing.id, patch })
        : api('presentation.record', { ...r.input, ...(start.drawId ? { drawId: start.drawId } : {}) }),
    );
    if (!saved) {
      setFailure(useApp.getState().error);
      return;
    }
    useApp.setState({ notice: `Recorded ${saved.teamName}'s presentation of ${formatDay(saved.date)}.` });
    onClose();
  };

  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <FormDialog
      title={draft?.existing ? 'Edit the presentation' : 'Record a presentation'}
      onClose={onClose}
      onSubmit={() => void save()}
      failure={failure}
      submit="Save"
    >
      <div className="grid-2 record-where">
        <Field label="Session">
          {(p) => (
            <select {...p} value={sessionId ?? ''} onChange={(e) => setSessionId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Choose a session…</option>
              {sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {sessionLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Team">
          {(p) => (
            <select {...p} value={teamId ?? ''} onChange={(e) => setTeamId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">Choose a team…</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {draft && form && (
        <>
          <fieldset aria-describedby={errors.readingIds ? 'readings-error' : undefined}>
            <legend>Reading</legend>
            {draft.readings.length === 0 ? (
              <p className="muted">No reading is listed for week {draft.session.week}. Add one under Readings, or record without.</p>
            ) : (
              draft.readings.map((r) => (
                <label key={r.id} className="check">
                  <input
                    type="checkbox"
                    checked={form.readingIds.includes(r.id)}
                    onChange={(e) => setForm({ ...form, readingIds: toggle(form.readingIds, r.id, e.target.checked) })}
                  />
                  {r.title}
                </label>
              ))
            )}
            {errors.readingIds && (
              <span id="readings-error" className="field-error">
                {errors.readingIds}
              </span>
            )}
          </fieldset>
          <fieldset aria-describedby={errors.presenterIds ? 'presenters-error' : undefined}>
            <legend>Who presented</legend>
            {draft.members.map((m) => (
              <label key={m.studentId} className="check">
                <input
                  type="checkbox"
                  checked={form.presenterIds.includes(m.studentId)}
                  onChange={(e) => setForm({ ...form, presenterIds: toggle(form.presenterIds, m.studentId, e.target.checked) })}
                />
                {m.name} <span className="muted">({m.mark ?? 'no mark'})</span>
              </label>
            ))}
            {errors.presenterIds && (
              <span id="presenters-error" className="field-error">
                {errors.presenterIds}
              </span>
            )}
          </fieldset>
          <fieldset>
            <legend>Grade: {rubricTotal(form, draft.rubric)}</legend>
            <div className="grid-3">
              {draft.rubric.map((c, i) => (
                <Field key={c.name} label={`${c.name} (out of ${c.points})`} error={errors.criteria?.[i]}>
                  {(p) => (
                    <input
                      {...p}
                      inputMode="decimal"
                      value={form.criteria[i]}
                      onChange={(e) => setForm({ ...form, criteria: form.criteria.map((t, j) => (j === i ? e.target.value : t)) })}
                    />
                  )}
                </Field>
              ))}
            </div>
            <p className="muted">
              The grade goes to {gradeDestination(draft.session.week, item)} as {draft.teamName}'s team grade.
            </p>
          </fieldset>
          <div className="grid-2">
            <Field label="Duration in minutes (optional)" error={errors.duration}>
              {(p) => (
                <input {...p} inputMode="decimal" value={form.duration} onChange={(e) => setForm({ ...form, duration: e.target.value })} />
              )}
            </Field>
          </div>
          <Field label="Feedback (optional)">
            {(p) => <textarea {...p} rows={3} value={form.feedback} onChange={(e) => setForm({ ...form, feedback: e.target.value })} />}
          </Field>
          {asked && (
            <p role="alert" className="form-error">
              {asked}
            </p>
          )}
        </>
      )}
    </FormDialog>
  );
}
