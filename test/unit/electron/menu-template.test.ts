import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuContext, type MenuItemSpec } from '../../../main/electron/menu-template';

function ctx(over: Partial<MenuContext> = {}): MenuContext & { send: ReturnType<typeof vi.fn> } {
  return { platform: 'linux', isDev: false, appName: 'Gradebook', recent: [], send: vi.fn(), ...over } as never;
}

const top = (t: MenuItemSpec[], label: string) => {
  const m = t.find((i) => i.label?.replace('&', '') === label);
  if (!m?.submenu) throw new Error(`no ${label} menu`);
  return m.submenu;
};
const byId = (items: MenuItemSpec[], id: string) => {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};
const all = (items: MenuItemSpec[]): MenuItemSpec[] => items.flatMap((i) => [i, ...(i.submenu ? all(i.submenu) : [])]);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help menus', () => {
    const labels = buildMenuTemplate(ctx()).map((m) => m.label?.replace('&', ''));
    expect(labels).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('File has New, Open, Open Recent, Save As copy, Close and Quit with accelerators', () => {
    const file = top(buildMenuTemplate(ctx()), 'File');
    expect(byId(file, 'file.new')).toMatchObject({ label: 'New Course…', accelerator: 'CmdOrCtrl+N' });
    expect(byId(file, 'file.open')).toMatchObject({ label: 'Open…', accelerator: 'CmdOrCtrl+O' });
    expect(byId(file, 'file.recent').label).toBe('Open Recent');
    expect(byId(file, 'file.saveAsCopy')).toMatchObject({ label: 'Save As Copy…', accelerator: 'CmdOrCtrl+Shift+S' });
    expect(byId(file, 'file.close')).toMatchObject({ label: 'Close Course', accelerator: 'CmdOrCtrl+Shift+W' });
    expect(byId(file, 'file.quit')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('clicking a command item sends its command string, and only that', () => {
    const c = ctx();
    const t = buildMenuTemplate(c);
    const expected: Record<string, string> = {
      'file.new': 'file.new',
      'file.open': 'file.open',
      'file.saveAsCopy': 'file.saveAsCopy',
      'file.close': 'file.close',
      'edit.undo': 'edit.undo',
      'edit.redo': 'edit.redo',
      'help.about': 'help.about',
      'help.shortcuts': 'help.shortcuts',
    };
    for (const [id, command] of Object.entries(expected)) {
      c.send.mockClear();
      const item = all(t).find((i) => i.id === id);
      expect(item?.click, id).toBeTypeOf('function');
      item!.click!();
      expect(c.send).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('lists recent files, newest first, and opening one sends its path', () => {
    const c = ctx({ recent: ['/home/t/courses/IE 7374.gradebook', '/home/t/courses/R&D Seminar.gradebook'] });
    const recent = byId(top(buildMenuTemplate(c), 'File'), 'file.recent').submenu!;
    expect(recent.map((i) => i.label)).toEqual(['IE 7374', 'R&&D Seminar']);
    recent[1]!.click!();
    expect(c.send).toHaveBeenCalledWith('file.openPath:/home/t/courses/R&D Seminar.gradebook');
  });

  it('shows full paths when two recent courses share a name, and a disabled item when empty', () => {
    const clash = ctx({ recent: ['/a/Fall.gradebook', 'C:\\b\\Fall.gradebook', '/c/Spring.gradebook'] });
    const items = byId(top(buildMenuTemplate(clash), 'File'), 'file.recent').submenu!;
    expect(items.map((i) => i.label)).toEqual(['/a/Fall.gradebook', 'C:\\b\\Fall.gradebook', 'Spring']);
    const empty = byId(top(buildMenuTemplate(ctx()), 'File'), 'file.recent').submenu!;
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ enabled: false });
    expect(empty[0]!.click).toBeUndefined();
  });

  it('Edit has undo/redo commands and native clipboard roles with accelerators', () => {
    const edit = top(buildMenuTemplate(ctx()), 'Edit');
    expect(byId(edit, 'edit.undo').accelerator).toBe('CmdOrCtrl+Z');
    expect(byId(edit, 'edit.redo').accelerator).toBe('CmdOrCtrl+Y');
    expect(byId(edit, 'edit.cut')).toMatchObject({ role: 'cut', accelerator: 'CmdOrCtrl+X' });
    expect(byId(edit, 'edit.copy')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(byId(edit, 'edit.paste')).toMatchObject({ role: 'paste', accelerator: 'CmdOrCtrl+V' });
    expect(byId(edit, 'edit.selectAll')).toMatchObject({ role: 'selectAll', accelerator: 'CmdOrCtrl+A' });
    const mac = top(buildMenuTemplate(ctx({ platform: 'darwin' })), 'Edit');
    expect(byId(mac, 'edit.redo').accelerator).toBe('Shift+CmdOrCtrl+Z');
  });

  it('View has reload, zoom and full screen; DevTools only in development', () => {
    const prod = all(buildMenuTemplate(ctx()));
    expect(prod.some((i) => i.role === 'toggleDevTools')).toBe(false);
    for (const role of ['reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']) {
      expect(
        prod.some((i) => i.role === role),
        role,
      ).toBe(true);
    }
    expect(all(buildMenuTemplate(ctx({ isDev: true }))).some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('Help has About and Keyboard shortcuts', () => {
    const help = top(buildMenuTemplate(ctx()), 'Help');
    expect(byId(help, 'help.about').label).toBe('About Gradebook');
    expect(byId(help, 'help.shortcuts').accelerator).toBe('CmdOrCtrl+/');
  });

  it('on macOS puts an app menu first with Quit, and File has no Quit', () => {
    const t = buildMenuTemplate(ctx({ platform: 'darwin' }));
    expect(t[0]!.label).toBe('Gradebook');
    expect(t[0]!.submenu!.some((i) => i.role === 'quit')).toBe(true);
    expect(top(t, 'File').some((i) => i.role === 'quit')).toBe(false);
  });

  it('uses CmdOrCtrl (not Cmd or Ctrl alone) for cross-platform accelerators', () => {
    for (const platform of ['linux', 'win32'] as const) {
      for (const item of all(buildMenuTemplate(ctx({ platform, isDev: true })))) {
        if (item.accelerator) expect(item.accelerator, item.id).not.toMatch(/(^|\+)(Cmd|Command|Ctrl)\+/);
      }
    }
  });
});
