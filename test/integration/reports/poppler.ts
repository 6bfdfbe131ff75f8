import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The text of a PDF as Poppler reads it (reading order, no layout), whitespace collapsed. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Page 1 as a PNG beside the PDF (look at it), answered as its path. */
export function firstPagePng(file: string, dpi = 80): string {
  const stem = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, stem]);
  return `${stem}.png`;
}

export const pageCount = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

export function writeWire(dir: string, f: { name: string; data: string }): string {
  const out = path.join(dir, f.name);
  fs.writeFileSync(out, Buffer.from(f.data, 'base64'));
  return out;
}
