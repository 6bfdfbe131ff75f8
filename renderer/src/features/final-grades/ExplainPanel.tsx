import type { StudentResult, View } from '@shared/grading';
import { inclusionText } from '@shared/grading/explain';
import { fmtPoints } from '@shared/grading/format';
import { ColumnHeads } from '../common/ColumnHeads';

/** The engine's trail for one student: items (counted or dropped), penalties, weights, rounding, band. */
export function ExplainPanel({ name, result, view, onReport }: { name: string; result: StudentResult; view: View; onReport: () => void }) {
  const lines = result.explanation.filter((l) => !('view' in l) || l.view === view);
  return (
    <section className="panel explain" aria-labelledby="explain-title">
      <div className="toolbar">
        <h3 id="explain-title">Explain: {name}</h3>
        <span className="spacer" />
        <button type="button" onClick={onReport}>
          Print report…
        </button>
      </div>
      <ol aria-label="How the grade was computed" className="trail">
        {lines.map((l, i) => (
          <li key={i} className={`line-${l.kind}`}>
            {l.text}
          </li>
        ))}
      </ol>
      <div className="table-wrap">
        <table className="data" aria-label={`Items of ${name}`}>
          <ColumnHeads
            columns={[
              'Item',
              { label: 'Entered', num: true },
              { label: 'Counts as', num: true },
              { label: 'Possible', num: true },
              'In this view',
              'Why',
            ]}
          />
          <tbody>
            {result.items.map((it) => (
              <tr key={it.itemId} className={it[view] === 'counted' ? undefined : 'dim'}>
                <td>{it.name}</td>
                <td className="num">{it.raw === null ? '' : fmtPoints(it.raw)}</td>
                <td className="num">{it.effective === null ? '' : fmtPoints(it.effective)}</td>
                <td className="num">{fmtPoints(it.possible)}</td>
                <td>{inclusionText(it, view)}</td>
                <td>{it.why.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
