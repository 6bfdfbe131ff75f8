import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';
import { sha256, tmpDir } from '../../helpers/tmp';

// Closed after each test, whatever it left open.
const workspaces: Workspace[] = [];
afterEach(() => workspaces.splice(0).forEach((w) => w.close()));

function setup() {
  const workspace = new Workspace(tmpDir());
  workspaces.push(workspace);
  const course = workspace.openDefault();
  // A checkpoint folds the WAL in, so the file's bytes are the whole course.
  course.db.pragma('wal_checkpoint(TRUNCATE)');
  return { workspace, ctx: { workspace }, file: course.file };
}

describe('the API dispatcher', () => {
  it('creates the default IE 7374 course on first start and reopens it next time', async () => {
    const { workspace, ctx, file } = setup();
    const state = await dispatch(ctx, 'app.state', {});
    expect(state.ok && (state.value as { course: { info: { name: string } } }).course.info.name).toBe(
      'IE 7374 Machine Learning Operations',
    );
    workspace.close();
    const again = new Workspace(workspace.dataDir);
    expect(again.openDefault().file).toBe(file);
    again.close();
  });

  it('answers a malformed payload with invalid_input, naming the field, and changes nothing', async () => {
    const { ctx, file } = setup();
    const before = sha256(file);
    for (const [method, input] of [
      ['course.open', { file: 42 }],
      ['course.create', { file: 'x', preset: 'nope' }],
      ['course.summary', { extra: true }],
      ['course.create', 'not an object'],
    ] as const) {
      const env = await dispatch(ctx, method, input);
      expect(env.ok).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('invalid_input');
        expect(env.error.message).toMatch(new RegExp(`Invalid request for ${method.replace('.', '\\.')}`));
      }
    }
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.gradebook'))).toHaveLength(1);
  });

  it('answers an unknown method with unknown_method', async () => {
    const { ctx } = setup();
    const env = await dispatch(ctx, 'course.dropTables', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const proto = await dispatch(ctx, '__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('opening a random file through the API leaves it byte-identical and the open course still open', async () => {
    const { ctx, workspace, file } = setup();
    const bad = path.join(workspace.dataDir, 'bad.gradebook');
    fs.writeFileSync(bad, 'SQLite format 3\0 but then garbage'.repeat(100));
    const before = sha256(bad);
    const env = await dispatch(ctx, 'course.open', { file: bad });
    expect(env).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(sha256(bad)).toBe(before);
    expect(workspace.course?.file).toBe(file);
  });

  it('creates a blank course by name in the data folder, and saves a consistent copy', async () => {
    const { ctx, workspace } = setup();
    const created = await dispatch(ctx, 'course.create', { file: 'Stats 101', preset: 'blank', name: 'Stats 101' });
    expect(created.ok).toBe(true);
    expect(workspace.course?.file).toBe(path.join(workspace.dataDir, 'Stats 101.gradebook'));
    const copy = await dispatch(ctx, 'course.saveCopy', { file: path.join(workspace.dataDir, 'copy.gradebook') });
    expect(copy.ok).toBe(true);
    const list = await dispatch(ctx, 'course.list', {});
    expect(list.ok && (list.value as { name: string }[]).map((f) => f.name).sort()).toEqual([
      'IE 7374 Machine Learning Operations',
      'Stats 101',
      'copy',
    ]);
  });

  it('refuses course methods with a clear message when no course is open', async () => {
    const { ctx, workspace } = setup();
    workspace.close();
    const env = await dispatch(ctx, 'course.snapshot', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'no_course', message: expect.stringMatching(/No course is open/) } });
  });

  it('refuses to save a copy over the open course itself, and keeps later changes', async () => {
    const { ctx, workspace, file } = setup();
    const env = await dispatch(ctx, 'course.saveCopy', { file });
    expect(env).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/open course itself/) } });
    await dispatch(ctx, 'student.add', { registrarId: '42', firstName: 'Ada', lastName: 'Byron' });
    workspace.close();
    const again = new Workspace(workspace.dataDir);
    again.open(file);
    const snap = await dispatch({ workspace: again }, 'course.summary', {});
    expect(snap.ok && (snap.value as { counts: { students: number } }).counts.students).toBe(1);
    again.close();
  });

  it('replaces an existing copy only with a complete one', async () => {
    const { ctx, workspace } = setup();
    const target = path.join(workspace.dataDir, 'copy.gradebook');
    expect((await dispatch(ctx, 'course.saveCopy', { file: target })).ok).toBe(true);
    await dispatch(ctx, 'student.add', { registrarId: '42', firstName: 'Ada', lastName: 'Byron' });
    expect((await dispatch(ctx, 'course.saveCopy', { file: target, overwrite: true })).ok).toBe(true);
    const copy = new Workspace(workspace.dataDir);
    expect(copy.open(target).db.prepare('SELECT count(*) AS n FROM student').get()).toEqual({ n: 1 });
    copy.close();
    expect(fs.readdirSync(workspace.dataDir).filter((f) => f.includes('.partial'))).toEqual([]);
  });
});
