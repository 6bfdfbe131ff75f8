import type { z } from 'zod';
import type { Api, MethodName } from '@shared/api';
import { requireCourse, type Course } from '../services/course';
import type { Db } from '../db/open';
import type { Workspace } from '../workspace';

export interface Ctx {
  workspace: Workspace;
}

export type Handler<M extends MethodName> = (
  input: z.output<Api[M]['input']>,
  ctx: Ctx,
) => z.input<Api[M]['output']> | Promise<z.input<Api[M]['output']>>;

export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };

/** The open course, or a clear "no course is open" error. */
export const courseOf = (ctx: Ctx): Course => requireCourse(ctx.workspace.course);
export const dbOf = (ctx: Ctx): Db => courseOf(ctx).db;
