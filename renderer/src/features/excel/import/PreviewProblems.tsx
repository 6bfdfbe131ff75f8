import type { RosterReport, WorkbookReport } from '@shared/api';
import { plural } from '@shared/text/words';
import type { ImportFailure, WizardState } from '@shared/screens/importWizard';
import { JobProgress } from '../JobProgress';
import type { JobView } from '../job';
import { ProblemList } from '../Problems';

const PREVIEW_ROWS = 50;

/** Step 4: the read in progress, a cancelled or failed read, and every problem in the file with its place. */
export function PreviewProblems({
  job,
  onCancel,
  state,
}: {
  job: JobView | null;
  onCancel(): void;
  state: Pick<WizardState, 'note' | 'failure' | 'report'>;
}) {
  const failure: ImportFailure | null = state.failure;
  return (
    <>
      {job && <JobProgress job={job} onCancel={onCancel} />}
      {state.note && <p className="message">{state.note}</p>}
      {failure && (
        <div role="alert" className="message error">
          {failure.message}
        </div>
      )}
      <ProblemList problems={failure?.problems ?? state.report?.problems ?? []} />
    </>
  );
}

/** Step 4 of a class list: what happens to each row (nothing is written yet). */
export function RosterPreview({ report }: { report: RosterReport }) {
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
        {report.rows.slice(0, PREVIEW_ROWS).map((row) => (
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

/** Step 4 of a full workbook: what it replaces, and the scores typed over on its Grades sheet. */
export function WorkbookPreview({ report: r }: { report: WorkbookReport }) {
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
