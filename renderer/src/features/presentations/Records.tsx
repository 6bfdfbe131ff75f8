import { useCallback, useState } from 'react';
import type { Presentation } from '@shared/api';
import { studentName } from '@shared/model';
import { gradeText } from '@shared/screens/presentationReview';
import { api } from '../../api/client';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import { Pending, useCourseData } from './data';
import { RecordDialog, type RecordStart } from './RecordDialog';
import { RubricSettings } from './RubricSettings';
import { formatDay } from '@shared/time/format';

/** Every recorded presentation, with Record, Edit and Delete, and the rubric they are graded on. */
export function Records() {
  const mutate = useCourse((s) => s.mutate);
  const readings = useCourseData(
    'the readings',
    useCallback(() => api('reading.list', {}), []),
  ).data;
  const { data: records, failed } = useCourseData(
    'the presentations',
    useCallback(() => api('presentation.list', {}), []),
  );
  const students = useCourse((s) => s.snapshot?.students);
  const [recording, setRecording] = useState<RecordStart | null>(null);
  const title = new Map(readings?.map((r) => [r.id, r.title]));
  const name = new Map(students?.map((s) => [s.id, studentName(s)]));

  const remove = async (p: Presentation) => {
    if (await mutate('Deleting the presentation', () => api('presentation.delete', { id: p.id })))
      useApp.setState({ notice: `Deleted ${p.teamName}'s presentation of ${formatDay(p.date)} and its grade. Ctrl+Z brings both back.` });
  };

  return (
    <div>
      <div className="toolbar">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => setRecording({ sessionId: null, teamId: null })}>
          Record a presentation
        </button>
      </div>
      {!records ? (
        <Pending what="the presentations" failed={failed} />
      ) : records.length === 0 ? (
        <div className="empty">
          <p>No presentations recorded yet. Draw a team on the Draw tab, or record a presentation directly.</p>
          <button type="button" className="primary" onClick={() => setRecording({ sessionId: null, teamId: null })}>
            Record a presentation
          </button>
        </div>
      ) : (
        <table className="data" aria-label="Recorded presentations">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Date</th>
              <th scope="col">Team</th>
              <th scope="col">Reading</th>
              <th scope="col">Presenters</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Grade
              </th>
              <th scope="col">Feedback</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {records.map((p) => (
              <tr key={p.id}>
                <td>{p.week}</td>
                <td>{formatDay(p.date)}</td>
                <th scope="row">{p.teamName}</th>
                <td>{p.readingIds.map((id) => title.get(id) ?? `reading ${id}`).join('; ') || '—'}</td>
                <td>{p.presenterIds.map((id) => name.get(id) ?? `student ${id}`).join('; ') || '—'}</td>
                <td className="num">{p.durationMinutes === null ? '—' : `${p.durationMinutes} min`}</td>
                <td className="num">{gradeText(p.score, p.pointsPossible)}</td>
                <td>{p.feedback ?? ''}</td>
                <td className="actions">
                  <button
                    type="button"
                    aria-label={`Edit ${p.teamName}, week ${p.week}`}
                    onClick={() => setRecording({ sessionId: p.sessionId, teamId: p.teamId })}
                  >
                    Edit
                  </button>{' '}
                  <button
                    type="button"
                    className="danger"
                    aria-label={`Delete ${p.teamName}, week ${p.week}`}
                    onClick={() => void remove(p)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RubricSettings />
      {recording && <RecordDialog start={recording} onClose={() => setRecording(null)} />}
    </div>
  );
}
