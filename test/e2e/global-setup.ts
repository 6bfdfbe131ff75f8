import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The browser suite runs against the built renderer, as `npm run web` serves it. */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
