import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ApiError, type ApiErrorShape, type Input, type MethodName, type Output } from '@shared/api';
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';

export interface TestCourse {
  workspace: Workspace;
  dataDir: string;
  file: string;
  /** Calls the API through the real dispatcher (input validation included); throws the ApiError on failure. */
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Calls a method that must fail; answers its error. */
  fail(method: string, input: unknown): Promise<ApiErrorShape>;
  /** The bytes of the course file and its WAL, to show a refused request changed nothing. */
  fileBytes(): Buffer;
  /** Closes the course and opens the same file again. */
  reopen(): void;
}

const open: Workspace[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.close();
});

export function newCourse(preset: 'ie7374' | 'blank' = 'blank', opts: { demo?: boolean } = {}): TestCourse {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-ws-'));
  const workspace = new Workspace(dataDir);
  open.push(workspace);
  const file = workspace.create('course', preset, opts).file;
  return {
    workspace,
    dataDir,
    file,
    async call(method, input) {
      const env = await dispatch({ workspace }, method, input);
      if (!env.ok) throw new ApiError(env.error.code, env.error.message, env.error.details);
      return env.value as never;
    },
    async fail(method, input) {
      const env = await dispatch({ workspace }, method, input);
      if (env.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(env.value).slice(0, 200)}`);
      return env.error;
    },
    fileBytes: () => Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))),
    reopen() {
      workspace.close();
      workspace.open(file);
    },
  };
}

export function db(c: TestCourse) {
  const course = c.workspace.course;
  if (!course) throw new Error('no course open');
  return course.db;
}

export const count = (c: TestCourse, sql: string, ...params: unknown[]) =>
  (
    db(c)
      .prepare(`SELECT count(*) AS n FROM (${sql})`)
      .get(...params) as { n: number }
  ).n;

export const categoryId = (c: TestCourse, name?: string) =>
  (
    db(c)
      .prepare(`SELECT id FROM category ${name ? 'WHERE name = ?' : "WHERE kind = 'items'"} ORDER BY position`)
      .get(...(name ? [name] : [])) as { id: number }
  ).id;
