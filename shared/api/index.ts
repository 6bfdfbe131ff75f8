import type { z } from 'zod';
import { attendanceMethods } from './attendance';
import { courseMethods } from './course';
import type { MethodSpec } from './define';
import { gradeMethods } from './grades';
import { itemMethods } from './items';
import { policyMethods } from './policy';
import { rosterMethods } from './roster';
import { scoreMethods } from './scores';
import { historyMethods } from './history';
import { excelMethods } from './excel';
import { jobMethods } from './jobs';
import { backupMethods } from './backups';
import { presentationMethods } from './presentations';
import { reportMethods } from './reports';

/**
 * The one API contract: every method the renderer (or CLI) can ask of the backend, with the
 * runtime schema of its input and output. Both transports serve exactly this table.
 */
export const API = {
  ...courseMethods,
  ...rosterMethods,
  ...itemMethods,
  ...scoreMethods,
  ...historyMethods,
  ...policyMethods,
  ...gradeMethods,
  ...excelMethods,
  ...jobMethods,
  ...backupMethods,
  ...attendanceMethods,
  ...presentationMethods,
  ...reportMethods,
} satisfies Record<string, MethodSpec>;

export type Api = typeof API;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

export * from './envelope';
export * from './course';
export * from './roster';
export * from './items';
export * from './scores';
export * from './history';
export * from './policy';
export * from './grades';
export * from './excel';
export * from './jobs';
export * from './backups';
export * from './attendance';
export * from './presentations';
export * from './reports';
