import type { z } from 'zod';
import type { Api, MethodName } from '../../../shared/api';
import type { Workspace } from '../workspace';

export interface Ctx {
  workspace: Workspace;
}

export type Handler<M extends MethodName> = (
  input: z.output<Api[M]['input']>,
  ctx: Ctx,
) => z.input<Api[M]['output']> | Promise<z.input<Api[M]['output']>>;

export type Handlers<K extends MethodName = MethodName> = { [M in K]: Handler<M> };
