// `npm start`'s native step: builds an Electron-ABI copy of better-sqlite3 into
// .native/electron/better_sqlite3.node (loaded by the Electron main process through the
// `nativeBinding` option), leaving node_modules built for Node so vitest keeps working.
// Skips the work when the copy was already built for this Electron, platform and arch.
//
//   node build/electron-native.mjs            build if needed
//   node build/electron-native.mjs --force    rebuild
//   node build/electron-native.mjs --check    exit 0 when up to date, 1 otherwise; builds nothing
//
// Needs network access (Electron headers or a prebuilt binary) and, without a prebuilt, a C++
// toolchain. Keep NATIVE_DIR/NATIVE_BINARY/NATIVE_STAMP in sync with
// main/electron/native-binding.ts (a unit test checks it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NATIVE_DIR = path.join('.native', 'electron');
export const NATIVE_BINARY = 'better_sqlite3.node';
export const NATIVE_STAMP = 'stamp.json';
const MODULE = 'better-sqlite3';

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** What the binary must have been built for. */
export function wantedStamp(root, platform = process.platform, arch = process.arch) {
  return {
    electron: readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version,
    betterSqlite3: readJson(path.join(root, 'node_modules', MODULE, 'package.json')).version,
    platform,
    arch,
  };
}

/** True when `stamp` (parsed stamp.json, or anything) records exactly the wanted build. */
export function isUpToDate(stamp, want, binaryExists) {
  if (!binaryExists || typeof stamp !== 'object' || stamp === null) return false;
  return ['electron', 'betterSqlite3', 'platform', 'arch'].every((k) => stamp[k] === want[k]);
}

function readStamp(file) {
  try {
    return readJson(file);
  } catch {
    return null;
  }
}

/** Copies the module's sources (not its Node build) into a throwaway project and rebuilds there. */
async function buildForElectron(root, want, dir) {
  const staging = path.join(dir, 'staging');
  const source = path.join(root, 'node_modules', MODULE);
  const target = path.join(staging, 'node_modules', MODULE);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.cpSync(source, target, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(source, src);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${path.sep}`);
    },
  });
  fs.writeFileSync(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'gradebook-native-staging', private: true, dependencies: { [MODULE]: want.betterSqlite3 } }, null, 2),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: staging,
    projectRootPath: staging,
    electronVersion: want.electron,
    arch: want.arch,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });
  const built = path.join(target, 'build', 'Release', NATIVE_BINARY);
  if (!fs.existsSync(built)) throw new Error(`the rebuild finished but produced no ${path.relative(root, built)}`);
  fs.copyFileSync(built, path.join(dir, NATIVE_BINARY));
  fs.writeFileSync(path.join(dir, NATIVE_STAMP), JSON.stringify({ ...want, builtAt: new Date().toISOString() }, null, 2));
  fs.rmSync(staging, { recursive: true, force: true });
}

export async function main(argv = process.argv.slice(2)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.join(root, NATIVE_DIR);
  const want = wantedStamp(root);
  const binary = path.join(dir, NATIVE_BINARY);
  const upToDate = isUpToDate(readStamp(path.join(dir, NATIVE_STAMP)), want, fs.existsSync(binary));
  const label = `${MODULE} ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch})`;

  if (argv.includes('--check')) {
    console.log(upToDate ? `${label}: up to date.` : `${label}: not built yet.`);
    return upToDate ? 0 : 1;
  }
  if (upToDate && !argv.includes('--force')) {
    console.log(`${label}: already built in ${NATIVE_DIR}.`);
    return 0;
  }
  console.log(`Building ${label} into ${NATIVE_DIR} (node_modules stays built for Node)...`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    await buildForElectron(root, want, dir);
  } catch (err) {
    fs.rmSync(path.join(dir, 'staging'), { recursive: true, force: true });
    console.error(
      [
        '',
        `Could not build ${label}.`,
        `  Reason: ${err?.message ?? err}`,
        '  This step downloads Electron headers (or a prebuilt binary) from the internet and may need',
        '  a C++ toolchain (Python 3, make and g++ / Xcode command line tools / Visual Studio Build Tools).',
        '  Without it the desktop app cannot open course files. `npm test` and `npm run web` do not need it.',
        `  Retry with: node build/electron-native.mjs --force`,
        '',
      ].join('\n'),
    );
    return 1;
  }
  console.log(`Built ${path.join(NATIVE_DIR, NATIVE_BINARY)}.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
