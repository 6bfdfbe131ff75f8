import type { StudentResult, View } from '../../../../shared/grading';
import { fmtPoints } from '../../../../shared/grading/format';

const INCLUSION: Record<string, string> = { counted: 'counted', dropped: 'dropped', excluded: 'not counted' };

/** The engine's trail for one student: items (counted or dropped), penalties, weights, rounding, band. */
export function ExplainPanel({ name, result, view }: { name: string; result: StudentResult; view: View }) {
  const lines = result.explanation.filter((l) => !('view' in l) || l.view === view);
  return (
    <section className="panel explain" aria-labelledby="explain-title">
      <h3 id="explain-title">Explain: {name}</h3>
      <ol aria-label="How the grade was computed" className="trail">
        {lines.map((l, i) => (
          <li key={i} className={`line-${l.kind}`}>
            {l.text}
          </li>
        ))}
      </ol>
      <div className="table-wrap">
        <table className="data" aria-label={`Items of ${name}`}>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className="num">
                Entered
              </th>
              <th scope="col" className="num">
                Counts as
              </th>
              <th scope="col" className="num">
                Possible
              </th>
              <th scope="col">In this view</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((it) => (
              <tr key={it.itemId} className={it[view] === 'counted' ? undefined : 'dim'}>
                <td>{it.name}</td>
                <td className="num">{it.raw === null ? '' : fmtPoints(it.raw)}</td>
                <td className="num">{it.effective === null ? '' : fmtPoints(it.effective)}</td>
                <td className="num">{fmtPoints(it.possible)}</td>
                <td>{INCLUSION[it[view]]}</td>
                <td>{it.why.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
