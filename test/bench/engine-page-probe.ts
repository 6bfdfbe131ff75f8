/**
 * The engine bench's page side (engine-chromium.ts loads this bundle into a fresh headless
 * Chromium): the first full recompute after opening, where the app runs it, in the renderer.
 */
import { computePrepared, preparePacked } from '@shared/grading';
import type { PackedSnapshot } from '@shared/model';

export interface PageFigures {
  readonly prepareMs: number;
  /** preparePacked + computePrepared, the first in this page (wall time of the page's thread). */
  readonly firstMs: number;
}

(globalThis as { firstRecompute?: (json: string) => PageFigures }).firstRecompute = (json) => {
  const snapshot = JSON.parse(json) as PackedSnapshot;
  const t0 = performance.now();
  const prepared = preparePacked(snapshot);
  const t1 = performance.now();
  computePrepared(prepared, { asOf: '2025-06-01T00:00:00Z' });
  return { prepareMs: t1 - t0, firstMs: performance.now() - t0 };
};
