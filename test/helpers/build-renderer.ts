import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds the renderer as `npm run web` and packaging do: the production build, even under vitest's
 * NODE_ENV=test (vite.config.mts sees to it; test/e2e/build.test.ts checks it).
 */
export function buildRenderer(): void {
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
