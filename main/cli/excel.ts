/**
 * Spreadsheet import/export commands, wired to main/backend/excel once it lands.
 * Each takes the course file, the other file and the flags, and writes its report with `out`.
 */
type ExcelCommand = (courseOrInput: string, other: string, flags: Record<string, string | boolean | undefined>, out: (s: string) => void) => Promise<void>;

export const EXCEL_COMMANDS: { import: Record<string, ExcelCommand>; export: Record<string, ExcelCommand> } = {
  import: {},
  export: {},
};
