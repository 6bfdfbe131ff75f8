import { useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { BandDistribution, CutoffLine, HistogramBin } from '../../../../shared/charts/distribution';
import { exportChartsAsPng } from './exportPng';
import './charts.css';

export interface BandChartProps {
  distribution: BandDistribution;
  bins: readonly HistogramBin[];
  cutoffs: readonly CutoffLine[];
  /** Shown above the charts, e.g. "Preview of unsaved cut-offs". */
  caption: string;
  fileName: string;
  /** Shown beside the table of counts (e.g. the cut-off preview editor). */
  children?: ReactNode;
}

const BAR = '#1f5fa8';
const HIST = '#5f8fc7';
const CUT = '#b3261e';

/**
 * The letter-band bars (course band order, count and share on each bar) beside a histogram of
 * final percentages with the band cut-offs as labelled lines, plus the table of counts as the
 * text alternative. Pure presentation: the numbers come from shared/charts.
 */
export function BandChart({ distribution, bins, cutoffs, caption, fileName, children }: BandChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const bands = distribution.bands.map((b) => ({ ...b, label: b.count ? `${b.count} (${b.percent}%)` : '0' }));
  const hist = bins.map((b) => ({ ...b, mid: (b.from + b.to) / 2 }));
  const width = bins.length ? 100 / bins.length : 5;

  return (
    <figure className="band-chart" aria-labelledby="band-chart-caption">
      <figcaption id="band-chart-caption">{caption}</figcaption>
      <div className="charts" ref={ref}>
        <div role="img" aria-label={`Bar chart of students per letter band: ${bands.map((b) => `${b.letter} ${b.count}`).join(', ')}`}>
          <BarChart width={460} height={260} data={bands} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="letter" interval={0} tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 11 }} />
            <Bar dataKey="count" fill={BAR} isAnimationActive={false}>
              <LabelList dataKey="label" position="top" style={{ fontSize: 10, fill: '#1d2329' }} />
            </Bar>
          </BarChart>
        </div>
        <div role="img" aria-label={`Histogram of final percentages with cut-offs at ${cutoffs.map((c) => c.label).join(', ')}`}>
          <BarChart width={560} height={260} data={hist} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} barCategoryGap={1}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="mid"
              type="number"
              domain={[0, 100]}
              ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]}
              tick={{ fontSize: 11 }}
              unit="%"
            />
            <YAxis allowDecimals={false} width={32} tick={{ fontSize: 11 }} />
            <Bar dataKey="count" fill={HIST} isAnimationActive={false} barSize={Math.max(2, (500 / 100) * width - 2)} />
            {cutoffs.map((c, i) => (
              <ReferenceLine
                key={c.letter}
                x={c.at}
                stroke={CUT}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
                label={{ value: c.letter, position: i % 2 ? 'insideTopLeft' : 'top', fontSize: 10, fill: CUT }}
              />
            ))}
          </BarChart>
        </div>
      </div>
      <div className="below-charts">
        <div>
          <table className="data compact" aria-label="Band distribution">
            <thead>
              <tr>
                <th scope="col">Letter</th>
                <th scope="col">From</th>
                <th scope="col" className="num">
                  Students
                </th>
                <th scope="col" className="num">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {distribution.bands.map((b) => (
                <tr key={b.letter}>
                  <th scope="row">{b.letter}</th>
                  <td>{b.min}</td>
                  <td className="num">{b.count}</td>
                  <td className="num">{b.percent}%</td>
                </tr>
              ))}
            </tbody>
            {(distribution.ungraded > 0 || distribution.other > 0) && (
              <tfoot>
                <tr>
                  <td colSpan={4} className="muted">
                    {[
                      distribution.ungraded ? `${distribution.ungraded} without a grade yet` : null,
                      distribution.other ? `${distribution.other} with a letter outside these bands` : null,
                    ]
                      .filter(Boolean)
                      .join('; ')}
                  </td>
                </tr>
              </tfoot>
            )}
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
        {children}
      </div>
    </figure>
  );
}
