import type { scoreMethods } from '../../../shared/api/scores';
import { requireCourse } from '../services/course';
import { listHistory, redoNext, undoLast, undoState } from '../services/history';
import { applyEdits } from '../services/scores';
import type { Ctx, Handlers } from './context';

const db = (ctx: Ctx) => requireCourse(ctx.workspace.course).db;

export const scoreHandlers: Handlers<keyof typeof scoreMethods> = {
  'score.apply': ({ edits, label, reason }, ctx) => ({ ...applyEdits(db(ctx), edits, { label, reason }), undo: undoState(db(ctx)) }),
  'history.list': (query, ctx) => listHistory(db(ctx), query),
  'history.undo': (_, ctx) => undoLast(db(ctx)),
  'history.redo': (_, ctx) => redoNext(db(ctx)),
  'history.state': (_, ctx) => undoState(db(ctx)),
};
