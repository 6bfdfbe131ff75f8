import { useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { plural } from '../../../../shared/grading';
import { exportChartsAsPng } from '../../components/charts/exportPng';
import '../../components/charts/charts.css';

const BAR = '#1f5fa8';

/** Presentations per team as bars with their counts, the table of counts beside it, and PNG export. */
export function PresentationsChart({ bars, fileName }: { bars: readonly { name: string; presented: number }[]; fileName: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const width = Math.max(320, Math.min(1000, 96 * bars.length + 60));
  return (
    <figure className="band-chart" aria-labelledby="presentations-chart-caption">
      <figcaption id="presentations-chart-caption">Presentations per team</figcaption>
      <div className="below-charts">
        <div className="charts" ref={ref}>
          <div role="img" aria-label={`Bar chart of presentations per team: ${bars.map((b) => `${b.name} ${b.presented}`).join(', ')}`}>
            <BarChart width={width} height={240} data={[...bars]} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} width={32} tick={{ fontSize: 11 }} />
              <Bar dataKey="presented" fill={BAR} isAnimationActive={false}>
                <LabelList dataKey="presented" position="top" style={{ fontSize: 11, fill: '#1d2329' }} />
              </Bar>
            </BarChart>
          </div>
        </div>
        <div>
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
          <div className="toolbar">
            <button
              type="button"
              onClick={() => {
                setExportError(null);
                if (ref.current) exportChartsAsPng(ref.current, fileName).catch((e: Error) => setExportError(e.message));
              }}
            >
              Export chart as PNG
            </button>
            {exportError && (
              <span role="alert" className="field-error">
                Export failed: {exportError}
              </span>
            )}
          </div>
        </div>
      </div>
    </figure>
  );
}
