/**
 * The class summary's charts as SVG markup at a fixed size, drawn into the PDF as vectors
 * (pdfmake's svg node), so they print crisply and their labels stay text. Every bar carries
 * its count and label in words, never colour alone.
 */
import type { BandDistribution, CutoffLine, HistogramBin } from '@shared/charts/distribution';

const W = 500;
const H = 200;
/** The top margin holds the title and three staggered rows of cut-off labels above the tallest bar. */
const PAD = { left: 30, right: 10, top: 46, bottom: 28 };
const BAR = '#4a6fa5';
const FONT = 'font-family="DejaVu" font-size="8"';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function frame(inner: string[], title: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<text x="${PAD.left}" y="10" ${FONT} font-weight="bold">${escape(title)}</text>`,
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#333" stroke-width="0.5"/>`,
    ...inner,
    '</svg>',
  ].join('');
}

/** Bars of equal width with their counts above and labels below; heights scale to the largest. */
function bars(values: readonly { label: string; count: number; note?: string }[]): string[] {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const max = Math.max(1, ...values.map((v) => v.count));
  const slot = plotW / Math.max(1, values.length);
  return values.flatMap((v, i) => {
    const h = (v.count / max) * plotH;
    const x = PAD.left + i * slot;
    const cx = x + slot / 2;
    const y = H - PAD.bottom - h;
    return [
      `<rect x="${(x + slot * 0.15).toFixed(2)}" y="${y.toFixed(2)}" width="${(slot * 0.7).toFixed(2)}" height="${h.toFixed(2)}" fill="${BAR}"/>`,
      `<text x="${cx.toFixed(2)}" y="${(y - 3).toFixed(2)}" ${FONT} text-anchor="middle">${escape(v.note ?? String(v.count))}</text>`,
      `<text x="${cx.toFixed(2)}" y="${H - PAD.bottom + 11}" ${FONT} text-anchor="middle">${escape(v.label)}</text>`,
    ];
  });
}

/** Students per letter band, highest band first, each bar with its count and share. */
export function bandChartSvg(d: BandDistribution): string {
  return frame(bars(d.bands.map((b) => ({ label: b.letter, count: b.count, note: `${b.count} (${b.percent}%)` }))), 'Students per letter');
}

/** Final percentages in bins of 10 points, with the band cut-offs as labelled dashed lines. */
export function histogramSvg(bins: readonly HistogramBin[], cutoffs: readonly CutoffLine[]): string {
  const plotW = W - PAD.left - PAD.right;
  const xOf = (pct: number) => PAD.left + (Math.min(100, Math.max(0, pct)) / 100) * plotW;
  const lines = cutoffs.flatMap((c, i) => [
    `<line x1="${xOf(c.at).toFixed(2)}" y1="${14 + (i % 3) * 9}" x2="${xOf(c.at).toFixed(2)}" y2="${H - PAD.bottom}" stroke="#b03a2e" stroke-width="0.6" stroke-dasharray="3,2"/>`,
    `<text x="${(xOf(c.at) + 2).toFixed(2)}" y="${20 + (i % 3) * 9}" ${FONT} fill="#b03a2e">${escape(c.label)}</text>`,
  ]);
  return frame([...bars(bins.map((b) => ({ label: b.label, count: b.count }))), ...lines], 'Final percentages (students per bin)');
}
