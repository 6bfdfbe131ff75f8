import { useRef, useState } from 'react';
import type {
  CanvasReport,
  FileBytes,
  ImportJobInput,
  ImportProblem,
  RosterField,
  RosterReport,
  ScoreColumnTarget,
  ScoreReport,
  WorkbookReport,
} from '@shared/api';
import { canvasSummary, rosterSummary } from '@shared/screens/importSummary';
import { type CategoryChoices, type MatchDecisions, undecided, withCategory, withDecision } from '@shared/screens/canvasImport';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { Dialog } from '../common/Dialog';
import { useCourse } from '../../stores/course';
import { toFileBytes } from './files';
import { failureOf, useJob } from './job';
import { JobProgress } from './JobProgress';
import { ProblemList } from './Problems';
import { useExcel, type ImportKind } from './store';
import './excel.css';
import { plural } from '@shared/text/words';

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
  ['status', 'Enrolment status'],
];
const PREVIEW_ROWS = 50;
/** One empty list, so store selectors answer the same value while no course is loaded. */
const NONE: never[] = [];

type Report = RosterReport | ScoreReport | CanvasReport | WorkbookReport;
/** What the instructor chose in the wizard on top of what was detected. */
interface RosterChoice {
  sheet?: string;
  headerRow?: number;
  mapping?: (RosterField | null)[];
  /** Scores: where each column goes (absent: columns named like an item). */
  columns?: ScoreColumnTarget[];
  /** Canvas: the category of each assignment new to the course, and the answer for each uncertain match. */
  categories?: CategoryChoices;
  decisions?: MatchDecisions;
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
  const [note, setNote] = useState<string | null>(null);
  const { job, run, cancel } = useJob();
  // Each preview or import is a request; only the latest one's answer is shown (a preview of the
  // previous kind or sheet that answers late is dropped; useJob has cancelled its job).
  const latest = useRef(0);

  function input(dryRun: boolean, f: FileBytes, k: ImportKind, c: RosterChoice): ImportJobInput {
    switch (k) {
      case 'roster':
        return { kind: 'roster', file: f, dryRun, ...c };
      case 'scores':
        return {
          kind: 'scores',
          file: f,
          dryRun,
          matchBy,
          blankClears,
          skipUnknownStudents: skipUnknown,
          sheet: c.sheet,
          headerRow: c.headerRow,
          ...(c.columns && { columns: c.columns }),
        };
      case 'canvas':
        return { kind: 'canvas', file: f, dryRun, categories: c.categories, decisions: c.decisions };
      case 'workbook':
        return { kind: 'workbook', file: f, dryRun };
    }
  }

  /** Runs the import as a job; null when the instructor cancelled it. */
  const runImport = (dryRun: boolean, f: FileBytes, k: ImportKind, c: RosterChoice) =>
    run<Report>(dryRun ? 'Reading the file' : 'Importing', () => api('excel.startImport', input(dryRun, f, k, c)));

  async function preview(f: FileBytes | null = file, k = kind, c = choice) {
    if (!f) return;
    const request = ++latest.current;
    setFailure(null);
    setNote(null);
    try {
      const r = await runImport(true, f, k, c);
      if (request !== latest.current) return;
      if (r) setReport(r);
      else setNote('Reading the file was cancelled.');
    } catch (err) {
      if (request !== latest.current) return;
      setReport(null);
      setFailure(failureOf(err));
    }
  }

