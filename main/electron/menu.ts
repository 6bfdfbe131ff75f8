import { BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_COMMAND_CHANNEL } from './channels';
import { buildMenuTemplate, type MenuCommand } from './menu-template';

/** Sends a menu command to the focused window (or the first one). */
export function sendMenuCommand(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (win && !win.isDestroyed()) win.webContents.send(MENU_COMMAND_CHANNEL, command);
}

let lastRecent = '';

/** (Re)builds the application menu; cheap no-op when the recent list has not changed. */
export function installMenu(opts: { appName: string; isDev: boolean; recent: () => string[]; force?: boolean }): void {
  const recent = opts.recent();
  const key = JSON.stringify(recent);
  if (!opts.force && key === lastRecent) return;
  lastRecent = key;
  const template: MenuItemConstructorOptions[] = buildMenuTemplate({
    platform: process.platform,
    isDev: opts.isDev,
    appName: opts.appName,
    recent,
    send: sendMenuCommand,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
