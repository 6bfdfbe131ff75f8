import path from 'node:path';
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '@shared/api/envelope';
import { CHOOSE_COURSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, INVOKE_CHANNEL } from './channels';
import { assertTrusted, createInvokeHandler, dialogPath, openCourseDialogOptions, saveDialogOptions, type Dispatch } from './ipc-handlers';

/**
 * IPC wiring: one API channel forwarded to dispatch, plus the two dialog helpers. Every handler
 * checks that the sender frame is the app's own top-level page.
 */
export function registerIpc(opts: {
  dispatch: Dispatch;
  dataDir: () => string;
  afterInvoke?: (method: string, envelope: Envelope) => void;
}): void {
  ipcMain.handle(INVOKE_CHANNEL, createInvokeHandler(opts.dispatch, opts.afterInvoke));

  const owner = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);

  ipcMain.handle(CHOOSE_COURSE_FILE_CHANNEL, async (event) => {
    assertTrusted(event);
    const options = openCourseDialogOptions(opts.dataDir());
    const win = owner(event);
    return dialogPath(win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options));
  });

  ipcMain.handle(CHOOSE_SAVE_PATH_CHANNEL, async (event, defaultName: unknown, kind: unknown) => {
    assertTrusted(event);
    const options = saveDialogOptions(defaultName, kind, opts.dataDir(), path.join);
    if (!options) return null;
    const win = owner(event);
    return dialogPath(win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options));
  });
}
