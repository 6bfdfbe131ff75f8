import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * An .xlsx written by exceljs's streaming writer into memory: each row is turned into XML and
 * compressed as it is committed, so memory holds the compressed file and the row at hand, never
 * the whole workbook as cell objects. Strings are written inline (no shared-strings table kept
 * to the end); styles are on, for bold headers and number formats. `finish` commits the
 * workbook (every sheet must be done) and answers its bytes.
 */
export function streamedWorkbook(now: Date): { wb: ExcelJS.stream.xlsx.WorkbookWriter; finish: () => Promise<Uint8Array> } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Gradebook';
  wb.created = now;
  return {
    wb,
    finish: async () => {
      await wb.commit();
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}

export interface ColumnSetup {
  numFmt?: string;
  width?: number;
}

const PLAIN: Partial<ExcelJS.Style> = {};

/** A streamed sheet: every row is turned into XML and compressed as it is added. */
export class SheetWriter {
  /**
   * One style object per column, shared by all of its cells: exceljs works out a cell's style
   * once per style object (a cache keyed by the object), so sharing spares it doing so per cell.
   */
  private readonly styles: Partial<ExcelJS.Style>[];

  /** `columns` are set up before any row: a streamed sheet writes its column widths first. */
  constructor(
    readonly ws: ExcelJS.Worksheet,
    columns: readonly ColumnSetup[] = [],
  ) {
    columns.forEach(({ width }, c) => {
      if (width) ws.getColumn(c + 1).width = width;
    });
    this.styles = columns.map(({ numFmt }) => (numFmt ? { numFmt } : PLAIN));
  }

  add(cells: readonly unknown[], style?: Partial<ExcelJS.Style>): void {
    const row = this.ws.addRow(cells as unknown[]);
    row.eachCell((cell, c) => {
      const shared = this.styles[c - 1] ?? PLAIN;
      cell.style = style ? { ...shared, ...style } : shared;
    });
    row.commit();
  }

  done(): void {
    this.ws.commit();
  }
}
