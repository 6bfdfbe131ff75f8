import { ExportDialog } from './ExportDialog';
import { ImportWizard } from './ImportWizard';
import { useExcel } from './store';

/** The top bar's Import… and Export… entry points, and the dialog they open. */
export function ExcelMenu() {
  const { dialog, openImport, openExport } = useExcel();
  return (
    <>
      <button type="button" onClick={() => openImport()}>
        Import…
      </button>
      <button type="button" onClick={openExport}>
        Export…
      </button>
      {dialog === 'import' && <ImportWizard />}
      {dialog === 'export' && <ExportDialog />}
    </>
  );
}
