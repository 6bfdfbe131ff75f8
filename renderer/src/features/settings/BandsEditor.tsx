import type { BandRow } from '@shared/screens/policyForm';
import { ColumnHeads, REMOVE_COLUMN } from '../common/ColumnHeads';
import { InputCell, RemoveCell } from './cells';

/** Letter bands as editable rows: letter and lower bound (inclusive), highest first. */
export function BandsEditor({
  rows,
  onChange,
  label = 'Letter bands',
}: {
  rows: BandRow[];
  onChange: (rows: BandRow[]) => void;
  label?: string;
}) {
  const set = (i: number, patch: Partial<BandRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div>
      <table className="data compact" aria-label={label}>
        <ColumnHeads columns={['Letter', 'From (inclusive) %', REMOVE_COLUMN]} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <InputCell label={`Letter of band ${i + 1}`} value={r.letter} size={4} onText={(letter) => set(i, { letter })} />
              <InputCell
                label={`Lower bound of ${r.letter || `band ${i + 1}`}`}
                value={r.min}
                size={6}
                inputMode="decimal"
                onText={(min) => set(i, { min })}
              />
              <RemoveCell
                label={`Remove band ${r.letter || i + 1}`}
                onRemove={() => onChange(rows.filter((_, j) => j !== i))}
                disabled={rows.length <= 1}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onChange([...rows, { letter: '', min: '' }])}>
        Add band
      </button>
    </div>
  );
}
