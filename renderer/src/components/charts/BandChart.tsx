import { useRef, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { BandDistribution, CutoffLine, HistogramBin } from '@shared/charts/distribution';
import { staggerRows } from '@shared/charts/labels';
import { CountBars, ExportPngButton } from './ChartPanel';
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

const HIST = '#5f8fc7';
const CUT = '#b3261e';
const HIST_WIDTH = 560;
const Y_AXIS = 32;
const RIGHT = 16;
/** Pixels per percentage point along the histogram's x axis. */
const PX = (HIST_WIDTH - Y_AXIS - RIGHT) / 100;
const LABEL_FONT = 10;
const LABEL_ROW = 12;

/**
 * The letter-band bars (course band order, count and share on each bar) beside a histogram of
 * final percentages with the band cut-offs as labelled lines, plus the table of counts as the
 * text alternative. Pure presentation: the numbers come from shared/charts.
 */
export function BandChart({ distribution, bins, cutoffs, caption, fileName, children }: BandChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const bands = distribution.bands.map((b) => ({ ...b, label: b.count ? `${b.count} (${b.percent}%)` : '0' }));
  const hist = bins.map((b) => ({ ...b, mid: (b.from + b.to) / 2 }));
  const width = bins.length ? 100 / bins.length : 5;
  // Close cut-offs (A 93, A- 90) get their letters on staggered rows instead of on top of each other.
  const rows = staggerRows(cutoffs.map((c) => ({ at: c.at * PX, width: c.letter.length * 7 + 2 })));
  const labelRows = Math.max(1, ...rows.map((r) => r + 1));

  return (
    <figure className="band-chart" aria-labelledby="band-chart-caption">
      <figcaption id="band-chart-caption">{caption}</figcaption>
      <div className="charts" ref={ref}>
        <CountBars
          data={bands}
          x="letter"
          y="count"
          label="label"
          width={460}
          height={260}
          fontSize={12}
          description={`Bar chart of students per letter band: ${bands.map((b) => `${b.letter} ${b.count}`).join(', ')}`}
        />
        <div role="img" aria-label={`Histogram of final percentages with cut-offs at ${cutoffs.map((c) => c.label).join(', ')}`}>
          <BarChart
            width={HIST_WIDTH}
            height={260}
            data={hist}
            margin={{ top: 8 + labelRows * LABEL_ROW, right: RIGHT, bottom: 8, left: 0 }}
            barCategoryGap={1}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="mid"
              type="number"
              domain={[0, 100]}
              ticks={[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]}
              tick={{ fontSize: 11 }}
              unit="%"
            />
            <YAxis allowDecimals={false} width={Y_AXIS} tick={{ fontSize: 11 }} />
            <Bar dataKey="count" fill={HIST} isAnimationActive={false} barSize={Math.max(2, (500 / 100) * width - 2)} />
            {cutoffs.map((c, i) => (
              <ReferenceLine
                key={c.letter}
                x={c.at}
                stroke={CUT}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
                label={({ viewBox }: { viewBox?: { x: number; y: number } }) =>
                  viewBox ? (
                    <text
                      className="cutoff-label"
                      x={viewBox.x}
                      y={viewBox.y - 4 - rows[i]! * LABEL_ROW}
                      textAnchor="middle"
                      fontSize={LABEL_FONT}
                      fill={CUT}
                    >
                      {c.letter}
                    </text>
                  ) : null
                }
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
          <ExportPngButton target={ref} fileName={fileName} />
        </div>
        {children}
      </div>
    </figure>
  );
}
