import Papa from 'papaparse';

/**
 * Tab-separated text as Excel, LibreOffice and Google Sheets put it on the clipboard: rows end
 * with CRLF or LF (a trailing one is not an extra row), a cell holding a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled. Papaparse detects the one line ending used
 * throughout the text (spreadsheets never mix them) and drops a leading byte-order mark.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows = Papa.parse<string[]>(text, { delimiter: '\t', quoteChar: '"', skipEmptyLines: false }).data;
  // A final line without its newline is still a row; a trailing newline adds nothing.
  const last = rows[rows.length - 1];
  if (/[\r\n]$/.test(text) && last?.length === 1 && last[0] === '') rows.pop();
  return rows;
}

/**
 * The inverse of parseTsv: CRLF line ends (what Excel writes), no trailing newline. Papaparse also
 * quotes a cell with a leading or trailing space, which spreadsheets and parseTsv read back unchanged.
 */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return Papa.unparse(rows as string[][], { delimiter: '\t', quoteChar: '"', newline: '\r\n', quotes: false });
}
