import type { presentationMethods } from '../../../shared/api/presentations';
import type { Handlers } from './context';

// The contract is published first so the screens can be built against it; each handler
// refuses until its service lands.
const pending = (): never => {
  throw new Error('Presentations are not built yet.');
};

export const presentationHandlers: Handlers<keyof typeof presentationMethods> = {
  'reading.list': pending,
  'reading.add': pending,
  'reading.update': pending,
  'reading.delete': pending,
  'reading.paste': pending,
  'reading.import': pending,
  'draw.sessions': pending,
  'draw.candidates': pending,
  'draw.run': pending,
  'draw.withdraw': pending,
  'draw.list': pending,
  'draw.verify': pending,
  'draw.verifyAll': pending,
  'draw.projector': pending,
  'presentation.draft': pending,
  'presentation.record': pending,
  'presentation.update': pending,
  'presentation.delete': pending,
  'presentation.list': pending,
  'presentation.review': pending,
  'presentation.settings': pending,
  'presentation.saveSettings': pending,
  'presentation.export': pending,
};
