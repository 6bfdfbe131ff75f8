import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { targets } from '../../../build/bundle.mjs';
import { build } from 'esbuild';

async function bundleText(name: 'main' | 'worker' | 'preload'): Promise<string> {
  const result = await build({ ...targets[name], write: false, sourcemap: false, logLevel: 'silent' });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  if (!js) throw new Error('no output');
  return js.text;
}

const requires = (code: string) => [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);

describe('build/bundle.mjs', () => {
  it('writes the paths package.json and main.ts expect', () => {
    expect(targets.main.outfile?.split(/[\\/]/).slice(-3).join('/')).toBe('main/electron/main.js');
    expect(targets.preload.outfile?.split(/[\\/]/).slice(-3).join('/')).toBe('main/preload/preload.js');
    // off-thread.ts, bundled into main.js, starts its workers from worker.js beside it.
    expect(path.dirname(targets.worker.outfile!)).toBe(path.dirname(targets.main.outfile!));
    expect(path.basename(targets.worker.outfile!)).toBe('worker.js');
    expect(targets.main).toMatchObject({ platform: 'node', format: 'cjs', bundle: true });
    expect(targets.main.external).toEqual(expect.arrayContaining(['electron', 'better-sqlite3', 'exceljs']));
  });

  it('bundles the preload to one CJS file that only requires electron (sandbox-safe)', async () => {
    const code = await bundleText('preload');
    expect(new Set(requires(code))).toEqual(new Set(['electron']));
    expect(code).toContain('exposeInMainWorld');
    expect(code).not.toMatch(/\bimport\s/);
  }, 30_000);

  it('bundles the main process with native and heavy modules left external', async () => {
    const code = await bundleText('main');
    const deps = new Set(requires(code).filter((r) => !r!.startsWith('node:')));
    expect(deps.has('electron')).toBe(true);
    for (const d of deps)
      expect([
        'electron',
        'better-sqlite3',
        'exceljs',
        'archiver',
        'pdfmake',
        'jszip',
        'fs',
        'path',
        'os',
        'crypto',
        'http',
        'url',
        'zlib',
        'stream',
        'events',
        'util',
      ]).toContain(d);
    expect(code).not.toContain('file://');
  }, 60_000);

  it('bundles the worker thread, and bundled code runs its tasks on it', async () => {
    const code = await bundleText('worker');
    for (const d of requires(code).filter((r) => !r!.startsWith('node:')))
      expect([...builtinModules, 'better-sqlite3', 'exceljs', 'archiver', 'pdfmake', 'jszip']).toContain(d);
    expect(await bundleText('main')).toContain('worker.js');
    // The bundled off-thread runner, beside the bundled worker, as main.js and worker.js sit in
    // out/ (inside the repository, so their external modules resolve as they do there).
    fs.mkdirSync('out', { recursive: true });
    const dir = fs.mkdtempSync(path.resolve('out/bundle-test-'));
    onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
    await build({ ...targets.worker, outfile: path.join(dir, 'worker.js'), sourcemap: false, logLevel: 'silent' });
    await build({
      ...targets.main,
      entryPoints: [path.resolve('main/backend/jobs/off-thread.ts')],
      outfile: path.join(dir, 'main.js'),
      sourcemap: false,
      logLevel: 'silent',
    });
    const script = `require(${JSON.stringify(path.join(dir, 'main.js'))}).runOffThread('readSpreadsheet', { bytes: Buffer.from('Student ID,Name\\n1,"A, B"\\n'), fileName: 'c.csv' }).then((b) => console.log(JSON.stringify(b.sheets)))`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(JSON.parse(out)).toEqual([
      {
        name: 'c',
        rows: [
          ['Student ID', 'Name'],
          ['1', 'A, B'],
        ],
      },
    ]);
  }, 60_000);
});
