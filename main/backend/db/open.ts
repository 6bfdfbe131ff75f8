import Database from 'better-sqlite3';
import fs from 'node:fs';
import { ApiError } from '@shared/api/envelope';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { backupCourse } from './backup';

export type Db = Database.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Native binding path for Electron's ABI build (set by the Electron shell), else Node's own. */
let nativeBinding: string | undefined;
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The binding set by useNativeBinding, for a worker thread to load the same build. */
export const nativeBindingPath = (): string | undefined => nativeBinding;

/** The connections this process opened, so a leak (a course never closed) can be found. */
const connections = new Set<Db>();

function connect(file: string, options: Database.Options): Db {
  for (const c of connections) if (!c.open) connections.delete(c);
  const db = new Database(file, nativeBinding ? { ...options, nativeBinding } : options);
  connections.add(db);
  return db;
}

/** Course files this process holds open right now. */
export const openConnections = (): Db[] => [...connections].filter((c) => c.open);

/**
 * Reads a file's identity without writing a byte: refuses anything that is not a gradebook
 * this app can open, before any read-write connection exists. `checked`: the caller knows the
 * file is the course the app holds open (checked by quick_check when opened, or created by the
 * app), so quick_check is not run again (it reads every page: ~150 ms on a 2,000-student course).
 */
export function inspectCourseFile(file: string, checked = false): { version: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new ApiError('not_found', `The course file ${file} does not exist or cannot be read.`);
  }
  const header = Buffer.alloc(16);
  if (fs.fstatSync(fd).isDirectory()) {
    fs.closeSync(fd);
    throw new ApiError(
      'invalid_input',
      `file: ${file} is a folder, not a course file. Choose the course file itself. Nothing was changed.`,
      {
        field: 'file',
      },
    );
  }
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new ApiError('not_a_gradebook', `${file} is not a gradebook course file. Nothing was changed.`);
  }
  let db: Db | undefined;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
    const appId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      throw new ApiError('not_a_gradebook', `${file} is a SQLite database but not a gradebook course file. Nothing was changed.`);
    }
    if (version > SCHEMA_VERSION) {
      throw new ApiError(
        'newer_version',
        `${file} was saved by a newer version of the gradebook (format ${version}; this app reads up to ${SCHEMA_VERSION}). Update the app to open it. Nothing was changed.`,
      );
    }
    const check = checked ? 'ok' : db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
    return { version };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(
      'corrupt',
      `${file} is damaged and cannot be opened (${(err as Error).message}). Nothing was changed; restore it from a backup.`,
    );
  } finally {
    db?.close();
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Runs every migration above `from`, one transaction each. */
export function migrate(db: Db, from: number, to = SCHEMA_VERSION): void {
  for (let v = from + 1; v <= to; v++) {
    const sql = MIGRATIONS[v - 1];
    if (sql === undefined) throw new Error(`no migration to version ${v}`);
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v}`);
    })();
  }
}

/**
 * Opens a course file of this app's format or older read-only (backups, a file about to be
 * replaced, an export's worker while the app holds the file open); never writes.
 */
export function openCourseReadOnly(file: string, opts: { checked?: boolean } = {}): Db {
  inspectCourseFile(file, opts.checked);
  const db = connect(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Opens an existing course file read-write, migrating it forward (after a backup). */
export function openCourseDb(file: string): Db {
  const { version } = inspectCourseFile(file);
  const db = connect(file, { fileMustExist: true });
  try {
    configure(db);
    if (version < SCHEMA_VERSION) {
      backupCourse(db, file, `before-migration-v${version}`);
      migrate(db, version);
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Creates a new, empty course file at the latest schema. Refuses to overwrite. */
export function createCourseDb(file: string): Db {
  if (fs.existsSync(file)) {
    throw new ApiError('conflict', `${file} already exists. Choose another name.`);
  }
  const db = connect(file, {});
  try {
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 0);
    return db;
  } catch (err) {
    db.close();
    fs.rmSync(file, { force: true });
    throw err;
  }
}
