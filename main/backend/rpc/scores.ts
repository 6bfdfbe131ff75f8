import type { scoreMethods } from '@shared/api/scores';
import { undoState } from '../services/history';
import { applyEdits } from '../services/scores';
import { dbOf, type Handlers } from './context';

export const scoreHandlers: Handlers<keyof typeof scoreMethods> = {
  'score.apply': ({ edits, label, reason }, ctx) => ({ ...applyEdits(dbOf(ctx), edits, { label, reason }), undo: undoState(dbOf(ctx)) }),
};
