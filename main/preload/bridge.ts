import type { GradebookBridge } from '@shared/api/bridge';
import type { Envelope } from '@shared/api/envelope';
import { CHOOSE_COURSE_FILE_CHANNEL, CHOOSE_SAVE_PATH_CHANNEL, INVOKE_CHANNEL, MENU_COMMAND_CHANNEL } from '../electron/channels';

/** The part of ipcRenderer the bridge uses; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds the frozen `window.gradebook` object: `invoke` over the one API channel and three
 * platform helpers. Listeners get the command string only, never the IPC event (whose
 * `sender` is ipcRenderer itself).
 */
export function createBridge(ipc: IpcRendererLike): GradebookBridge {
  const platform: GradebookBridge['platform'] = Object.freeze({
    chooseCourseFile: () => ipc.invoke(CHOOSE_COURSE_FILE_CHANNEL) as Promise<string | null>,
    chooseSavePath: (defaultName: string, kind: 'course' | 'xlsx' | 'csv') =>
      ipc.invoke(CHOOSE_SAVE_PATH_CHANNEL, defaultName, kind) as Promise<string | null>,
    onMenuCommand(listener: (command: string) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
      const wrapped = (_event: unknown, command: unknown) => {
        if (typeof command === 'string') listener(command);
      };
      ipc.on(MENU_COMMAND_CHANNEL, wrapped);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(MENU_COMMAND_CHANNEL, wrapped);
      };
    },
  });
  return Object.freeze({
    invoke: (method: string, input: unknown) => ipc.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope>,
    platform,
  });
}
