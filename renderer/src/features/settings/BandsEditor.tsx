import type { BandRow } from '../../../../shared/screens/policyForm';

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
        <thead>
          <tr>
            <th scope="col">Letter</th>
            <th scope="col">From (inclusive) %</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input
                  aria-label={`Letter of band ${i + 1}`}
                  value={r.letter}
                  size={4}
                  onChange={(e) => set(i, { letter: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`Lower bound of ${r.letter || `band ${i + 1}`}`}
                  value={r.min}
                  size={6}
                  inputMode="decimal"
                  onChange={(e) => set(i, { min: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove band ${r.letter || i + 1}`}
                  onClick={() => onChange(rows.filter((_, j) => j !== i))}
                  disabled={rows.length <= 1}
                >
                  ×
                </button>
              </td>
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
