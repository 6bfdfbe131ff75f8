import { useState } from 'react';
import {
  ApiError,
  type CanvasReport,
  type FileBytes,
  type ImportProblem,
  type RosterField,
  type RosterReport,
  type ScoreReport,
  type WorkbookReport,
} from '../../../../shared/api';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';
import { useCourseData } from '../common/courseData';
import { toFileBytes } from './files';
import { ProblemList } from './Problems';
import { useExcel, type ImportKind } from './store';
import './excel.css';

const KINDS: [ImportKind, string][] = [
  ['roster', 'Class list (roster)'],
  ['scores', 'Scores for items'],
  ['canvas', 'Canvas gradebook export'],
  ['workbook', 'Full gradebook workbook'],
];
const FIELDS: [RosterField, string][] = [
  ['registrarId', 'Student ID'],
  ['name', 'Name (Last, First)'],
  ['lastName', 'Last name'],
  ['firstName', 'First name'],
  ['preferredName', 'Preferred name'],
  ['email', 'Email'],
  ['section', 'Section'],
];
const PREVIEW_ROWS = 50;

type Report = RosterReport | ScoreReport | CanvasReport | WorkbookReport;
interface RosterChoice {
  sheet?: string;
  headerRow?: number;
  mapping?: (RosterField | null)[];
}

/**
 * The import wizard: pick the kind and the file, adjust sheet, header row and columns, see what
 * will happen to each row (nothing is written yet), then import as one undoable step.
 */
