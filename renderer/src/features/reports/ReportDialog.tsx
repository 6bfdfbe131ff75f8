import { useState } from 'react';
import type { ExportedFile } from '@shared/api';
import type { View } from '@shared/grading';
import { initialReportForm, reportDialog, reportRequest, type ReportForm, type ReportTarget } from '@shared/screens/reportForm';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { FormDialog } from '../common/Dialog';
import { download } from '../excel/files';
import { failureOf, useJob } from '../excel/job';
import { JobProgress } from '../excel/JobProgress';
import '../excel/excel.css';

/**
 * Report…: a printable PDF of one student's grade report, every student's (a job with
 * progress and Cancel) or the class summary, saved like the exports.
 */
export function ReportDialog({ target, view, onClose }: { target: ReportTarget; view: View; onClose: () => void }) {
  const [form, setForm] = useState<ReportForm>(() => initialReportForm(view));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { job, run, cancel } = useJob();
  const shown = reportDialog(target, form);
  const set = (patch: Partial<ReportForm>) => setForm((f) => ({ ...f, ...patch }));

  async function save() {
    setFailure(null);
    setBusy(true);
    try {
      const req = reportRequest(target, form);
      const file: ExportedFile | null =
        req.method === 'report.startAll'
          ? await run<ExportedFile>('Preparing the reports', () => api('report.startAll', req.input))
          : req.method === 'report.student'
            ? await api('report.student', req.input)
            : await api('report.class', req.input);
      if (!file) {
        useApp.setState({ notice: 'Report cancelled; no file was written.' });
        return;
      }
      download(file);
      useApp.setState({ notice: `Saved ${file.name}.` });
      onClose();
    } catch (err) {
      setFailure(`${failureOf(err).message} No file was written.`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormDialog title={shown.title} onClose={onClose} onSubmit={() => void save()} failure={failure} submit={shown.submit} busy={busy}>
      {!target && (
        <fieldset>
          <legend>What to print</legend>
          <label className="check">
            <input type="radio" name="report-what" checked={form.what === 'students'} onChange={() => set({ what: 'students' })} /> Every
            student&apos;s grade report
          </label>
          <label className="check">
            <input type="radio" name="report-what" checked={form.what === 'summary'} onChange={() => set({ what: 'summary' })} /> Class
            summary
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>Grade view</legend>
        <label className="check">
          <input type="radio" name="report-view" checked={form.view === 'current'} onChange={() => set({ view: 'current' })} /> Current
          (graded work only)
        </label>
        <label className="check">
          <input type="radio" name="report-view" checked={form.view === 'final'} onChange={() => set({ view: 'final' })} /> Final (ungraded
          work counts 0)
        </label>
      </fieldset>
      {shown.showComments && (
        <label className="check">
          <input type="checkbox" checked={form.comments} onChange={(e) => set({ comments: e.target.checked })} /> Include comments on items
        </label>
      )}
      {shown.showEach && (
        <fieldset>
          <legend>Files</legend>
          <label className="check">
            <input type="radio" name="report-each" checked={!form.each} onChange={() => set({ each: false })} /> One PDF, every student on
            new pages
          </label>
          <label className="check">
            <input type="radio" name="report-each" checked={form.each} onChange={() => set({ each: true })} /> One PDF per student (a zip
            file)
          </label>
        </fieldset>
      )}
      {shown.showComments && (
        <p className="muted">A grade report never shows accommodation notes, integrity case notes or other students.</p>
      )}
      {job && <JobProgress job={job} onCancel={cancel} />}
    </FormDialog>
  );
}
