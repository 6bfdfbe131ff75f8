import { importSummary, previewErrors, type ImportKind, type ImportReport } from '@shared/screens/importWizard';

/** Step 5: import as one undoable step, allowed once a preview has no errors and nothing is running. */
export function Confirm({
  kind,
  report,
  busy,
  onClose,
  onImport,
}: {
  kind: ImportKind;
  report: ImportReport | null;
  busy: boolean;
  onClose(): void;
  onImport(): void;
}) {
  return (
    <div className="excel-actions">
      <button type="button" onClick={onClose}>
        Close
      </button>
      <button type="button" className="primary" disabled={!report || previewErrors(report) > 0 || busy} onClick={onImport}>
        {report ? `Import (${importSummary(kind, report)})` : 'Import'}
      </button>
    </div>
  );
}
