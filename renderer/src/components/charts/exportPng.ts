/**
 * Draws the chart SVGs inside `root` side by side on a white canvas and downloads a PNG.
 * SVG → image → canvas keeps it offline and dependency-free; the SVGs are self-contained
 * (recharts writes its styles as attributes), so the picture matches the screen.
 */
export async function exportChartsAsPng(root: HTMLElement, fileName: string): Promise<void> {
  const svgs = [...root.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
  if (svgs.length === 0) throw new Error('There is no chart to export yet.');
  const images = await Promise.all(svgs.map(toImage));
  const gap = 24;
  const width = images.reduce((w, i) => w + i.width, 0) + gap * (images.length + 1);
  const height = Math.max(...images.map((i) => i.height)) + gap * 2;
  const scale = 2; // a crisp picture for slides and reports
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the chart to an image.');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  let x = gap;
  for (const img of images) {
    ctx.drawImage(img.image, x, gap, img.width, img.height);
    x += img.width + gap;
  }
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

async function toImage(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.style.fontFamily = getComputedStyle(svg).fontFamily;
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('The chart could not be turned into an image.'));
    image.src = url;
  });
  return { image, width: box.width, height: box.height };
}
