import os from 'node:os';
import path from 'node:path';

/**
 * Where course files live by default: the same per-user folder Electron calls userData,
 * plus /courses, so the desktop app and `npm run web` see the same files.
 * GRADEBOOK_DATA_DIR overrides it (tests, portable installs).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.GRADEBOOK_DATA_DIR) return path.resolve(env.GRADEBOOK_DATA_DIR);
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, 'Gradebook', 'courses');
}

/**
 * Resolves a URL path inside `root`, or null when it would escape it. Both the web transport
 * and the app:// protocol serve the renderer through this one check.
 */
export function containedPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, target);
  return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) ? null : target;
}
