/**
 * Electron entry (bundled to out/main/electron/main.js). A thin shell: security guards, the
 * app:// protocol, the menu, IPC to the same dispatcher the web transport uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { useNativeBinding } from '../backend/db/open';
import { startIdleWorker } from '../backend/jobs/off-thread';
import { dispatch } from '../backend/rpc/dispatch';
import { Workspace } from '../backend/workspace';
import { courseFileFromArgv } from './ipc-handlers';
import { registerIpc } from './ipc';
import { installMenu, sendMenuCommand } from './menu';
import { openPathCommand } from './menu-template';
import { courseDataDir, electronNativeBinding } from './native-binding';
import { registerAppScheme, serveRenderer } from './protocol';
import { installAppGuards, lockDownSession } from './security';
import { createMainWindow } from './window';

const APP_NAME = 'Gradebook';
const isDev = !app.isPackaged;
// out/main/electron/main.js -> out/renderer, out/main/preload/preload.js
const RENDERER_ROOT = path.join(__dirname, '..', '..', 'renderer');
const PRELOAD = path.join(__dirname, '..', 'preload', 'preload.js');

// Same per-user folder as `npm run web` (main/backend/paths.ts): <appData>/Gradebook.
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));

registerAppScheme();
installAppGuards();

let workspace: Workspace | null = null;
let mainWindow: BrowserWindow | null = null;
let pendingOpen: string | null = courseFileFromArgv(process.argv, fs.existsSync);

function refreshMenu(force = false): void {
  installMenu({ appName: APP_NAME, isDev, recent: () => workspace?.recent() ?? [], force });
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    const icon = path.join(app.getAppPath(), 'build', 'icon.png');
    mainWindow = createMainWindow({
      preload: PRELOAD,
      userData: app.getPath('userData'),
      isDev,
      ...(fs.existsSync(icon) ? { icon } : {}),
    });
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** A course file from the OS (double-click, second instance): the renderer opens it. */
function openFromOs(file: string): void {
  if (!app.isReady() || !mainWindow) {
    pendingOpen = file;
    return;
  }
  showWindow();
  const contents = mainWindow.webContents;
  if (contents.isLoading()) contents.once('did-finish-load', () => sendMenuCommand(openPathCommand(file)));
  else sendMenuCommand(openPathCommand(file));
}

async function start(): Promise<void> {
  await app.whenReady();

  const native = electronNativeBinding({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    electronVersion: process.versions.electron ?? '',
    platform: process.platform,
    arch: process.arch,
    exists: fs.existsSync,
    readFile: (f) => fs.readFileSync(f, 'utf8'),
  });
  if (native.warning) console.warn(native.warning);
  useNativeBinding(native.path);
  startIdleWorker();

  lockDownSession(session.defaultSession);
  serveRenderer(RENDERER_ROOT);

  const ws = new Workspace(courseDataDir(app.getPath('userData'), process.env));
  workspace = ws;
  try {
    if (pendingOpen) {
      try {
        ws.open(pendingOpen);
      } catch {
        ws.openDefault();
      }
    } else ws.openDefault();
  } catch (err) {
    // The renderer still starts (it shows the course picker and each error in plain words).
    console.error('Could not open a course at start:', err);
    dialog.showErrorBox('Gradebook', `No course could be opened: ${(err as Error).message}`);
  }
  pendingOpen = null;

  registerIpc({
    dispatch: (method, input) => dispatch({ workspace: ws }, method, input),
    dataDir: () => ws.dataDir,
    afterInvoke: (method) => {
      if (method.startsWith('course.')) refreshMenu();
    },
  });
  refreshMenu(true);
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the course files; it is focused by its 'second-instance' handler.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (app.isReady()) showWindow();
    const file = courseFileFromArgv(argv, fs.existsSync);
    if (file) openFromOs(file);
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOs(file);
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => workspace?.close());

  start().catch((err: Error) => {
    console.error(err);
    dialog.showErrorBox('Gradebook could not start', err.stack ?? err.message);
    app.exit(1);
  });
}