export function ImportWizard() {
  const { kind: initialKind, close } = useExcel();
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<FileBytes | null>(null);
  const [choice, setChoice] = useState<RosterChoice>({});
  const [matchBy, setMatchBy] = useState<'registrarId' | 'email'>('registrarId');
  const [blankClears, setBlankClears] = useState(false);
  const [skipUnknown, setSkipUnknown] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<{ message: string; problems: ImportProblem[] } | null>(null);
  const [working, setWorking] = useState<string | null>(null);

  async function call(dryRun: boolean, f: FileBytes, k: ImportKind, c: RosterChoice): Promise<Report> {
    switch (k) {
      case 'roster':
        return api('excel.importRoster', { file: f, dryRun, ...c });
      case 'scores':
        return api('excel.importScores', {
          file: f,
          dryRun,
          matchBy,
          blankClears,
          skipUnknownStudents: skipUnknown,
          sheet: c.sheet,
          headerRow: c.headerRow,
        });
      case 'canvas':
        return api('excel.importCanvas', { file: f, dryRun });
      case 'workbook':
        return api('excel.importWorkbook', { file: f, dryRun });
    }
  }

  async function preview(f: FileBytes | null = file, k = kind, c = choice) {
    if (!f) return;
    setWorking('Reading the file…');
    setFailure(null);
    try {
      setReport(await call(true, f, k, c));
    } catch (err) {
      setReport(null);
      setFailure(describe(err));
    } finally {
      setWorking(null);
    }
  }

  async function commit() {
    if (!file) return;
    setWorking('Importing…');
    try {
      const done = await call(false, file, kind, choice);
      await useCourseData.getState().reload();
      useApp.setState({ notice: `Imported ${file.name}. ${summary(kind, done)} You can undo this as one step.` });
      close();
    } catch (err) {
      setFailure(describe(err));
    } finally {
      setWorking(null);
    }
  }

  const errors = report?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const roster = kind === 'roster' ? (report as RosterReport | null) : null;
  const sheets = report?.sheets ?? [];

  return (
    <Dialog title="Import from Excel or CSV" onClose={close} wide>
      <div className="excel-wizard">
        <div className="excel-row">
          <label>
            What is in the file
            <select
              value={kind}
              onChange={(e) => {
                const k = e.target.value as ImportKind;
                setKind(k);
                setChoice({});
                void preview(file, k, {});
              }}
            >
              {KINDS.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            File (.xlsx or .csv)
            <input
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={async (e) => {
                const picked = e.target.files?.[0];
                if (!picked) return;
                const f = await toFileBytes(picked);
                setFile(f);
                setChoice({});
                await preview(f, kind, {});
              }}
            />
          </label>
        </div>

        {(kind === 'roster' || kind === 'scores') && report && 'headerRow' in report && (
          <div className="excel-row">
            {sheets.length > 1 && (
              <label>
                Sheet
                <select value={report.sheet} onChange={(e) => void applyChoice({ sheet: e.target.value })}>
                  {sheets.map((s) => (
                    <option key={s.name}>{s.name}</option>
                  ))}
                </select>
              </label>
            )}
            <label>
              Header row
              <input
                type="number"
                min={1}
                value={report.headerRow}
                onChange={(e) => void applyChoice({ ...choice, headerRow: Number(e.target.value), mapping: undefined })}
              />
            </label>
            {kind === 'scores' && (
              <>
                <label>
                  Match students by
                  <select
                    value={matchBy}
                    onChange={(e) => setMatchBy(e.target.value as 'registrarId' | 'email')}
                    onBlur={() => void preview()}
                  >
                    <option value="registrarId">Registrar ID</option>
                    <option value="email">Email</option>
                  </select>
                </label>
                <label className="check">
                  <input type="checkbox" checked={blankClears} onChange={(e) => setBlankClears(e.target.checked)} />
                  Blank cells clear scores
                </label>
                <label className="check">
                  <input type="checkbox" checked={skipUnknown} onChange={(e) => setSkipUnknown(e.target.checked)} />
                  Skip students not in the course
                </label>
                <button type="button" onClick={() => void preview()}>
                  Check again
                </button>
              </>
            )}
          </div>
        )}

        {roster && (
          <table className="excel-mapping" aria-label="Column mapping">
            <thead>
              <tr>
                {roster.headers.map((h, c) => (
                  <th key={c}>{h || `Column ${c + 1}`}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {roster.headers.map((h, c) => (
                  <td key={c}>
                    <select
                      aria-label={`Field for column ${h || c + 1}`}
                      value={roster.mapping[c] ?? ''}
                      onChange={(e) => {
                        const mapping = roster.headers.map((_, i) => roster.mapping[i] ?? null);
                        mapping[c] = (e.target.value || null) as RosterField | null;
                        void applyChoice({ ...choice, mapping });
                      }}
                    >
                      <option value="">(ignore)</option>
                      {FIELDS.map(([f, label]) => (
                        <option key={f} value={f}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        )}

        {working && (
          <p role="status" className="excel-progress">
            <progress /> {working}
          </p>
        )}
        {failure && (
          <div role="alert" className="message error">
            {failure.message}
          </div>
        )}
        <ProblemList problems={failure?.problems ?? report?.problems ?? []} />
        {report && <Preview kind={kind} report={report} />}

        <div className="excel-actions">
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!report || errors > 0 || !!working} onClick={() => void commit()}>
            {report ? `Import (${summary(kind, report)})` : 'Import'}
          </button>
        </div>
      </div>
    </Dialog>
  );

  async function applyChoice(next: RosterChoice) {
    setChoice(next);
    await preview(file, kind, next);
  }
}

function Preview({ kind, report }: { kind: ImportKind; report: Report }) {
  if (kind === 'roster') {
    const r = report as RosterReport;
    return (
      <table className="excel-preview" aria-label="Preview">
        <thead>
          <tr>
            <th>Row</th>
            <th>What happens</th>
            <th>Student ID</th>
            <th>Last name</th>
            <th>First name</th>
            <th>Email</th>
            <th>Section</th>
            <th>Changes</th>
          </tr>
        </thead>
        <tbody>
          {r.rows.slice(0, PREVIEW_ROWS).map((row) => (
            <tr key={row.row} className={`action-${row.action}`}>
              <td>{row.row}</td>
              <td>{row.action}</td>
              <td>{row.registrarId}</td>
              <td>{row.lastName}</td>
              <td>{row.firstName}</td>
              <td>{row.email}</td>
              <td>{row.section}</td>
              <td>{row.changes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (kind === 'scores') {
    const r = report as ScoreReport;
    return (
      <div className="excel-summary">
        <p>
          Columns:{' '}
          {r.columns
            .filter((c) => c.action !== 'key')
            .map((c) => `${c.header} → ${c.action === 'unmatched' ? 'not imported' : c.itemName}`)
            .join(' · ')}
        </p>
        {r.unmatchedRows.length > 0 && (
          <p>Rows of students not in the course: {r.unmatchedRows.map((u) => `row ${u.row} (${u.key})`).join(', ')}</p>
        )}
      </div>
    );
  }
  if (kind === 'canvas') {
    const r = report as CanvasReport;
    return (
      <div className="excel-summary">
        <p>
          Assignments:{' '}
          {r.items.map((i) => `${i.name} (${i.pointsPossible} pts, ${i.action === 'create' ? 'new item' : 'existing item'})`).join(' · ')}
        </p>
        {r.students.skipped.length > 0 && <p>Skipped: {r.students.skipped.join(', ')}</p>}
      </div>
    );
  }
  const r = report as WorkbookReport;
  return (
    <p className="excel-summary">
      Workbook of <strong>{r.courseName}</strong>: {r.counts.student ?? 0} students, {r.counts.item ?? 0} items, {r.counts.score ?? 0}{' '}
      scores. Importing replaces this course's settings, roster and grades (a backup is taken first, and it can be undone).
    </p>
  );
}

function summary(kind: ImportKind, r: Report): string {
  if (kind === 'roster') {
    const c = (r as RosterReport).counts;
    return `${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged${c.error ? `, ${c.error} with errors` : ''}`;
  }
  if (kind === 'scores') {
    const c = (r as ScoreReport).counts;
    return `${c.set} scores, ${c.statuses} statuses, ${c.cleared} cleared`;
  }
  if (kind === 'canvas') {
    const c = r as CanvasReport;
    return `${c.students.new} new students, ${c.scores.set + c.scores.statuses} scores`;
  }
  return `${(r as WorkbookReport).counts.student ?? 0} students`;
}

function describe(err: unknown): { message: string; problems: ImportProblem[] } {
  const problems = err instanceof ApiError ? ((err.details as { problems?: ImportProblem[] } | undefined)?.problems ?? []) : [];
  return { message: (err as Error).message, problems };
}
