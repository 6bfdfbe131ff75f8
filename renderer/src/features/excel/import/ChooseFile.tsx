import type { FileBytes } from '@shared/api';
import type { ImportKind } from '@shared/screens/importWizard';
import { toFileBytes } from '../files';

const KINDS: [ImportKind, string][] = [
  ['roster', 'Class list (roster)'],
  ['scores', 'Scores for items'],
  ['canvas', 'Canvas gradebook export'],
  ['workbook', 'Full gradebook workbook'],
];

/** Step 1: what the file holds, and the file. */
export function ChooseFile({ kind, onKind, onFile }: { kind: ImportKind; onKind(k: ImportKind): void; onFile(f: FileBytes): void }) {
  return (
    <div className="excel-row">
      <label>
        What is in the file
        <select value={kind} onChange={(e) => onKind(e.target.value as ImportKind)}>
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        File (.xlsx or .csv)
        <input
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={async (e) => {
            const picked = e.target.files?.[0];
            if (picked) onFile(await toFileBytes(picked));
          }}
        />
      </label>
    </div>
  );
}
