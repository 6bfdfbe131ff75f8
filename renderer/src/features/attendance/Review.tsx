import { useEffect, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { ClassReview, Register, SessionOutcome, StudentReview } from '@shared/api';
import { ratePercent } from '@shared/screens/attendance';
import { api } from '../../api/client';
import { ChartPanel, CountBars } from '../../components/charts/ChartPanel';
import { useApp } from '../../stores/app';
import { plural } from '@shared/text/words';
import { formatDay, formatInstant } from '@shared/time/format';

const OUTCOME: Readonly<Record<SessionOutcome, string>> = {
  present: 'Present',
  late: 'Late',
  absent: 'Absent',
  forgiven: 'Absent (forgiven)',
  excused: 'Excused',
  'roll-not-taken': 'Roll not taken',
  upcoming: 'Upcoming',
  cancelled: 'Cancelled',
};

const LINE = '#1f5fa8';
const CUT = '#b3261e';

/** Per student and per class: what the engine counted, as numbers, charts and tables. */
export function Review({ register, timeZone }: { register: Register; timeZone: string }) {
  const [studentId, setStudentId] = useState<number | null>(register.students[0]?.studentId ?? null);
  const [student, setStudent] = useState<StudentReview | null>(null);
  const [klass, setKlass] = useState<ClassReview | null>(null);

  // Both reviews follow the register: a mark elsewhere on this screen shows here too.
  useEffect(() => {
    void useApp.getState().run('Loading the class review', async () => setKlass(await api('attendance.class', {})));
  }, [register]);
  useEffect(() => {
    if (studentId === null) return;
    void useApp.getState().run('Loading the student review', async () => setStudent(await api('attendance.student', { studentId })));
  }, [studentId, register]);

  return (
    <div className="att-review">
      <section aria-labelledby="att-student-title" className="panel">
        <div className="toolbar">
          <h3 id="att-student-title">One student</h3>
          <label>
            Student{' '}
            <select value={studentId ?? ''} onChange={(e) => setStudentId(Number(e.target.value))}>
              {register.students.map((s) => (
                <option key={s.studentId} value={s.studentId}>
                  {s.name} ({s.registrarId})
                </option>
              ))}
            </select>
          </label>
        </div>
        {student && student.studentId === studentId ? <StudentRecord review={student} /> : <p className="muted">Choose a student.</p>}
      </section>
      {klass && <ClassCharts review={klass} timeZone={timeZone} />}
    </div>
  );
}

function StudentRecord({ review }: { review: StudentReview }) {
  const t = review.totals;
  const run = review.longestAbsenceRun;
  return (
    <>
      <dl className="att-facts" aria-label={`Attendance of ${review.name}`}>
        <div>
          <dt>Rate</dt>
          <dd>
            {t.display === null ? 'nothing counted yet' : ratePercent(t.display)}
            {t.low ? ' ⚠ below the threshold' : ''}
          </dd>
        </div>
        <div>
          <dt>Attended</dt>
          <dd>{plural(review.attended.length, 'session')}</dd>
        </div>
        <div>
          <dt>Missed</dt>
          <dd>{plural(review.missed.length, 'session')}</dd>
        </div>
        <div>
          <dt>Last attended</dt>
          <dd>{review.lastAttended ? formatDay(review.lastAttended) : 'never'}</dd>
        </div>
        <div>
          <dt>Longest absence run</dt>
          <dd className={review.runFlagged ? 'att-flag' : undefined}>
            {run ? `${plural(run.length, 'session')} in a row, ${formatDay(run.from)} to ${formatDay(run.to)}` : 'none'}
            {review.runFlagged ? ' ⚠ 3 or more in a row' : ''}
          </dd>
        </div>
      </dl>
      <div className="table-wrap att-student-sessions">
        <table className="data compact" aria-label={`Sessions of ${review.name}`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Session</th>
              <th scope="col">Topic</th>
              <th scope="col">Outcome</th>
              <th scope="col">Counted</th>
            </tr>
          </thead>
          <tbody>
            {review.sessions.map((s) => (
              <tr key={s.sessionId} className={`att-outcome-${s.outcome}`}>
                <th scope="row">{formatDay(s.date)}</th>
                <td>{s.title ?? ''}</td>
                <td>{s.topic ?? ''}</td>
                <td>
                  {OUTCOME[s.outcome]}
                  {s.reason ? `: ${s.reason}` : ''}
                </td>
                <td>{s.counted ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ClassCharts({ review, timeZone }: { review: ClassReview; timeZone: string }) {
  const perSession = review.perSession
    .filter((s) => s.rate !== null)
    .map((s) => ({ ...s, day: formatDay(s.date), pct: Math.round(s.rate! * 100) / 100 }));
  const spread = review.spread.map((b) => ({ ...b, text: String(b.count) }));
  const counted = review.spread.reduce((n, b) => n + b.count, 0);
  return (
    <section aria-labelledby="att-class-title" className="att-class">
      <h3 id="att-class-title">The class</h3>
      <ChartPanel
        className="att-chart"
        title="Attendance per session over the term (present or late, of those marked)"
        fileName="attendance-per-session.png"
        chart={
          <div
            role="img"
            aria-label={`Line chart of attendance per session: ${perSession.map((s) => `${s.day} ${s.pct}%`).join(', ') || 'no roll taken yet'}`}
          >
            <LineChart width={560} height={240} data={perSession} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="day" tick={{ fontSize: 11 }} />
              <YAxis domain={[0, 100]} unit="%" width={44} tick={{ fontSize: 11 }} />
              <ReferenceLine
                y={review.threshold}
                stroke={CUT}
                strokeDasharray="4 3"
                label={{ value: `${review.threshold}%`, position: 'insideBottomLeft', fontSize: 10, fill: CUT }}
              />
              <Line dataKey="pct" stroke={LINE} strokeWidth={2} dot isAnimationActive={false} />
            </LineChart>
          </div>
        }
        table={
          <div className="table-wrap att-chart-table">
            <table className="data compact" aria-label="Attendance per session">
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col" className="num">
                    Present
                  </th>
                  <th scope="col" className="num">
                    Late
                  </th>
                  <th scope="col" className="num">
                    Absent
                  </th>
                  <th scope="col" className="num">
                    Excused
                  </th>
                  <th scope="col" className="num">
                    Rate
                  </th>
                </tr>
              </thead>
              <tbody>
                {review.perSession.map((s) => (
                  <tr key={s.sessionId}>
                    <th scope="row">{formatDay(s.date)}</th>
                    <td className="num">{s.counts.present}</td>
                    <td className="num">{s.counts.late}</td>
                    <td className="num">{s.counts.absent}</td>
                    <td className="num">{s.counts.excused}</td>
                    <td className="num">{s.rate === null ? 'roll not taken' : `${Math.round(s.rate * 100) / 100}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
      <ChartPanel
        className="att-chart"
        title="Spread of student attendance rates"
        fileName="attendance-rates.png"
        chart={
          <CountBars
            data={spread}
            x="label"
            y="count"
            label="text"
            width={560}
            fontSize={10}
            fill={LINE}
            description={`Bar chart of students per attendance rate: ${review.spread.map((b) => `${b.label} ${b.count}`).join(', ')}`}
          />
        }
        table={
          <table className="data compact" aria-label="Students per attendance rate">
            <thead>
              <tr>
                <th scope="col">Rate</th>
                <th scope="col" className="num">
                  Students
                </th>
              </tr>
            </thead>
            <tbody>
              {review.spread.map((b) => (
                <tr key={b.label}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{b.count}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={2} className="muted">
                  {plural(counted, 'student')} with a rate{review.noRate ? `; ${review.noRate} without one yet` : ''}
                </td>
              </tr>
            </tfoot>
          </table>
        }
      />
      <section aria-labelledby="att-below-title" className="panel">
        <h3 id="att-below-title">Below {review.threshold}%</h3>
        {review.below.length === 0 ? (
          <p className="muted">No student is below the threshold.</p>
        ) : (
          <table className="data compact" aria-label={`Students below ${review.threshold}%`}>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col" className="num">
                  Rate
                </th>
              </tr>
            </thead>
            <tbody>
              {review.below.map((b) => (
                <tr key={b.studentId}>
                  <th scope="row">{b.name}</th>
                  <td className="num">⚠ {ratePercent(b.display)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="muted">As of {formatInstant(review.asOf, timeZone)}.</p>
      </section>
    </section>
  );
}
