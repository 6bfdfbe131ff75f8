import path from 'node:path';

/**
 * Where `npm start`'s prestart step (build/electron-native.mjs) puts the Electron-ABI build of
 * better-sqlite3, so node_modules stays built for Node and vitest keeps working.
 * Keep in sync with build/electron-native.mjs (a unit test checks it).
 */
export const NATIVE_DIR = path.join('.native', 'electron');
export const NATIVE_BINARY = 'better_sqlite3.node';
export const NATIVE_STAMP = 'stamp.json';

export interface NativeBindingEnv {
  appPath: string;
  isPackaged: boolean;
  electronVersion: string;
  platform: string;
  arch: string;
  exists: (file: string) => boolean;
  readFile: (file: string) => string;
}

/**
 * The binding path to pass to useNativeBinding, or undefined to use node_modules' own build.
 * A packaged app uses node_modules (rebuilt for Electron by build/before-pack.cjs); in
 * development the .native copy is used only when it was built for this exact Electron.
 */
export function electronNativeBinding(env: NativeBindingEnv): { path?: string; warning?: string } {
  if (env.isPackaged) return {};
  const dir = path.join(env.appPath, NATIVE_DIR);
  const binary = path.join(dir, NATIVE_BINARY);
  if (!env.exists(binary)) {
    return { warning: `No Electron build of better-sqlite3 at ${binary}; run node build/electron-native.mjs (npm start does).` };
  }
  let stamp: Record<string, unknown> = {};
  try {
    stamp = JSON.parse(env.readFile(path.join(dir, NATIVE_STAMP))) as Record<string, unknown>;
  } catch {
    // treated as stale below
  }
  if (stamp.electron !== env.electronVersion || stamp.platform !== env.platform || stamp.arch !== env.arch) {
    return { warning: `${binary} was built for another Electron; run node build/electron-native.mjs again.` };
  }
  return { path: binary };
}

/** The course folder: GRADEBOOK_DATA_DIR when set (tests, portable installs), else userData/courses. */
export function courseDataDir(userData: string, env: NodeJS.ProcessEnv): string {
  return env.GRADEBOOK_DATA_DIR ? path.resolve(env.GRADEBOOK_DATA_DIR) : path.join(userData, 'courses');
}
