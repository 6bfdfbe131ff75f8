/**
 * IPC channel names and the app origin, shared by the Electron main process and the preload.
 * Pure constants: no 'electron' import, so tests and the sandboxed preload bundle can use them.
 */

/** The one channel every API call travels on: (method, input) -> Envelope. */
export const INVOKE_CHANNEL = 'gradebook:invoke';
/** Platform helpers (native dialogs). */
export const CHOOSE_COURSE_FILE_CHANNEL = 'gradebook:choose-course-file';
export const CHOOSE_SAVE_PATH_CHANNEL = 'gradebook:choose-save-path';
/** Main -> renderer: an app-menu command string such as 'file.new' or 'edit.undo'. */
export const MENU_COMMAND_CHANNEL = 'gradebook:menu-command';

/** Every channel the renderer may send on (all handled with ipcMain.handle). */
export const RENDERER_TO_MAIN_CHANNELS = [INVOKE_CHANNEL, CHOOSE_COURSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL] as const;

/** The custom scheme and host the renderer is served from (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'gradebook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
