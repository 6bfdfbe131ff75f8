import type { presentationMethods } from '@shared/api/presentations';
import { exportPresentations } from '../excel/presentations-export';
import { importReadings } from '../excel/readings-import';
import {
  drawCandidates,
  listDraws,
  projectorView,
  requireDraw,
  runDraw,
  verifyAllDraws,
  verifyStoredDraw,
  withdrawDraw,
} from '../services/draws';
import {
  deletePresentation,
  listPresentations,
  presentationDraft,
  presentationReview,
  presentationSettings,
  recordPresentation,
  savePresentationSettings,
  updatePresentation,
} from '../services/presentations';
import { addReading, deleteReading, listReadings, pasteReadings, updateReading } from '../services/readings';
import { listSessions } from '../services/presentation-sessions';
import { courseOf, dbOf, type Handlers } from './context';
import { fromWire, toWire } from './excel';

export const presentationHandlers: Handlers<keyof typeof presentationMethods> = {
  'reading.list': (filter, ctx) => listReadings(dbOf(ctx), filter),
  'reading.add': (fields, ctx) => addReading(dbOf(ctx), fields),
  'reading.update': ({ id, patch }, ctx) => updateReading(dbOf(ctx), id, patch),
  'reading.delete': ({ id }, ctx) => {
    deleteReading(dbOf(ctx), id);
    return null;
  },
  'reading.paste': ({ text, ...target }, ctx) => pasteReadings(dbOf(ctx), text, target),
  'reading.import': ({ file, ...target }, ctx) => importReadings(courseOf(ctx), fromWire(file), target),
  'draw.sessions': (_, ctx) => listSessions(dbOf(ctx)),
  'draw.candidates': ({ sessionId, exclusions }, ctx) => drawCandidates(dbOf(ctx), sessionId, exclusions),
  'draw.run': (request, ctx) => runDraw(dbOf(ctx), request),
  'draw.withdraw': ({ id, reason }, ctx) => withdrawDraw(dbOf(ctx), id, reason),
  'draw.list': ({ sessionId }, ctx) => listDraws(dbOf(ctx), sessionId),
  'draw.verify': ({ id }, ctx) => verifyStoredDraw(requireDraw(dbOf(ctx), id)),
  'draw.verifyAll': (_, ctx) => verifyAllDraws(dbOf(ctx)),
  'draw.projector': ({ id }, ctx) => projectorView(dbOf(ctx), id),
  'presentation.draft': ({ sessionId, teamId }, ctx) => presentationDraft(dbOf(ctx), sessionId, teamId),
  'presentation.record': (input, ctx) => recordPresentation(dbOf(ctx), input),
  'presentation.update': ({ id, patch }, ctx) => updatePresentation(dbOf(ctx), id, patch),
  'presentation.delete': ({ id }, ctx) => {
    deletePresentation(dbOf(ctx), id);
    return null;
  },
  'presentation.list': (filter, ctx) => listPresentations(dbOf(ctx), filter),
  'presentation.review': (_, ctx) => presentationReview(dbOf(ctx)),
  'presentation.settings': (_, ctx) => presentationSettings(dbOf(ctx)),
  'presentation.saveSettings': (settings, ctx) => savePresentationSettings(dbOf(ctx), settings),
  'presentation.export': async ({ format }, ctx) => toWire(await exportPresentations(courseOf(ctx), format)),
};
