import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ASSETS = path.resolve('out/renderer/assets');

describe('the renderer the browser suite drives', () => {
  it("is the production build, without React's development checks (vitest's NODE_ENV must not reach the build)", () => {
    const scripts = fs.readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // A warning only React's development build carries, and the development JSX transform's calls.
    const dev = scripts.filter((f) => /unique "key" prop|jsxDEV/.test(fs.readFileSync(path.join(ASSETS, f), 'utf8')));
    expect(dev).toEqual([]);
  });
});
