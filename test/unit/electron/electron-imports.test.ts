import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(c|m)?(t|j)sx?$/.test(e.name) ? [full] : [];
  });
}

/** Any form of importing the 'electron' module: import/export from, import type, require, dynamic import. */
const IMPORTS_ELECTRON = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]electron(?:\/[^'"]*)?['"]/m;

const rel = (f: string) => path.relative(repo, f).split(path.sep).join('/');
const importers = (dirs: string[]) =>
  dirs.flatMap((d) => sourceFiles(path.join(repo, d))).filter((f) => IMPORTS_ELECTRON.test(fs.readFileSync(f, 'utf8')));

describe("imports of 'electron'", () => {
  it('the pattern catches every import form and ignores look-alikes', () => {
    for (const yes of [
      "import { app } from 'electron';",
      'import type { Session } from "electron";',
      "const e = require('electron');",
      "await import('electron')",
      "import 'electron';",
      "export { app } from 'electron/main';",
    ]) {
      expect(IMPORTS_ELECTRON.test(yes), yes).toBe(true);
    }
    for (const no of [
      "import x from 'electron-builder';",
      "import x from './electron';",
      '// electron shell',
      "import { x } from '../electron/channels';",
    ]) {
      expect(IMPORTS_ELECTRON.test(no), no).toBe(false);
    }
  });

  it('only main/electron and main/preload import electron, in at most 8 files', () => {
    const files = importers(['main']).map(rel);
    expect(files.length).toBeGreaterThan(0); // the scan works: main.ts and preload.ts do import it
    expect(files).toContain('main/electron/main.ts');
    expect(files).toContain('main/preload/preload.ts');
    for (const f of files) expect(f, f).toMatch(/^main\/(electron|preload)\//);
    expect(files.length, files.join('\n')).toBeLessThanOrEqual(8);
  });

  it('nothing in shared/ or renderer/ imports electron', () => {
    expect(importers(['shared', 'renderer']).map(rel)).toEqual([]);
  });

  it('the pure helpers (unit-tested under Node) do not import electron', () => {
    const pure = [
      'main/electron/channels.ts',
      'main/electron/navigation.ts',
      'main/electron/window-options.ts',
      'main/electron/window-state.ts',
      'main/electron/menu-template.ts',
      'main/electron/app-protocol.ts',
      'main/electron/ipc-handlers.ts',
      'main/electron/native-binding.ts',
      'main/preload/bridge.ts',
    ];
    for (const f of pure) {
      const text = fs.readFileSync(path.join(repo, f), 'utf8');
      expect(IMPORTS_ELECTRON.test(text), f).toBe(false);
    }
  });
});
