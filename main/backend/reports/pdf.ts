/**
 * The one place a document definition becomes PDF bytes: pdfmake (pdfkit underneath) with
 * DejaVu Sans embedded, which covers accented Latin, Greek and Cyrillic names. Nothing is
 * fetched: URLs are refused and only the bundled font files may be read.
 */
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const FONT_DIR = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
const font = (file: string) => path.join(FONT_DIR, file);

let ready = false;
function setUp(): void {
  if (ready) return;
  pdfmake.setFonts({
    DejaVu: {
      normal: font('DejaVuSans.ttf'),
      bold: font('DejaVuSans-Bold.ttf'),
      italics: font('DejaVuSans-Oblique.ttf'),
      bolditalics: font('DejaVuSans-BoldOblique.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONT_DIR);
  ready = true;
}

/** Parts of one document, each starting on a new page (one student each, or the summary). */
export function documentOf(title: string, parts: readonly Content[][], footer: string): TDocumentDefinitions {
  return {
    info: { title, creator: 'Gradebook' },
    pageSize: 'LETTER',
    pageMargins: [40, 40, 40, 44],
    defaultStyle: { font: 'DejaVu', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 10, color: '#444' },
      title: { fontSize: 16, bold: true, margin: [0, 2, 0, 2] },
      grade: { fontSize: 12, bold: true, margin: [0, 4, 0, 2] },
      h2: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
      h3: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 1] },
      small: { fontSize: 8, color: '#444' },
    },
    content: parts.map((p, i) => (i === 0 ? p : [{ text: '', pageBreak: 'before' } as Content, ...p])),
    footer: (page, pages) => ({
      columns: [
        { text: footer, style: 'small' },
        { text: `Page ${page} of ${pages}`, style: 'small', alignment: 'right' },
      ],
      margin: [40, 14, 40, 0],
    }),
  };
}

export async function renderPdf(doc: TDocumentDefinitions): Promise<Uint8Array> {
  setUp();
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
