import { useEffect, useState } from 'react';
import type { ExportJobInput, ExportJobResult, ExportProfile, Preflight, RegistrarExportRecord } from '@shared/api';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';
import { download } from './files';
import { failureOf, useJob } from './job';
import { JobProgress } from './JobProgress';
import { useExcel } from './store';
import './excel.css';
import { plural } from '@shared/text/words';
import { formatInstant } from '@shared/time/format';

/**
 * Exports: the full workbook, the grades CSV, and the registrar file by profile with its
 * pre-flight check (nothing is written until it passes or the instructor confirms).
 */
export function ExportDialog() {
  const close = useExcel((s) => s.close);
  const [profiles, setProfiles] = useState<ExportProfile[]>([]);
  const [history, setHistory] = useState<RegistrarExportRecord[]>([]);
  const [profile, setProfile] = useState('banner');
  const [params, setParams] = useState({ termCode: '', crn: '', classNumber: '' });
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { job, run, cancel } = useJob();
  const timeZone = useApp((s) => s.app?.course?.policy.timeZone ?? 'UTC');

  useEffect(() => {
    void api('excel.profiles', {}).then(setProfiles, (e: Error) => setError(e.message));
    void api('excel.registrarExports', {}).then(setHistory, (e: Error) =>
      setError(`The list of earlier registrar exports could not be loaded: ${e.message}`),
    );
  }, []);

  const chosen = profiles.find((p) => p.key === profile);
  const needs = new Set(chosen?.config.columns.map((c) => c.field));
  const input = () => ({
    profile,
    ...(params.termCode && { termCode: params.termCode }),
    ...(params.crn && { crn: params.crn }),
    ...(params.classNumber && { classNumber: params.classNumber }),
  });

  /** Runs an export as a job; a cancelled one leaves a note and writes nothing. */
  async function exportFile<K extends ExportJobInput['kind']>(
    phase: string,
    input: ExportJobInput & { kind: K },
  ): Promise<ExportJobResult[K] | null> {
    setError(null);
    try {
      const result = await run<ExportJobResult[K]>(phase, () => api('excel.startExport', input));
      if (!result) useApp.setState({ notice: 'Export cancelled; no file was written.' });
      return result;
    } catch (err) {
      const failure = failureOf(err);
      setError(failure.message);
      if (failure.preflight) setPreflight(failure.preflight);
      return null;
    }
  }

  async function check() {
    setError(null);
    setChecking(true);
    try {
      setPreflight(await api('excel.registrarPreflight', input()));
    } catch (err) {
      setError(failureOf(err).message);
    } finally {
      setChecking(false);
    }
  }

  async function exportRegistrar() {
    const out = await exportFile('Writing the registrar file', { kind: 'registrar', ...input(), confirm });
    if (!out) return;
    download(out.file);
    setHistory(await api('excel.registrarExports', {}));
    useApp.setState({ notice: `Exported ${out.file.name} (${plural(out.record.letters.length, 'grade')}). It is recorded in the course.` });
  }

  const busy = !!job || checking;

  return (
    <Dialog title="Export" onClose={close} wide>
      <div className="excel-wizard">
        <section className="panel">
          <h3>Workbook and CSV</h3>
          <div className="excel-row">
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                const file = await exportFile('Writing the workbook', { kind: 'workbook' });
                if (file) download(file);
              }}
            >
              Full workbook (.xlsx)
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                const file = await exportFile('Writing the CSV', { kind: 'csv' });
                if (file) download(file);
              }}
            >
              Grades sheet (.csv)
            </button>
          </div>
        </section>

        <section className="panel">
          <h3>Final grades for the registrar</h3>
          <div className="excel-row">
            <label>
              Profile
              <select
                value={profile}
                onChange={(e) => {
                  setProfile(e.target.value);
                  setPreflight(null);
                }}
              >
                {profiles.map((p) => (
                  <option key={p.key} value={p.key}>
                    {p.config.name} ({p.config.format})
                  </option>
                ))}
              </select>
            </label>
            {needs.has('termCode') && (
              <label>
                Term code
                <input value={params.termCode} onChange={(e) => setParams({ ...params, termCode: e.target.value })} />
              </label>
            )}
            {needs.has('crn') && (
              <label>
                CRN
                <input value={params.crn} onChange={(e) => setParams({ ...params, crn: e.target.value })} />
              </label>
            )}
            {needs.has('classNumber') && (
              <label>
                Class number
                <input value={params.classNumber} onChange={(e) => setParams({ ...params, classNumber: e.target.value })} />
              </label>
            )}
            <button type="button" disabled={busy} onClick={() => void check()}>
              Check
            </button>
          </div>
          {preflight && (
            <div className="excel-summary" aria-label="Pre-flight check">
              <p>
                {preflight.rows.length} of {preflight.enrolled} enrolled students will be sent.{' '}
                {preflight.passes ? 'Every check passed.' : `${plural(preflight.issues.length, 'issue')} to review:`}
              </p>
              <ul className="excel-issues">
                {preflight.issues.slice(0, 100).map((i, n) => (
                  <li key={n} className={`issue-${i.kind}`}>
                    {i.message}
                  </li>
                ))}
              </ul>
              {!preflight.passes && (
                <label className="check">
                  <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />I have reviewed these; export
                  anyway
                </label>
              )}
            </div>
          )}
          <div className="excel-actions">
            <button
              type="button"
              className="primary"
              disabled={!preflight || (!preflight.passes && !confirm) || busy}
              onClick={() => void exportRegistrar()}
            >
              Export registrar file
            </button>
          </div>
          {history.length > 0 && (
            <table className="excel-preview" aria-label="Registrar exports">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Profile</th>
                  <th>File</th>
                  <th>Grades</th>
                  <th>SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{formatInstant(h.at, timeZone)}</td>
                    <td>{h.profileName}</td>
                    <td>{h.fileName}</td>
                    <td>{h.letters.length}</td>
                    <td title={h.sha256}>{h.sha256.slice(0, 12)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {job && <JobProgress job={job} onCancel={cancel} />}
        {error && (
          <div role="alert" className="message error">
            {error}
          </div>
        )}
        <div className="excel-actions">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
