import type { scoreMethods } from '@shared/api/scores';
import { listHistory, redoNext, revertBatch, undoLast, undoState } from '../services/history';
import { applyEdits } from '../services/scores';
import { dbOf, type Handlers } from './context';

export const scoreHandlers: Handlers<keyof typeof scoreMethods> = {
  'score.apply': ({ edits, label, reason }, ctx) => ({ ...applyEdits(dbOf(ctx), edits, { label, reason }), undo: undoState(dbOf(ctx)) }),
  'history.list': (query, ctx) => listHistory(dbOf(ctx), query),
  'history.undo': (_, ctx) => undoLast(dbOf(ctx)),
  'history.redo': (_, ctx) => redoNext(dbOf(ctx)),
  'history.state': (_, ctx) => undoState(dbOf(ctx)),
  'history.revert': ({ batchId }, ctx) => revertBatch(dbOf(ctx), batchId),
};
