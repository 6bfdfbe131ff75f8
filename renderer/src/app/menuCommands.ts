import { useEffect } from 'react';
import { api } from '../api/client';
import { desktopBridge } from '../api/transport';
import { useCourse } from '../stores/course';
import { useApp } from '../stores/app';
import { modalOpen, step } from '../stores/undo';

/** Everything on screen that shows course data reloads after an undo, redo or course switch. */
export async function reloadAll(): Promise<void> {
  await Promise.all([useApp.getState().refresh(), useCourse.getState().reload()]);
}

const isTextEntry = (el: Element | null) =>
  el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el as HTMLElement | null)?.isContentEditable;

/** What each app-menu command (main/electron/menu-template.ts) does in the renderer. */
export async function runMenuCommand(command: string, showShortcuts: () => void): Promise<void> {
  const editing = (command === 'edit.undo' || command === 'edit.redo') && isTextEntry(document.activeElement);
  // An open dialog owns the keyboard: no second dialog on top, no course switch under it.
  if (modalOpen() && !editing) return;
  const app = useApp.getState();
  const bridge = desktopBridge();
  if (command.startsWith('file.openPath:')) {
    const file = command.slice('file.openPath:'.length);
    const course = await app.run('Opening the course', () => api('course.open', { file }));
    if (!course) return;
    // The shell switches to the new course before anything reloads, so nothing of the old one lingers.
    app.setCourse(course);
    await reloadAll();
    return;
  }
  switch (command) {
    case 'file.new':
    case 'file.open':
      app.setPickerOpen(true);
      return;
    case 'file.saveAsCopy': {
      const name = app.app?.course?.info.name ?? 'Course copy';
      const file = await bridge?.platform.chooseSavePath(`${name} copy`, 'course');
      if (file) await app.saveCopy(file);
      return;
    }
    case 'file.restoreBackup':
      if (app.app?.course) app.setRestoreOpen(true);
      else useApp.setState({ error: 'No course is open. Open a course first; its backups are listed from there.' });
      return;
    case 'file.close':
      await app.run('Closing the course', () => api('course.close', {}));
      await app.refresh();
      return;
    case 'edit.undo':
    case 'edit.redo':
      // In a text field the menu's undo is the field's own; elsewhere it is the course's.
      if (editing) {
        document.execCommand(command === 'edit.undo' ? 'undo' : 'redo');
        return;
      }
      await step(command === 'edit.undo' ? 'undo' : 'redo');
      return;
    case 'help.shortcuts':
      showShortcuts();
      return;
    case 'help.about':
      useApp.setState({ notice: 'Gradebook: an offline gradebook. Course files stay on this computer; nothing is sent anywhere.' });
      return;
  }
}

/** The menu's accelerators the browser lets a page have (it keeps Ctrl+N and Ctrl+W to itself). */
const BROWSER_KEYS: Record<string, string> = { o: 'file.open', '/': 'help.shortcuts' };

/**
 * Subscribes to the desktop app menu; in the browser, which has no app menu, its accelerators
 * Ctrl+O and Ctrl+/ run the same commands.
 */
export function useMenuCommands(showShortcuts: () => void): void {
  useEffect(() => {
    const bridge = desktopBridge();
    if (bridge) return bridge.platform.onMenuCommand((c) => void runMenuCommand(c, showShortcuts));
    const onKey = (e: KeyboardEvent) => {
      const command = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey ? BROWSER_KEYS[e.key.toLowerCase()] : undefined;
      if (!command) return;
      e.preventDefault();
      void runMenuCommand(command, showShortcuts);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showShortcuts]);
}
