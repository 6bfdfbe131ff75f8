import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';
import { categoryId, count, newCourse } from './helpers';

describe('workspace methods through the dispatcher', () => {
  it('answers malformed payloads with invalid_input and leaves the file byte-identical', async () => {
    const c = newCourse('ie7374');
    const s = await c.call('student.add', { registrarId: '1', firstName: 'A', lastName: 'B' });
    const item = await c.call('item.create', { categoryId: categoryId(c, 'Homeworks'), name: 'HW', pointsPossible: 10 });
    const before = c.fileBytes();
    const bad: [string, unknown][] = [
      ['student.add', { registrarId: '', firstName: 'A', lastName: 'B' }],
      ['student.add', { registrarId: '2', firstName: 'A', lastName: 'B', nickname: 'extra field' }],
      ['score.apply', { edits: [] }],
      ['score.apply', { edits: [{ studentId: s.id, itemId: item.id, patch: { value: 'ten' } }] }],
      ['score.apply', { edits: [{ studentId: s.id, itemId: item.id, patch: { status: 'absent' } }] }],
      ['item.createSeries', { categoryId: 1, prefix: 'H', from: 5, to: 1, pointsPossible: 1, firstDueDate: '2026-09-01', everyDays: 7 }],
      ['item.create', { categoryId: 1, name: 'X', pointsPossible: 1, dueDate: '15/09/2026' }],
      ['team.assign', { studentId: s.id, teamId: null, from: 'yesterday' }],
      ['policy.save', { policy: {}, categories: [] }],
      ['grades.compute', { asOf: 'now' }],
      ['history.list', { limit: 0 }],
    ];
    for (const [method, input] of bad) {
      const env = await dispatch({ workspace: c.workspace }, method, input);
      expect(env, method).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining(`Invalid request for ${method}`) },
      });
    }
    const score = await dispatch({ workspace: c.workspace }, 'score.apply', {
      edits: [{ studentId: s.id, itemId: item.id, patch: { value: 'ten' } }],
    });
    expect(!score.ok && score.error.message).toContain('value');
    expect(c.fileBytes().equals(before)).toBe(true);
    expect(count(c, 'SELECT * FROM score')).toBe(0);
  });

  it('says no course is open', async () => {
    const ws = new Workspace(fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-none-')));
    const env = await dispatch({ workspace: ws }, 'score.apply', { edits: [{ studentId: 1, itemId: 1, patch: { value: 1 } }] });
    expect(env).toMatchObject({ ok: false, error: { code: 'no_course' } });
  });
});
