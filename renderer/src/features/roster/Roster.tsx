import { useEffect, useMemo, useState } from 'react';
import { studentName, type Student } from '@shared/model';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { StudentDialog } from './StudentDialog';
import type { ReportTarget } from '@shared/screens/reportForm';
import { ReportDialog } from '../reports/ReportDialog';
import { Teams } from './Teams';
import { useExcel } from '../excel/store';
import { ColumnHeads } from '../common/ColumnHeads';

/** "Who is in the class, in which team, with what accommodation?" */
export function Roster() {
  const { snapshot, reload, mutate } = useCourse();
  const [showWithdrawn, setShowWithdrawn] = useState(true);
  const [editing, setEditing] = useState<Student | 'new' | null>(null);
  const [report, setReport] = useState<ReportTarget>(null);
  useEffect(() => {
    void reload();
  }, [reload]);

  const currentTeam = useMemo(() => {
    const now = new Date().toISOString();
    const map = new Map<number, number>();
    for (const m of snapshot?.memberships ?? []) if (m.from <= now && (m.to === null || m.to > now)) map.set(m.studentId, m.teamId);
    return map;
  }, [snapshot]);
  const teamSizes = useMemo(() => {
    const sizes = new Map<number, number>();
    for (const t of currentTeam.values()) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    return sizes;
  }, [currentTeam]);

  if (!snapshot) return <h2 id="screen-title">Roster</h2>;
  const students = [...snapshot.students]
    .filter((s) => showWithdrawn || s.status === 'enrolled')
    .sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName));
  const withdrawn = snapshot.students.filter((s) => s.status === 'withdrawn').length;

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Roster</h2>
      {snapshot.students.length === 0 ? (
        <div className="empty panel">
          <p>No students yet. Import a class list (Excel or CSV) or add a student.</p>
          <button type="button" onClick={() => useExcel.getState().openImport('roster')}>
            Import class list…
          </button>
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Add student
          </button>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              Add student
            </button>
            <label className="check">
              <input type="checkbox" checked={showWithdrawn} onChange={(e) => setShowWithdrawn(e.target.checked)} />
              Show withdrawn students ({withdrawn})
            </label>
            <span className="spacer" />
            <span className="muted">
              {snapshot.students.length - withdrawn} enrolled, {snapshot.teams.length} teams
            </span>
          </div>
          <Teams teams={snapshot.teams} sizes={teamSizes} />
          <div className="scroll-x">
            <table className="data roster" aria-label="Students">
              <ColumnHeads
                columns={[
                  'Registrar ID',
                  'Last name',
                  'First name',
                  'Preferred',
                  'Email',
                  'Section',
                  'Team',
                  { label: <abbr title="Extension days (accommodation)">Ext. days</abbr>, num: true },
                  'Accommodation',
                  'Status',
                  'Actions',
                ]}
              />
              <tbody>
                {students.map((s) => {
                  const name = `${s.firstName} ${s.lastName}`.trim();
                  return (
                    <tr key={s.id} className={s.status === 'withdrawn' ? 'dim' : undefined}>
                      <td>{s.registrarId}</td>
                      <td>{s.lastName}</td>
                      <td>{s.firstName}</td>
                      <td>{s.preferredName}</td>
                      <td>{s.email && <EmailText email={s.email} />}</td>
                      <td>{s.section}</td>
                      <td>
                        <select
                          aria-label={`Team of ${name}`}
                          value={currentTeam.get(s.id) ?? ''}
                          onChange={(e) =>
                            void mutate('Assigning the team', () =>
                              api('team.assign', { studentId: s.id, teamId: e.target.value === '' ? null : Number(e.target.value) }),
                            )
                          }
                        >
                          <option value="">No team</option>
                          {snapshot.teams.map((t) => (
                            <option key={t.id} value={t.id}>
                              {t.name}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td className="num">{s.extensionDays || ''}</td>
                      <td className="note">{s.accommodationNote}</td>
                      <td>{s.status === 'withdrawn' ? 'Withdrawn' : 'Enrolled'}</td>
                      <td className="actions">
                        <button type="button" aria-label={`Edit ${name}`} onClick={() => setEditing(s)}>
                          Edit
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={`${s.status === 'withdrawn' ? 'Reinstate' : 'Withdraw'} ${name}`}
                          onClick={() =>
                            void mutate(s.status === 'withdrawn' ? 'Reinstating the student' : 'Withdrawing the student', () =>
                              api('student.setWithdrawn', { id: s.id, withdrawn: s.status !== 'withdrawn' }),
                            )
                          }
                        >
                          {s.status === 'withdrawn' ? 'Reinstate' : 'Withdraw'}
                        </button>{' '}
                        <button
                          type="button"
                          aria-label={`Report for ${name}`}
                          onClick={() => setReport({ studentId: s.id, name: studentName(s) })}
                        >
                          Report…
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report && <ReportDialog target={report} view="final" onClose={() => setReport(null)} />}
      {editing && <StudentDialog student={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** An address that may wrap after its @ (only there), so the row's Status and Actions fit. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return email;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