  async function commit() {
    if (!file) return;
    const request = ++latest.current;
    setNote(null);
    try {
      const done = await runImport(false, file, kind, choice);
      if (request !== latest.current) return;
      if (!done) return setNote('The import was cancelled; nothing was changed.');
      await useCourse.getState().reload();
      useApp.setState({ notice: `Imported ${file.name}: ${summary(kind, done)}. You can undo this as one step.` });
      close();
    } catch (err) {
      if (request === latest.current) setFailure(failureOf(err));
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
                onChange={(e) => void applyChoice({ ...choice, headerRow: Number(e.target.value), mapping: undefined, columns: undefined })}
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

        {job && <JobProgress job={job} onCancel={cancel} />}
        {note && <p className="message">{note}</p>}
        {failure && (
          <div role="alert" className="message error">
            {failure.message}
          </div>
        )}
        <ProblemList problems={failure?.problems ?? report?.problems ?? []} />
        {report && <Preview kind={kind} report={report} choice={choice} onChoice={(c) => void applyChoice(c)} />}

        <div className="excel-actions">
          <button type="button" onClick={close}>
            Close
          </button>
          <button type="button" className="primary" disabled={!report || errors > 0 || !!job} onClick={() => void commit()}>
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

function Preview({
  kind,
  report,
  choice,
  onChoice,
}: {
  kind: ImportKind;
  report: Report;
  choice: RosterChoice;
  onChoice: (c: RosterChoice) => void;
}) {
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
            <th>Status</th>
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
              <td>{row.status === 'withdrawn' ? 'withdrawn (dropped)' : row.status}</td>
              <td>{row.changes.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (kind === 'scores') return <ScoreColumns report={report as ScoreReport} choice={choice} onChoice={onChoice} />;
  if (kind === 'canvas') {
    const r = report as CanvasReport;
    const matched = r.items.filter((i) => i.action === 'matched');
    const created = r.items.filter((i) => i.action === 'create');
    return (
      <div className="excel-summary">
        {matched.length > 0 && <p>Existing items: {matched.map((i) => `${i.name} (${i.pointsPossible ?? '?'} pts)`).join(' · ')}</p>}
        {created.length > 0 && (
          <table className="excel-preview" aria-label="New assignments">
            <thead>
              <tr>
                <th>New assignment</th>
                <th>Points</th>
                <th>Goes in</th>
              </tr>
            </thead>
            <tbody>
              {created.map((i) => (
                <tr key={i.canvasId}>
                  <td>{i.name}</td>
                  <td className="num">{i.pointsPossible ?? '?'}</td>
                  <td>
                    <CategorySelect
                      label={`Category for ${i.name}`}
                      value={i.categoryId ?? undefined}
                      onChange={(id) => onChoice({ ...choice, categories: withCategory(choice.categories ?? [], i.canvasId, id) })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.uncertain.length > 0 && (
          <table className="excel-preview" aria-label="Students to confirm">
            <caption>
              {plural(r.uncertain.length, 'row has', 'rows have')} no SIS ID and a name like a student on file. Say who each one is
              {undecided(r) > 0 ? ` (${undecided(r)} still to answer)` : ''}.
            </caption>
            <thead>
              <tr>
                <th>Row</th>
                <th>In the file</th>
                <th>On file</th>
                <th>This is</th>
              </tr>
            </thead>
            <tbody>
              {r.uncertain.map((u) => (
                <tr key={u.row}>
                  <td>{u.row}</td>
                  <td>
                    {u.name}
                    {u.login && ` (login ${u.login})`}
                  </td>
                  <td>
                    {u.studentName} ({u.registrarId}
                    {u.email ? `, ${u.email}` : ''})
                  </td>
                  <td>
                    <select
                      aria-label={`Who row ${u.row} is`}
                      value={u.decision ?? ''}
                      onChange={(e) =>
                        onChoice({
                          ...choice,
                          decisions: withDecision(choice.decisions ?? [], u.row, e.target.value === 'match' ? u.studentId : null),
                        })
                      }
                    >
                      {u.decision === null && <option value="">Choose…</option>}
                      <option value="match">the same student: {u.studentName}</option>
                      <option value="create">a new student</option>
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {r.students.skipped.length > 0 && <p>Skipped: {r.students.skipped.join(', ')}</p>}
      </div>
    );
  }
  const r = report as WorkbookReport;
  const edits = r.gradesSheetEdits;
  return (
    <div className="excel-summary">
      <p>
        Workbook of <strong>{r.courseName}</strong>: {r.counts.student ?? 0} students, {r.counts.item ?? 0} items, {r.counts.score ?? 0}{' '}
        scores. Importing replaces this course's settings, roster and grades (a backup is taken first, and it can be undone).
      </p>
      <p>
        {edits.length === 0
          ? 'No scores were changed on the Grades sheet.'
          : `${plural(edits.length, 'score')} changed on the Grades sheet will be imported too:`}
      </p>
      <p className="muted">
        Typed scores are read as entered scores. A cell shown after a late penalty, an adjustment or an integrity finding is not the entered
        score, so a change there is refused: make it in the gradebook&apos;s cell menu.
      </p>
      {edits.length > 0 && (
        <table className="excel-preview" aria-label="Changes on the Grades sheet">
          <thead>
            <tr>
              <th>Row</th>
              <th>Column</th>
              <th>Student</th>
              <th>Item</th>
              <th>Was</th>
              <th>Now</th>
            </tr>
          </thead>
          <tbody>
            {edits.slice(0, PREVIEW_ROWS).map((e) => (
              <tr key={`${e.row}:${e.column}`}>
                <td>{e.row}</td>
                <td>{e.column}</td>
                <td>{e.student}</td>
                <td>{e.item}</td>
                <td>{e.from || '(empty)'}</td>
                <td>{e.to || '(empty)'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The course's categories that hold items, for new items. */
function CategorySelect({ value, onChange, label }: { value: number | undefined; onChange: (id: number) => void; label?: string }) {
  const categories = useCourse((s) => s.snapshot?.categories ?? NONE).filter((c) => c.kind === 'items');
  return (
    <select aria-label={label} value={value ?? categories[0]?.id ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/**
 * Where each score column goes: an item of the course, a new item (name from the header, in a
 * category, with points possible), or nowhere. Changing one column sends the whole mapping.
 */
function ScoreColumns({ report, choice, onChoice }: { report: ScoreReport; choice: RosterChoice; onChoice: (c: RosterChoice) => void }) {
  const items = useCourse((s) => s.snapshot?.items ?? NONE).filter((i) => !i.teamGraded);
  const firstCategory = useCourse((s) => s.snapshot?.categories.find((c) => c.kind === 'items')?.id);
  const current: ScoreColumnTarget[] =
    choice.columns ??
    report.columns.filter((c) => c.action === 'matched' && c.itemId !== null).map((c) => ({ column: c.column, itemId: c.itemId! }));
  const targetOf = (column: number) => current.find((t) => t.column === column);
  const set = (column: number, target: ScoreColumnTarget | null) =>
    onChoice({ ...choice, columns: [...current.filter((t) => t.column !== column), ...(target ? [target] : [])] });
  const newItem = (column: number, header: string, patch: { categoryId?: number; pointsPossible?: number }) => {
    const old = targetOf(column);
    const was =
      old && 'create' in old
        ? old.create
        : { name: header.trim() || `Column ${column + 1}`, categoryId: firstCategory ?? 0, pointsPossible: 10 };
    set(column, { column, create: { ...was, ...patch } });
  };
  return (
    <div className="excel-summary">
      <table className="excel-preview" aria-label="Score columns">
        <thead>
          <tr>
            <th>Column</th>
            <th>Goes to</th>
            <th>New item</th>
          </tr>
        </thead>
        <tbody>
          {report.columns
            .filter((c) => c.action !== 'key')
            .map((c) => {
              const t = targetOf(c.column);
              const create = t && 'create' in t ? t.create : null;
              return (
                <tr key={c.column}>
                  <td>{c.header || `Column ${c.column + 1}`}</td>
                  <td>
                    <select
                      aria-label={`Item for column ${c.header || c.column + 1}`}
                      value={!t ? '' : 'itemId' in t ? `item:${t.itemId}` : 'new'}
                      onChange={(e) => {
                        const v = e.target.value;
                        if (v === '') set(c.column, null);
                        else if (v === 'new') newItem(c.column, c.header, {});
                        else set(c.column, { column: c.column, itemId: Number(v.slice(5)) });
                      }}
                    >
                      <option value="">(not imported)</option>
                      {items.map((i) => (
                        <option key={i.id} value={`item:${i.id}`}>
                          {i.name}
                        </option>
                      ))}
                      <option value="new">New item “{c.header.trim() || `Column ${c.column + 1}`}”</option>
                    </select>
                  </td>
                  <td>
                    {create && (
                      <span className="excel-row">
                        <CategorySelect
                          label={`Category for column ${c.header}`}
                          value={create.categoryId}
                          onChange={(categoryId) => newItem(c.column, c.header, { categoryId })}
                        />
                        <input
                          type="number"
                          min={0}
                          aria-label={`Points possible for column ${c.header}`}
                          value={create.pointsPossible}
                          onChange={(e) => newItem(c.column, c.header, { pointsPossible: Number(e.target.value) })}
                        />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {report.unmatchedRows.length > 0 && (
        <p>Rows of students not in the course: {report.unmatchedRows.map((u) => `row ${u.row} (${u.key})`).join(', ')}</p>
      )}
    </div>
  );
}

function summary(kind: ImportKind, r: Report): string {
  if (kind === 'roster') return rosterSummary(r as RosterReport);
  if (kind === 'scores') {
    const c = (r as ScoreReport).counts;
    return `${c.set} scores, ${c.statuses} statuses, ${c.cleared} cleared`;
  }
  if (kind === 'canvas') return canvasSummary(r as CanvasReport);
  const w = r as WorkbookReport;
  const edits = w.gradesSheetEdits.length;
  return `${plural(w.counts.student ?? 0, 'student')}${edits ? `, ${plural(edits, 'score')} edited on the Grades sheet` : ''}`;
}
