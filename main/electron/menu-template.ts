/**
 * The application menu as data: a pure function of the platform, dev mode and recent files,
 * whose click handlers only ever send a command string to the renderer (which subscribes with
 * `bridge.platform.onMenuCommand`). Structurally compatible with Electron's
 * MenuItemConstructorOptions; menu.ts hands it to Menu.buildFromTemplate.
 */

/** Commands the renderer receives. `file.openPath:<absolute path>` carries a file to open. */
export const MENU_COMMANDS = [
  'file.new',
  'file.open',
  'file.saveAsCopy',
  'file.restoreBackup',
  'file.close',
  'edit.undo',
  'edit.redo',
  'help.about',
  'help.shortcuts',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number] | `file.openPath:${string}`;

export const OPEN_PATH_PREFIX = 'file.openPath:';
export const openPathCommand = (file: string): MenuCommand => `${OPEN_PATH_PREFIX}${file}`;

export type MenuRole =
  | 'appMenu'
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'windowMenu'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'help';

export interface MenuItemSpec {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  enabled?: boolean;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

export interface MenuContext {
  platform: NodeJS.Platform;
  isDev: boolean;
  appName: string;
  /** Absolute paths of recently opened courses, newest first (workspace.recent()). */
  recent: string[];
  /** Delivers a command to the focused window's renderer. */
  send: (command: MenuCommand) => void;
}

const separator: MenuItemSpec = { type: 'separator' };

/** '&' starts a mnemonic in Windows/Linux menu labels; file names must show it literally. */
const literal = (label: string) => label.replace(/&/g, '&&');

function baseName(file: string): string {
  const last = file.split(/[\\/]/).filter(Boolean).pop() ?? file;
  return last.replace(/\.gradebook$/i, '');
}

/** Recent-course labels: the course name, or the full path when two names clash. */
export function recentItems(recent: string[], send: MenuContext['send']): MenuItemSpec[] {
  if (recent.length === 0) return [{ id: 'file.recent.none', label: 'No recent courses', enabled: false }];
  const names = recent.map(baseName);
  return recent.map((file, i) => {
    const name = names[i] ?? file;
    const clash = names.filter((n) => n === name).length > 1;
    return { id: `file.recent.${i}`, label: literal(clash ? file : name), click: () => send(openPathCommand(file)) };
  });
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemSpec[] {
  const mac = ctx.platform === 'darwin';
  const cmd = (id: MenuCommand, label: string, accelerator?: string): MenuItemSpec => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => ctx.send(id),
  });

  const appMenu: MenuItemSpec[] = mac
    ? [
        {
          label: ctx.appName,
          submenu: [
            { ...cmd('help.about', `About ${ctx.appName}`), id: 'app.about' },
            separator,
            { role: 'services' },
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit', label: `Quit ${ctx.appName}`, accelerator: 'CmdOrCtrl+Q' },
          ],
        },
      ]
    : [];

  const file: MenuItemSpec = {
    id: 'file',
    label: '&File',
    submenu: [
      cmd('file.new', 'New Course…', 'CmdOrCtrl+N'),
      cmd('file.open', 'Open…', 'CmdOrCtrl+O'),
      { id: 'file.recent', label: 'Open Recent', submenu: recentItems(ctx.recent, ctx.send) },
      separator,
      cmd('file.saveAsCopy', 'Save As Copy…', 'CmdOrCtrl+Shift+S'),
      cmd('file.restoreBackup', 'Restore from Backup…'),
      separator,
      cmd('file.close', 'Close Course', 'CmdOrCtrl+Shift+W'),
      ...(mac ? [] : [separator, { id: 'file.quit', role: 'quit' as const, label: 'Quit', accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };

  const edit: MenuItemSpec = {
    id: 'edit',
    label: '&Edit',
    submenu: [
      cmd('edit.undo', 'Undo', 'CmdOrCtrl+Z'),
      cmd('edit.redo', 'Redo', mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
      separator,
      { id: 'edit.cut', role: 'cut', accelerator: 'CmdOrCtrl+X' },
      { id: 'edit.copy', role: 'copy', accelerator: 'CmdOrCtrl+C' },
      { id: 'edit.paste', role: 'paste', accelerator: 'CmdOrCtrl+V' },
      separator,
      { id: 'edit.selectAll', role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
    ],
  };

  const view: MenuItemSpec = {
    id: 'view',
    label: '&View',
    submenu: [
      { id: 'view.reload', role: 'reload', accelerator: 'CmdOrCtrl+R' },
      ...(ctx.isDev
        ? [{ id: 'view.devtools', role: 'toggleDevTools' as const, accelerator: mac ? 'Alt+CmdOrCtrl+I' : 'CmdOrCtrl+Shift+I' }]
        : []),
      separator,
      { id: 'view.resetZoom', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { id: 'view.zoomIn', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { id: 'view.zoomOut', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      separator,
      { id: 'view.fullscreen', role: 'togglefullscreen', accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
    ],
  };

  const windowMenu: MenuItemSpec[] = mac ? [{ role: 'windowMenu' }] : [];

  const help: MenuItemSpec = {
    id: 'help',
    label: '&Help',
    role: 'help',
    submenu: [cmd('help.shortcuts', 'Keyboard Shortcuts', 'CmdOrCtrl+/'), separator, cmd('help.about', `About ${ctx.appName}`)],
  };

  return [...appMenu, file, edit, view, ...windowMenu, help];
}
