import type { Envelope } from '@shared/api/envelope';
import { isTrustedSender } from './navigation';

/**
 * IPC handlers as pure functions over a minimal event shape, so the sender check and the
 * forwarding to dispatch are unit-tested without Electron. ipc.ts registers them.
 */

/** The part of Electron's IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent?: unknown } | null | undefined;
}

export class UntrustedSenderError extends Error {
  constructor(url: string | undefined) {
    super(`Refused an IPC call from an untrusted frame (${url ?? 'no frame'}).`);
    this.name = 'UntrustedSenderError';
  }
}

/** Only the app's own top-level frame may call the backend. */
export function assertTrusted(event: InvokeEventLike): void {
  const frame = event.senderFrame;
  const topLevel = frame != null && (frame.parent === undefined || frame.parent === null);
  if (!frame || !topLevel || !isTrustedSender(frame.url)) throw new UntrustedSenderError(frame?.url);
}

export type Dispatch = (method: string, input: unknown) => Promise<Envelope>;

/**
 * The 'gradebook:invoke' handler: sender check, then dispatch (which validates the method and
 * its input and never throws). `after` sees every answered call (e.g. to refresh Open Recent).
 */
export function createInvokeHandler(dispatch: Dispatch, after?: (method: string, envelope: Envelope) => void) {
  return async (event: InvokeEventLike, method: unknown, input: unknown): Promise<Envelope> => {
    assertTrusted(event);
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'The API method name must be a string.' } };
    }
    const envelope = await dispatch(method, input);
    try {
      after?.(method, envelope);
    } catch {
      // A failing side effect (menu refresh) never changes the answer.
    }
    return envelope;
  };
}

export type CourseFileKind = 'course' | 'xlsx' | 'csv';

export interface DialogFilter {
  name: string;
  extensions: string[];
}

const FILTERS: Record<CourseFileKind, DialogFilter> = {
  course: { name: 'Gradebook course', extensions: ['gradebook'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
};

export function openCourseDialogOptions(defaultDir: string) {
  return {
    title: 'Open course',
    defaultPath: defaultDir,
    properties: ['openFile' as const],
    filters: [FILTERS.course],
  };
}

/**
 * Options for the native "Save as" dialog, from untrusted renderer input: the kind must be
 * one of the three, and the suggested name is reduced to a plain file name (no folders).
 * Returns null when the input is invalid.
 */
export function saveDialogOptions(defaultName: unknown, kind: unknown, defaultDir: string, join: (a: string, b: string) => string) {
  if (kind !== 'course' && kind !== 'xlsx' && kind !== 'csv') return null;
  if (typeof defaultName !== 'string' || defaultName.length > 255) return null;
  const filter = FILTERS[kind];
  const ext = `.${filter.extensions[0]}`;
  let name = defaultName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f<>:"|?*]/g, '').trim();
  if (name === '' || name === '.' || name === '..') name = kind === 'course' ? 'Course' : 'Export';
  if (!name.toLowerCase().endsWith(ext)) name += ext;
  return {
    title: kind === 'course' ? 'Save course as' : 'Export',
    defaultPath: join(defaultDir, name),
    filters: [filter],
    // No native "Replace?" for a course: creating refuses an existing file, and Save As Copy asks in
    // the app, naming what is replaced and the backup kept of it (course.saveCopy's overwrite).
    properties: kind === 'course' ? ['createDirectory' as const] : ['createDirectory' as const, 'showOverwriteConfirmation' as const],
  };
}

/** The path a native dialog answered, or null when it was cancelled. */
export function dialogPath(result: { canceled: boolean; filePaths?: string[]; filePath?: string }): string | null {
  if (result.canceled) return null;
  const p = result.filePath ?? result.filePaths?.[0];
  return typeof p === 'string' && p !== '' ? p : null;
}

/** A course file named on the command line (file association, `Gradebook course.gradebook`). */
export function courseFileFromArgv(argv: string[], exists: (file: string) => boolean): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith('.gradebook') && exists(arg)) return arg;
  }
  return null;
}
