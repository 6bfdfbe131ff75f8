import { create } from 'zustand';

export type ImportKind = 'roster' | 'scores' | 'canvas' | 'workbook';

interface ExcelUi {
  dialog: 'import' | 'export' | null;
  kind: ImportKind;
  openImport(kind?: ImportKind): void;
  openExport(): void;
  close(): void;
}

/** Which Excel dialog is open; any screen can open the import wizard (e.g. the empty roster). */
export const useExcel = create<ExcelUi>((set) => ({
  dialog: null,
  kind: 'roster',
  openImport: (kind = 'roster') => set({ dialog: 'import', kind }),
  openExport: () => set({ dialog: 'export' }),
  close: () => set({ dialog: null }),
}));
