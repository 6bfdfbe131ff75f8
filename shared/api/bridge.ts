import type { Envelope } from './envelope';

/** The one transport function the renderer's client is built on. */
export type Transport = (method: string, input: unknown) => Promise<Envelope>;

/** A file chosen by the user, as bytes, so both transports behave the same. */
export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * What the Electron preload exposes as `window.gradebook` (frozen): the API transport and a
 * few OS helpers. Never ipcRenderer itself.
 */
export interface GradebookBridge {
  invoke: Transport;
  platform: {
    /** Native "Open course" dialog; null when cancelled. */
    chooseCourseFile(): Promise<string | null>;
    /** Native "Save as" dialog for a new course or a copy; null when cancelled. */
    chooseSavePath(defaultName: string, kind: 'course' | 'xlsx' | 'csv'): Promise<string | null>;
    /** Subscribe to app-menu commands (File > New, Edit > Undo...); returns an unsubscribe. */
    onMenuCommand(listener: (command: string) => void): () => void;
  };
}

export const BRIDGE_KEY = 'gradebook';
