/**
 * Tab-separated text as Excel, LibreOffice and Google Sheets put it on the clipboard: rows end
 * with CRLF or LF (a trailing one is not an extra row), a cell holding a tab, newline or quote is
 * wrapped in double quotes with inner quotes doubled.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      i++;
      continue;
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    cell += ch;
    atCellStart = false;
    i++;
  }
  // A final line without its newline is still a row; a trailing newline adds nothing.
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const needsQuotes = /[\t\r\n"]/;

/** The inverse of parseTsv: CRLF line ends (what Excel writes), no trailing newline. */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => (needsQuotes.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join('\t')).join('\r\n');
}
