// Bundles the Electron main process and the sandboxed preload with esbuild (after `vite build`
// has built the renderer into out/renderer). Run: node build/bundle.mjs
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Electron 45's bundled Node is newer than this; node22 keeps the output conservative.
const target = 'node22';

/** @type {Record<string, import('esbuild').BuildOptions>} */
export const targets = {
  main: {
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: path.join(root, 'out/main/electron/main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    // Native and heavy CommonJS modules stay in node_modules (asar-unpacked .node files);
    // pdfmake (pdfkit) reads its data files beside its own sources; jszip and archiver are CommonJS with Node shims.
    external: ['electron', 'better-sqlite3', 'exceljs', 'archiver', 'pdfmake', 'jszip'],
    sourcemap: 'linked',
    logLevel: 'warning',
  },
  // The worker thread that imports and exports run on (main/backend/jobs/off-thread.ts loads
  // worker.js from beside the bundled main).
  worker: {
    entryPoints: [path.join(root, 'main/backend/jobs/worker.ts')],
    outfile: path.join(root, 'out/main/electron/worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    external: ['better-sqlite3', 'exceljs', 'archiver', 'pdfmake', 'jszip'],
    sourcemap: 'linked',
    logLevel: 'warning',
  },
  preload: {
    entryPoints: [path.join(root, 'main/preload/preload.ts')],
    outfile: path.join(root, 'out/main/preload/preload.js'),
    bundle: true,
    // A sandboxed preload may only require('electron') (plus a few polyfilled modules), so
    // everything else is inlined and Node built-ins must not appear.
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    sourcemap: false,
    logLevel: 'warning',
  },
};

export async function bundle(overrides = {}) {
  const results = {};
  for (const [name, options] of Object.entries(targets)) {
    results[name] = await build({ ...options, ...(overrides[name] ?? {}) });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await bundle();
    console.log('Bundled out/main/electron/main.js, out/main/electron/worker.js and out/main/preload/preload.js');
  } catch (err) {
    console.error(`Bundling failed: ${err.message}`);
    process.exit(1);
  }
}
