import { useRef, useState, type ReactNode, type RefObject } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { exportChartsAsPng } from './exportPng';
import './charts.css';

export const BAR = '#1f5fa8';

/** Saves the charts inside `target` as one PNG; a failure is said beside the button. */
export function ExportPngButton({ target, fileName }: { target: RefObject<HTMLDivElement | null>; fileName: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="toolbar">
      <button
        type="button"
        onClick={() => {
          setError(null);
          if (target.current) exportChartsAsPng(target.current, fileName).catch((e: Error) => setError(e.message));
        }}
      >
        Export chart as PNG
      </button>
      {error && (
        <span role="alert" className="field-error">
          Export failed: {error}
        </span>
      )}
    </div>
  );
}

/** A chart beside its table of numbers (the text alternative), with PNG export like the band chart. */
export function ChartPanel({
  title,
  fileName,
  chart,
  table,
  className,
}: {
  title: string;
  fileName: string;
  chart: ReactNode;
  table: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  return (
    <figure className={className ? `band-chart ${className}` : 'band-chart'}>
      <figcaption>{title}</figcaption>
      <div className="below-charts">
        <div className="charts" ref={ref}>
          {chart}
        </div>
        <div>
          {table}
          <ExportPngButton target={ref} fileName={fileName} />
        </div>
      </div>
    </figure>
  );
}

/** Bars of counts with each bar's label on top, described in words for screen readers. */
export function CountBars({
  data,
  x,
  y,
  label,
  description,
  width,
  height = 240,
  fill = BAR,
  fontSize = 11,
}: {
  data: readonly object[];
  /** The fields of each datum: its category, its count and the label drawn on its bar. */
  x: string;
  y: string;
  label: string;
  description: string;
  width: number;
  height?: number;
  fill?: string;
  fontSize?: number;
}) {
  return (
    <div role="img" aria-label={description}>
      <BarChart width={width} height={height} data={[...data]} margin={{ top: 24, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={x} interval={0} tick={{ fontSize }} />
        <YAxis allowDecimals={false} width={32} tick={{ fontSize: 11 }} />
        <Bar dataKey={y} fill={fill} isAnimationActive={false}>
          <LabelList dataKey={label} position="top" style={{ fontSize: 10, fill: '#1d2329' }} />
        </Bar>
      </BarChart>
    </div>
  );
}
