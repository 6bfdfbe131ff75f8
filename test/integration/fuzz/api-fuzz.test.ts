import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API, type MethodName } from '@shared/api';
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { Workspace } from '../../../main/backend/workspace';
import { sha256, tmpDir } from '../../helpers/tmp';

const METHODS = Object.keys(API) as MethodName[];

/** Inputs shaped like real ones but wrong somewhere: wrong types, extra keys, huge or odd values. */
const junk = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    { file: fc.anything(), studentId: fc.anything(), itemId: fc.anything(), edits: fc.anything(), id: fc.anything() },
    { requiredKeys: [] },
  ),
  fc
    .array(fc.record({ studentId: fc.oneof(fc.integer(), fc.string()), itemId: fc.anything(), patch: fc.anything() }))
    .map((edits) => ({ edits })),
  fc.constantFrom(
    null,
    [],
    '',
    0,
    -1,
    Number.POSITIVE_INFINITY,
    Number.NaN,
    'x'.repeat(10_000),
    { __proto__: { evil: true } },
    { constructor: { prototype: {} } },
  ),
);

describe('the API under malformed input (fuzz)', () => {
  it('answers every malformed request with invalid_input and never changes the course file', async () => {
    const workspace = new Workspace(tmpDir());
    const course = workspace.openDefault();
    loadDemoClass(course);
    course.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256(course.file);
    const audit = () => (course.db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
    const auditBefore = audit();

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), junk, async (method, input) => {
        fc.pre(!API[method].input.safeParse(input ?? {}).success);
        const env = await dispatch({ workspace }, method, input);
        expect(env.ok).toBe(false);
        if (!env.ok) {
          expect(env.error.code).toBe('invalid_input');
          expect(env.error.message).toMatch(/^Invalid request for /);
        }
      }),
      { numRuns: 1500 },
    );
    expect(audit()).toBe(auditBefore);
    course.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(sha256(course.file)).toBe(before);
    workspace.close();
  });
});
