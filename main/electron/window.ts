import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from './channels';
import { windowOptions } from './window-options';
import { clampToDisplays, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

/** The window factory: hardened options, remembered geometry, app:// entry page. */
export function createMainWindow(opts: { preload: string; userData: string; isDev: boolean; icon?: string }): BrowserWindow {
  const stateFile = path.join(opts.userData, WINDOW_STATE_FILE);
  const saved = readWindowState(stateFile, fs);
  const state = clampToDisplays(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow(windowOptions({ preload: opts.preload, bounds: state, isDev: opts.isDev, icon: opts.icon }));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    writeWindowState(stateFile, opts.userData, { ...win.getNormalBounds(), maximized: win.isMaximized() }, fs);
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
