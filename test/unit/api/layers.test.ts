import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer order of shared/ is enforced by eslint.config.mjs; these prove the rule bites.
const eslint = new ESLint({ cwd: path.resolve('.') });
const refusals = async (file: string, code: string) =>
  (await eslint.lintText(code, { filePath: path.resolve(file) }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;

describe('the layers of shared/', () => {
  it('refuses an import pointing up a layer', async () => {
    expect(await refusals('shared/model/x.ts', "import { API } from '../api';\nexport const x = API;\n")).toBe(1);
    expect(await refusals('shared/grading/x.ts', "import { cellText } from '../grid/cell-view';\nexport const x = cellText;\n")).toBe(1);
    expect(await refusals('shared/api/x.ts', "import { finalRows } from '../screens/finalGrades';\nexport const x = finalRows;\n")).toBe(1);
  });
  it('allows an import pointing down', async () => {
    expect(
      await refusals(
        'shared/screens/x.ts',
        "import { API } from '../api';\nimport { plural } from '../text/words';\nexport const x = [API, plural];\n",
      ),
    ).toBe(0);
    expect(await refusals('shared/grading/x.ts', "import { Id } from '../model';\nexport const x = Id;\n")).toBe(0);
  });
  it('refuses Node, main/, renderer/ and the alias inside shared/', async () => {
    expect(await refusals('shared/grid/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toBe(1);
    expect(await refusals('shared/grid/x.ts', "import { a } from '../../main/backend/paths';\nexport const x = a;\n")).toBe(1);
    expect(await refusals('shared/grid/x.ts', "import { Id } from '@shared/model';\nexport const x = Id;\n")).toBe(1);
  });
});
