// electron-builder `beforePack` hook (with `npmRebuild: false`), as Actual Budget does: rebuilds
// better-sqlite3 in node_modules for the target Electron and arch just before the app files are
// copied. The Node build is backed up first and put back by build/after-pack.cjs, so
// node_modules is built for Node again after packaging and vitest keeps working.
// If packaging is interrupted in between, run `npm rebuild better-sqlite3`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const MODULE = 'better-sqlite3';
const ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal']; // electron-builder's Arch enum order

const binaryIn = (projectDir) => path.join(projectDir, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');
const backupIn = (projectDir) => path.join(projectDir, '.native', 'node', 'better_sqlite3.node');

/** True when the binary loads in plain Node (i.e. it is the Node-ABI build worth keeping). */
function loadsInNode(file) {
  if (!fs.existsSync(file)) return false;
  const r = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], { stdio: 'ignore' });
  return r.status === 0;
}

module.exports = async function beforePack(context) {
  const projectDir = context.packager.projectDir;
  const arch = typeof context.arch === 'number' ? ARCHES[context.arch] : String(context.arch);
  if (!arch || arch === 'universal') throw new Error(`before-pack: unsupported arch ${context.arch}; build x64 and arm64 separately.`);
  const electronVersion =
    context.packager.config.electronVersion ??
    JSON.parse(fs.readFileSync(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

  const binary = binaryIn(projectDir);
  if (loadsInNode(binary)) {
    fs.mkdirSync(path.dirname(backupIn(projectDir)), { recursive: true });
    fs.copyFileSync(binary, backupIn(projectDir));
  }

  console.log(`  • rebuilding ${MODULE} for Electron ${electronVersion} ${context.electronPlatformName}-${arch}`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: context.packager.info.appDir ?? projectDir,
    projectRootPath: projectDir,
    electronVersion,
    arch,
    platform: context.electronPlatformName,
    onlyModules: [MODULE],
    force: true,
  });
};
