import { api } from '../../api/client';
import { useApp } from '../../stores/app';

/** The course at a glance: its grade weights, and what to do next when it is empty. */
export function Overview() {
  const { app, run, setCourse } = useApp();
  const course = app?.course;
  if (!course) return null;
  const loadDemo = async () => {
    const next = await run('Loading the demo class', () => api('course.loadDemo', {}));
    if (next) setCourse(next);
  };
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Gradebook</h2>
      <table className="weights" aria-label="Grade weights">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Weight</th>
          </tr>
        </thead>
        <tbody>
          {course.categories.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{c.weight}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {course.counts.students} students, {course.counts.items} items, {course.counts.scores} scores.
      </p>
      {course.counts.students === 0 && (
        <div className="empty">
          <p>No students yet. Import a class list (Excel or CSV), add a student, or try the app with a demo class.</p>
          <button type="button" onClick={() => void loadDemo()}>
            Load demo class
          </button>
        </div>
      )}
    </section>
  );
}
