import type { RosterField, RosterReport, ScoreColumnTarget, ScoreReport } from '@shared/api';
import type { ImportChoice, ImportKind, ScoreOptions } from '@shared/screens/importWizard';
import { useCourse } from '../../../stores/course';
import { CategorySelect, NONE } from './CategorySelect';

const FIELDS: [RosterField, string][] = [
  ['registrarId', 'Student ID'],
  ['name', 'Name (Last, First)'],
  ['lastName', 'Last name'],
  ['firstName', 'First name'],
  ['preferredName', 'Preferred name'],
  ['email', 'Email'],
  ['section', 'Section'],
  ['status', 'Enrolment status'],
];

/** Step 2 of a class list or score sheet: the sheet, the header row and, for scores, how to match students. */
export function SheetOptions({
  kind,
  report,
  choice,
  options,
  onChoice,
  onOptions,
  onCheck,
}: {
  kind: ImportKind;
  report: RosterReport | ScoreReport;
  choice: ImportChoice;
  options: ScoreOptions;
  onChoice(c: ImportChoice): void;
  onOptions(o: Partial<ScoreOptions>): void;
  /** Reads the file again with the options as they are now. */
  onCheck(): void;
}) {
  return (
    <div className="excel-row">
      {report.sheets.length > 1 && (
        <label>
          Sheet
          <select value={report.sheet} onChange={(e) => onChoice({ sheet: e.target.value })}>
            {report.sheets.map((s) => (
              <option key={s.name}>{s.name}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        Header row
        <input
          type="number"
          min={1}
          value={report.headerRow}
          onChange={(e) => onChoice({ ...choice, headerRow: Number(e.target.value), mapping: undefined, columns: undefined })}
        />
      </label>
      {kind === 'scores' && (
        <>
          <label>
            Match students by
            <select
              value={options.matchBy}
              onChange={(e) => onOptions({ matchBy: e.target.value as ScoreOptions['matchBy'] })}
              onBlur={onCheck}
            >
              <option value="registrarId">Registrar ID</option>
              <option value="email">Email</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={options.blankClears} onChange={(e) => onOptions({ blankClears: e.target.checked })} />
            Blank cells clear scores
          </label>
          <label className="check">
            <input type="checkbox" checked={options.skipUnknown} onChange={(e) => onOptions({ skipUnknown: e.target.checked })} />
            Skip students not in the course
          </label>
          <button type="button" onClick={onCheck}>
            Check again
          </button>
        </>
      )}
    </div>
  );
}

/** Step 2 of a class list: the field each column holds. */
export function RosterMapping({
  report,
  choice,
  onChoice,
}: {
  report: RosterReport;
  choice: ImportChoice;
  onChoice(c: ImportChoice): void;
}) {
  return (
    <table className="excel-mapping" aria-label="Column mapping">
      <thead>
        <tr>
          {report.headers.map((h, c) => (
            <th key={c}>{h || `Column ${c + 1}`}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {report.headers.map((h, c) => (
            <td key={c}>
              <select
                aria-label={`Field for column ${h || c + 1}`}
                value={report.mapping[c] ?? ''}
                onChange={(e) => {
                  const mapping = report.headers.map((_, i) => report.mapping[i] ?? null);
                  mapping[c] = (e.target.value || null) as RosterField | null;
                  onChoice({ ...choice, mapping });
                }}
              >
                <option value="">(ignore)</option>
                {FIELDS.map(([f, label]) => (
                  <option key={f} value={f}>
                    {label}
                  </option>
                ))}
              </select>
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/**
 * Step 2 of a score sheet: where each score column goes: an item of the course, a new item (name
 * from the header, in a category, with points possible), or nowhere. Changing one column sends
 * the whole mapping.
 */
export function ScoreColumns({ report, choice, onChoice }: { report: ScoreReport; choice: ImportChoice; onChoice(c: ImportChoice): void }) {
  const items = useCourse((s) => s.snapshot?.items ?? NONE).filter((i) => !i.teamGraded);
  const firstCategory = useCourse((s) => s.snapshot?.categories.find((c) => c.kind === 'items')?.id);
  const current: ScoreColumnTarget[] =
    choice.columns ??
    report.columns.filter((c) => c.action === 'matched' && c.itemId !== null).map((c) => ({ column: c.column, itemId: c.itemId! }));
  const targetOf = (column: number) => current.find((t) => t.column === column);
  const set = (column: number, target: ScoreColumnTarget | null) =>
    onChoice({ ...choice, columns: [...current.filter((t) => t.column !== column), ...(target ? [target] : [])] });
  const newItem = (column: number, header: string, patch: { categoryId?: number; pointsPossible?: number }) => {
    const old = targetOf(column);
    const was =
      old && 'create' in old
        ? old.create
        : { name: header.trim() || `Column ${column + 1}`, categoryId: firstCategory ?? 0, pointsPossible: 10 };
    set(column, { column, create: { ...was, ...patch } });
  };
  return (
    <div className="excel-summary">
      <table className="excel-preview" aria-label="Score columns">
        <thead>
          <tr>
            <th>Column</th>
            <th>Goes to</th>
            <th>New item</th>
          </tr>
        </thead>
        <tbody>
          {report.columns
            .filter((c) => c.action !== 'key')
            .map((c) => {
              const t = targetOf(c.column);
              const create = t && 'create' in t ? t.create : null;
              return (
                <tr key={c.column}>
                  <td>{c.header || `Column ${c.column + 1}`}</td>
                  <td>
                    <select
                      aria-label={`Item for column ${c.header || c.column + 1}`}
                      value={!t ? '' : 'itemId' in t ? `item:${t.itemId}` : 'new'}
                      onChange={(e) => {
                        const v = e.target.value;
                        if (v === '') set(c.column, null);
                        else if (v === 'new') newItem(c.column, c.header, {});
                        else set(c.column, { column: c.column, itemId: Number(v.slice(5)) });
                      }}
                    >
                      <option value="">(not imported)</option>
                      {items.map((i) => (
                        <option key={i.id} value={`item:${i.id}`}>
                          {i.name}
                        </option>
                      ))}
                      <option value="new">New item “{c.header.trim() || `Column ${c.column + 1}`}”</option>
                    </select>
                  </td>
                  <td>
                    {create && (
                      <span className="excel-row">
                        <CategorySelect
                          label={`Category for column ${c.header}`}
                          value={create.categoryId}
                          onChange={(categoryId) => newItem(c.column, c.header, { categoryId })}
                        />
                        <input
                          type="number"
                          min={0}
                          aria-label={`Points possible for column ${c.header}`}
                          value={create.pointsPossible}
                          onChange={(e) => newItem(c.column, c.header, { pointsPossible: Number(e.target.value) })}
                        />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {report.unmatchedRows.length > 0 && (
        <p>Rows of students not in the course: {report.unmatchedRows.map((u) => `row ${u.row} (${u.key})`).join(', ')}</p>
      )}
    </div>
  );
}
