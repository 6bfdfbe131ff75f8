import { ChartPanel, CountBars } from '../../components/charts/ChartPanel';
import { plural } from '@shared/text/words';

/** Presentations per team as bars with their counts, the table of counts beside it, and PNG export. */
export function PresentationsChart({ bars, fileName }: { bars: readonly { name: string; presented: number }[]; fileName: string }) {
  return (
    <ChartPanel
      title="Presentations per team"
      fileName={fileName}
      chart={
        <CountBars
          data={bars}
          x="name"
          y="presented"
          label="presented"
          width={Math.max(320, Math.min(1000, 96 * bars.length + 60))}
          description={`Bar chart of presentations per team: ${bars.map((b) => `${b.name} ${b.presented}`).join(', ')}`}
        />
      }
      table={
        <table className="data compact" aria-label="Presentations per team">
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="num">
                Presentations
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.name}>
                <th scope="row">{b.name}</th>
                <td className="num">{plural(b.presented, 'presentation')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
