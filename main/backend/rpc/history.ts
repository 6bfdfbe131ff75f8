import type { historyMethods } from '@shared/api/history';
import { listHistory, redoNext, revertBatch, undoLast, undoState } from '../services/history';
import { dbOf, type Handlers } from './context';

export const historyHandlers: Handlers<keyof typeof historyMethods> = {
  'history.list': (query, ctx) => listHistory(dbOf(ctx), query),
  'history.undo': (_, ctx) => undoLast(dbOf(ctx)),
  'history.redo': (_, ctx) => redoNext(dbOf(ctx)),
  'history.state': (_, ctx) => undoState(dbOf(ctx)),
  'history.revert': ({ batchId }, ctx) => revertBatch(dbOf(ctx), batchId),
};
