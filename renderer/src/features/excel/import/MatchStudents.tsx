import type { CanvasReport } from '@shared/api';
import { plural } from '@shared/text/words';
import { undecided, withCategory, withDecision } from '@shared/screens/canvasImport';
import type { ImportChoice } from '@shared/screens/importWizard';
import { CategorySelect } from './CategorySelect';

/**
 * Step 3 of a Canvas export: a category for each assignment new to the course, and who each row
 * without an SIS ID is when its name is like a student on file (the import waits for every answer).
 */
export function MatchStudents({
  report: r,
  choice,
  onChoice,
}: {
  report: CanvasReport;
  choice: ImportChoice;
  onChoice(c: ImportChoice): void;
}) {
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
