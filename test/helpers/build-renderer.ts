import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds the renderer as `npm run web` and packaging do. NODE_ENV is set, not inherited: under
 * vitest it is 'test', and Vite then bundles React's development build (several times slower,
 * with development-only checks), so the browser suite and the grid bench would drive an app we
 * never ship.
 */
export function buildRenderer(): void {
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
