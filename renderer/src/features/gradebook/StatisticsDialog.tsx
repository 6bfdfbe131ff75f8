import { categoryStatistics, itemStatistics } from '@shared/charts/stats';
import { extraCreditNote, leftOutText, statLines, type StatUnit } from '@shared/screens/statistics';
import { ChartPanel, CountBars } from '../../components/charts/ChartPanel';
import { useGradebook } from '../../stores/gradebook';
import { Dialog } from '../common/Dialog';
import { VIEW_WORDS } from './columns';
import { useStatistics } from './StatsButton';

/**
 * Count, mean, median, SD, lowest and highest of the open column, over the grid's live results
 * (the engine's, recomputed as scores are typed), with a histogram and its table of counts.
 */
export function StatisticsDialog() {
  const target = useStatistics((s) => s.target);
  const show = useStatistics((s) => s.show);
  const snapshot = useGradebook((s) => s.snapshot);
  const rows = useGradebook((s) => s.rows);
  const view = useGradebook((s) => s.view);
  if (!target || !snapshot) return null;
  const entries = [...rows.values()];
  const item = target.kind === 'item' ? snapshot.items.find((i) => i.id === target.id) : undefined;
  const category = target.kind === 'category' ? snapshot.categories.find((c) => c.id === target.id) : undefined;
  if (!item && !category) return null;
  const unit: StatUnit = item ? 'points' : 'percent';
  const stats = item ? itemStatistics(entries, item) : categoryStatistics(entries, category!.id, view);
  const name = item?.name ?? `${category!.name} %`;
  const left = leftOutText(stats, unit);
  const extra = item ? extraCreditNote(stats, item.pointsPossible) : null;
  const close = () => show(null);
  return (
    <Dialog title={`Statistics for ${name}`} onClose={close} wide>
      <p className="muted">
        {item
          ? `Effective scores out of ${item.pointsPossible} (after late penalties and adjustments; missing work past due as the engine scores it), every enrolled student whatever the filters show.`
          : `Category percentages in the ${VIEW_WORDS[view]}, every enrolled student whatever the filters show.`}{' '}
        The standard deviation divides by the number counted: the class is the whole group, not a sample.
      </p>
      <table className="data compact gb-stats-table" aria-label={`Figures for ${name}`}>
        <tbody>
          {statLines(stats, unit).map((l) => (
            <tr key={l.label}>
              <th scope="row">{l.label}</th>
              <td className="num">{l.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {left && <p className="muted">{left}</p>}
      {extra && <p className="muted">{extra}</p>}
      {stats.bins.length > 0 && stats.count > 0 && (
        <ChartPanel
          title={item ? 'Scores as a percentage of points possible' : 'Category percentages'}
          fileName={`${name.replace(/[^\p{L}\p{N}_-]+/gu, '-')}-histogram.png`}
          chart={
            <CountBars
              data={stats.bins}
              x="label"
              y="count"
              label="count"
              width={420}
              height={200}
              fontSize={9}
              description={`Bar chart of ${unit === 'points' ? 'scores' : 'students'} per 10-point band: ${stats.bins.map((b) => `${b.label}% ${b.count}`).join(', ')}`}
            />
          }
          table={
            <table className="data compact" aria-label={`Counts per band for ${name}`}>
              <thead>
                <tr>
                  <th scope="col">Percent</th>
                  <th scope="col" className="num">
                    Count
                  </th>
                </tr>
              </thead>
              <tbody>
                {stats.bins.map((b) => (
                  <tr key={b.label}>
                    <th scope="row">{b.label}</th>
                    <td className="num">{b.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      <div className="row end">
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
