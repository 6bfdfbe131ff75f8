// electron-builder `afterPack` hook: the app files (with the Electron build of better-sqlite3)
// are copied by now, so node_modules gets its Node build back (saved by build/before-pack.cjs).
const fs = require('node:fs');
const path = require('node:path');

module.exports = async function afterPack(context) {
  const projectDir = context.packager.projectDir;
  const backup = path.join(projectDir, '.native', 'node', 'better_sqlite3.node');
  const binary = path.join(projectDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (fs.existsSync(backup)) {
    fs.copyFileSync(backup, binary);
  } else {
    console.warn('  • after-pack: no Node build of better-sqlite3 saved; run `npm rebuild better-sqlite3` before `npm test`.');
  }
};
