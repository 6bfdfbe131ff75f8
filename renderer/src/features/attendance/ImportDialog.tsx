import { useState } from 'react';
import type { AttendanceImportInput, AttendanceImportReport, FileBytes, SessionRow } from '@shared/api';
import { MARK_WORD } from '@shared/screens/attendance';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog, Field } from '../common/Dialog';
import { announce } from '../common/announce';
import { ProblemList } from '../excel/Problems';
import { download, toFileBytes } from '../excel/files';
import '../excel/excel.css';
import { useAttendance } from './store';
import { plural } from '@shared/text/words';
import { formatDay, formatInstant } from '@shared/time/format';

type Kind = 'auto' | 'sign-in' | 'meeting';

/**
 * A sign-in sheet or a Zoom / Teams participant report: checked whole first (a dry run listing
 * every mark it would write, who is marked absent and the rows matching nobody), then imported
 * as one undo step.
 */
export function ImportDialog({ sessions, timeZone, onClose }: { sessions: readonly SessionRow[]; timeZone: string; onClose(): void }) {
  const [file, setFile] = useState<FileBytes | null>(null);
  const [kind, setKind] = useState<Kind>('auto');
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [lateAfter, setLateAfter] = useState('10');
  const [minMinutes, setMinMinutes] = useState('30');
  const [report, setReport] = useState<AttendanceImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  const input = (dryRun: boolean): AttendanceImportInput | null => {
    if (!file) return null;
    return {
      file,
      dryRun,
      ...(kind === 'auto' ? {} : { kind }),
      ...(kind !== 'sign-in' && sessionId !== null ? { sessionId } : {}),
      lateAfterMinutes: Math.max(0, Math.round(Number(lateAfter) || 0)),
      minMinutes: Math.max(0, Math.round(Number(minMinutes) || 0)),
    };
  };

  const check = async () => {
    const i = input(true);
    if (!i) return;
    setBusy(true);
    setReport((await useApp.getState().run('Checking the file', () => api('attendance.import', i))) ?? null);
    setBusy(false);
  };

  const run = async () => {
    const i = input(false);
    if (!i) return;
    setBusy(true);
    const r = await useAttendance.getState().write('Importing attendance', () => api('attendance.import', i));
    setBusy(false);
    if (r?.applied) {
      announce(
        `Imported ${plural(r.counts.set, 'mark')}${r.counts.cleared ? `, cleared ${r.counts.cleared}` : ''}. Undo takes the whole import back.`,
      );
      onClose();
    } else if (r) setReport(r);
  };

  const errors = report?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const changes = report ? report.counts.set + report.counts.cleared : 0;

  return (
    <Dialog title="Import attendance" onClose={onClose} wide>
      <p className="muted">
        A sign-in sheet (.xlsx or .csv: student ID or email, one column per session date, P/L/A/E, 1/0 or x) or a Zoom or Teams participant
        report (.csv) for one session.
      </p>
      <Field label="File">
        {(p) => (
          <input
            {...p}
            type="file"
            accept=".xlsx,.csv,.txt"
            onChange={(e) => {
              const f = e.target.files?.[0];
              setReport(null);
              if (f) void toFileBytes(f).then(setFile);
            }}
          />
        )}
      </Field>
      <div className="row">
        <Field label="Kind">
          {(p) => (
            <select {...p} value={kind} onChange={(e) => (setKind(e.target.value as Kind), setReport(null))}>
              <option value="auto">Detect from the file</option>
              <option value="sign-in">Sign-in sheet</option>
              <option value="meeting">Meeting participant report</option>
            </select>
          )}
        </Field>
        {kind !== 'sign-in' && (
          <>
            <Field label="Session (meeting report)">
              {(p) => (
                <select
                  {...p}
                  value={sessionId ?? ''}
                  onChange={(e) => (setSessionId(e.target.value ? Number(e.target.value) : null), setReport(null))}
                >
                  <option value="">The session on the meeting&apos;s date</option>
                  {sessions
                    .filter((s) => !s.cancelled)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {formatInstant(s.startsAt, timeZone)}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <Field label="Late after (minutes)">
              {(p) => (
                <input {...p} type="number" min={0} value={lateAfter} onChange={(e) => (setLateAfter(e.target.value), setReport(null))} />
              )}
            </Field>
            <Field label="Absent below (minutes in the meeting)">
              {(p) => (
                <input {...p} type="number" min={0} value={minMinutes} onChange={(e) => (setMinMinutes(e.target.value), setReport(null))} />
              )}
            </Field>
          </>
        )}
      </div>
      {report && <ImportPreview report={report} />}
      <div className="row end">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" onClick={() => void check()} disabled={!file || busy}>
          Check file
        </button>
        <button type="button" className="primary" onClick={() => void run()} disabled={!report || errors > 0 || changes === 0 || busy}>
          {report && errors === 0 ? `Import ${plural(changes, 'change')}` : 'Import'}
        </button>
      </div>
    </Dialog>
  );
}

function ImportPreview({ report }: { report: AttendanceImportReport }) {
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const m = report.meeting;
  return (
    <div className="att-import-preview" role="status">
      <p>
        {errors
          ? `${plural(errors, 'problem')} to fix first; nothing was imported.`
          : `${plural(report.counts.set, 'mark')} to set, ${report.counts.cleared} to clear, ${report.counts.unchanged} unchanged.`}
        {m ? ` Meeting of ${formatDay(m.date)}.` : ''}
      </p>
      <ProblemList problems={report.problems} />
      {m && m.notInReport.length > 0 && (
        <details open>
          <summary>{plural(m.notInReport.length, 'enrolled student')} not in the report will be marked absent</summary>
          <ul className="att-names">
            {m.notInReport.map((s) => (
              <li key={s.studentId}>{s.name}</li>
            ))}
          </ul>
        </details>
      )}
      {m && m.unmatched.length > 0 && (
        <details open>
          <summary>{plural(m.unmatched.length, 'row')} matching no enrolled student (not imported)</summary>
          <ul className="att-names">
            {m.unmatched.map((u) => (
              <li key={u.row}>
                Row {u.row}: {u.name}
                {u.email ? ` <${u.email}>` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.marks.length > 0 && (
        <details>
          <summary>Every mark ({report.marks.length})</summary>
          <div className="table-wrap">
            <table className="data compact" aria-label="Marks the import writes">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Session</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {report.marks.slice(0, 500).map((x) => (
                  <tr key={`${x.sessionId}:${x.studentId}`}>
                    <th scope="row">{x.name}</th>
                    <td>{formatDay(x.date)}</td>
                    <td>{x.from ? MARK_WORD[x.from] : 'not marked'}</td>
                    <td>{x.to ? MARK_WORD[x.to] : 'cleared'}</td>
                    <td>{x.why ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}

/** The register as a file: CSV or Excel, as the course stands now. */
export function ExportButtons({ disabled }: { disabled?: boolean }) {
  const exportAs = async (format: 'csv' | 'xlsx') => {
    const file = await useApp.getState().run('Exporting attendance', () => api('attendance.export', { format }));
    if (file) {
      download(file);
      announce(`Exported ${file.name}.`);
    }
  };
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => void exportAs('xlsx')}>
        Export attendance (Excel)
      </button>
      <button type="button" disabled={disabled} onClick={() => void exportAs('csv')}>
        Export attendance (CSV)
      </button>
    </>
  );
}
