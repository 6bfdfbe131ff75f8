import { describe, expect, it } from 'vitest';
import { targets } from '../../../build/bundle.mjs';
import { build } from 'esbuild';

async function bundleText(name: 'main' | 'preload'): Promise<string> {
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
});
