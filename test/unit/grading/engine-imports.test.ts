import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

describe('the grading engine as bundled', () => {
  // The renderer, the worker and the bench each load it; a schema library pulled in through a
  // model module cost every one of them ~11 MiB of memory and 750 kB of code to parse.
  it('depends on no package: only modules of shared/', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'shared/grading/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'neutral',
      logLevel: 'silent',
      tsconfig: path.join(root, 'tsconfig.json'),
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((f) => !f.startsWith('shared/'))).toEqual([]);
  }, 30_000);
});
