/**
 * The Electron binary cannot run here, so the bundled main process is loaded under Node with a
 * fake 'electron' module: this checks the wiring (guards installed before ready, protocol with
 * CSP, hardened window on app://, IPC sender check, permission denial, a course opened in
 * userData/courses) that the pure-function tests cannot see.
 */
import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targets } from '../../../build/bundle.mjs';

type Fn = (...args: any[]) => any;
class FakeContents {
  events: Record<string, Fn[]> = {};
  openHandler?: Fn;
  sent: unknown[][] = [];
  on(e: string, f: Fn) {
    (this.events[e] ??= []).push(f);
    return this;
  }
  once(e: string, f: Fn) {
    return this.on(e, f);
  }
  setWindowOpenHandler(f: Fn) {
    this.openHandler = f;
  }
  send(...a: unknown[]) {
    this.sent.push(a);
  }
  isLoading() {
    return false;
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gb-main-wiring-'));
const calls: string[] = [];
const ipcHandlers: Record<string, Fn> = {};
const appEvents: Record<string, Fn> = {};
const windows: any[] = [];
let protocolHandler: Fn | undefined;
let privileged: unknown;
let readyResolve: () => void = () => {};
const ready = new Promise<void>((r) => (readyResolve = r));
const paths: Record<string, string> = { appData: path.join(tmp, 'appData') };
const ses: Record<string, Fn> = {};

class BrowserWindow {
  webContents = new FakeContents();
  url = '';
  constructor(readonly options: any) {
    windows.push(this);
  }
  static getAllWindows = () => windows;
  static getFocusedWindow = () => windows[0] ?? null;
  static fromWebContents = () => windows[0] ?? null;
  maximize() {}
  once() {}
  on() {}
  loadURL(u: string) {
    this.url = u;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  focus() {}
}

const fakeElectron = {
  app: {
    isPackaged: false,
    setName: (n: string) => calls.push(`setName:${n}`),
    getPath: (k: string) => paths[k],
    setPath: (k: string, v: string) => (paths[k] = v),
    getAppPath: () => path.join(tmp, 'app'),
    enableSandbox: () => calls.push(`enableSandbox:${appEvents.ready === undefined && !isReady}`),
    on: (e: string, f: Fn) => (appEvents[e] = f),
    whenReady: () => ready,
    isReady: () => isReady,
    requestSingleInstanceLock: () => (calls.push('singleInstanceLock'), true),
    quit: () => calls.push('quit'),
    exit: (c: number) => calls.push(`exit:${c}`),
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown) => {
      privileged = s;
      calls.push(`privileged:beforeReady=${!isReady}`);
    },
    handle: (scheme: string, f: Fn) => {
      calls.push(`handle:${scheme}`);
      protocolHandler = f;
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (f: Fn) => (ses.request = f),
      setPermissionCheckHandler: (f: Fn) => (ses.check = f),
      setDevicePermissionHandler: (f: Fn) => (ses.device = f),
      on: (e: string, f: Fn) => (ses[e] = f),
    },
  },
  shell: { openExternal: async (u: string) => calls.push(`openExternal:${u}`) },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
  },
  ipcMain: { handle: (c: string, f: Fn) => (ipcHandlers[c] = f) },
  dialog: {
    showErrorBox: (t: string, m: string) => calls.push(`errorBox:${t}:${m}`),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async (_w: unknown, o: { defaultPath: string }) => ({ canceled: false, filePath: o.defaultPath }),
  },
  BrowserWindow,
  Menu: { buildFromTemplate: (t: unknown[]) => t, setApplicationMenu: (m: unknown[]) => (menu = m) },
};
let isReady = false;
let menu: any[] = [];

const trusted = { senderFrame: { url: 'app://gradebook/index.html', parent: null }, sender: {} };
const savedDataDir = process.env.GRADEBOOK_DATA_DIR;
const originalLoad = (Module as any)._load;

beforeAll(async () => {
  delete process.env.GRADEBOOK_DATA_DIR;
  // Lay out out/main/electron/main.js (with the worker.js it starts) and out/renderer as the real build does.
  const out = path.join(tmp, 'app', 'out');
  fs.mkdirSync(path.join(out, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  // node_modules beside out/, as in the packaged app (the report fonts are resolved from there).
  fs.symlinkSync(path.resolve(__dirname, '../../../node_modules'), path.join(tmp, 'app', 'node_modules'), 'dir');
  const outfile = path.join(out, 'main', 'electron', 'main.js');
  await build({ ...targets.main, outfile, sourcemap: false, logLevel: 'silent' });
  await build({ ...targets.worker, outfile: path.join(path.dirname(outfile), 'worker.js'), sourcemap: false, logLevel: 'silent' });
  // The bundle's external modules (better-sqlite3, exceljs, pdfmake...) come from this repo's node_modules.
  const repoRequire = Module.createRequire(path.resolve(__dirname, '../../../package.json'));
  const external = (targets.main.external ?? []).filter((m) => m !== 'electron');
  (Module as any)._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return fakeElectron;
    if (external.some((m) => request === m || request.startsWith(`${m}/`)))
      return originalLoad.call(this, repoRequire.resolve(request), ...rest);
    return originalLoad.call(this, request, ...rest);
  };
  Module.createRequire(outfile)(outfile);
  expect(calls).not.toContain('quit');
  isReady = true;
  readyResolve();
  for (let i = 0; i < 100 && windows.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
}, 60_000);

afterAll(() => {
  (Module as any)._load = originalLoad;
  appEvents['will-quit']?.();
  if (savedDataDir === undefined) delete process.env.GRADEBOOK_DATA_DIR;
  else process.env.GRADEBOOK_DATA_DIR = savedDataDir;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('main process wiring (bundled main.js, fake electron)', () => {
  it('registers the privileged app scheme, the sandbox and the single-instance lock before ready', () => {
    expect(calls).toContain('privileged:beforeReady=true');
    expect(calls).toContain('enableSandbox:true');
    expect(calls).toContain('singleInstanceLock');
    expect(privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(appEvents['web-contents-created']).toBeTypeOf('function');
    expect(appEvents['second-instance']).toBeTypeOf('function');
  });

  it('opens one hardened window on app://gradebook, with the bundled preload', () => {
    expect(windows).toHaveLength(1);
    const w = windows[0];
    expect(w.url).toBe('app://gradebook/index.html');
    expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(w.options.webPreferences.preload).toBe(path.join(tmp, 'app', 'out', 'main', 'preload', 'preload.js'));
  });

  it('serves the renderer over app:// with the CSP header', async () => {
    expect(calls).toContain('handle:app');
    const res: Response = await protocolHandler!(new Request('app://gradebook/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await protocolHandler!(new Request('app://gradebook/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    ses.request!({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(ses.check!({}, 'clipboard-read', 'app://gradebook', {})).toBe(false);
    expect(ses.device!({})).toBe(false);
  });

  it('guards every new web contents', () => {
    const wc = new FakeContents();
    appEvents['web-contents-created']!({}, wc);
    let prevented = 0;
    const ev = { preventDefault: () => prevented++ };
    wc.events['will-navigate']![0]!(ev, 'app://gradebook/index.html');
    expect(prevented).toBe(0);
    wc.events['will-navigate']![0]!(ev, 'file:///etc/passwd');
    wc.events['will-redirect']![0]!(ev, 'http://evil.example/');
    wc.events['will-attach-webview']![0]!(ev, {}, {});
    expect(prevented).toBe(3);
    expect(wc.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(wc.openHandler!({ url: 'app://gradebook/index.html' })).toEqual({ action: 'deny' });
    expect(calls.filter((c) => c.startsWith('openExternal:'))).toEqual(['openExternal:https://example.org/']);
  });

  it('answers API calls from the app frame only, with a course opened in userData/courses', async () => {
    const state = await ipcHandlers['gradebook:invoke']!(trusted, 'app.state', {});
    expect(state.ok).toBe(true);
    expect(state.value.dataDir).toBe(path.join(tmp, 'appData', 'Gradebook', 'courses'));
    expect(state.value.course).not.toBeNull();
    await expect(
      ipcHandlers['gradebook:invoke']!({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'app.state', {}),
    ).rejects.toThrow(/untrusted/);
    await expect(ipcHandlers['gradebook:choose-save-path']!({ senderFrame: null }, 'x', 'csv')).rejects.toThrow(/untrusted/);
    expect(await ipcHandlers['gradebook:choose-save-path']!(trusted, 'Fall', 'csv')).toBe(
      path.join(tmp, 'appData', 'Gradebook', 'courses', 'Fall.csv'),
    );
  });

  it('installs the menu with the recent course, and menu clicks reach the renderer', () => {
    const file = menu.find((m) => m.id === 'file');
    const recent = file.submenu.find((i: any) => i.id === 'file.recent').submenu;
    expect(recent[0].label).toMatch(/IE 7374/);
    file.submenu.find((i: any) => i.id === 'file.new').click();
    expect(windows[0].webContents.sent).toContainEqual(['gradebook:menu-command', 'file.new']);
  });
});
