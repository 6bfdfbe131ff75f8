import type { ImportProblem } from '@shared/api';

/** Every problem of a file with its place, as a table the instructor can work through. */
export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <table className="excel-problems" aria-label="Problems in the file">
      <thead>
        <tr>
          <th>Sheet</th>
          <th>Row</th>
          <th>Column</th>
          <th>Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, 200).map((p, i) => (
          <tr key={i} className={p.severity}>
            <td>{p.sheet ?? ''}</td>
            <td>{p.row ?? ''}</td>
            <td>{p.column ?? ''}</td>
            <td>
              {p.severity === 'warning' ? 'Warning: ' : ''}
              {p.message}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
