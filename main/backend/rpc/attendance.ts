import type { attendanceMethods } from '@shared/api/attendance';
import { importAttendance } from '../excel/attendance-import';
import { exportAttendance } from '../excel/attendance-export';
import { applyMarks, markAll, readRegister, reviewClass, reviewStudent } from '../services/attendance';
import { addSession, deleteSession, generateSessions, listSessions, setCancelled, updateSession } from '../services/sessions';
import { courseOf, dbOf, type Handlers } from './context';
import { fromWire, toWire } from './excel';

const at = (asOf: string | undefined) => (asOf === undefined ? Date.now() : Date.parse(asOf));

export const attendanceHandlers: Handlers<keyof typeof attendanceMethods> = {
  'attendance.sessions': ({ asOf }, ctx) => listSessions(dbOf(ctx), at(asOf)),
  'attendance.generate': ({ pattern, dryRun }, ctx) => generateSessions(dbOf(ctx), pattern, dryRun),
  'attendance.addSession': (fields, ctx) => addSession(dbOf(ctx), fields),
  'attendance.updateSession': ({ id, patch }, ctx) => updateSession(dbOf(ctx), id, patch),
  'attendance.setCancelled': ({ id, cancelled }, ctx) => setCancelled(dbOf(ctx), id, cancelled),
  'attendance.deleteSession': ({ id, confirm }, ctx) => deleteSession(dbOf(ctx), id, confirm),
  'attendance.mark': (edit, ctx) => applyMarks(dbOf(ctx), [edit]),
  'attendance.markMany': ({ marks, label }, ctx) => applyMarks(dbOf(ctx), marks, label),
  'attendance.markAll': ({ sessionId, mark, overwrite }, ctx) => markAll(dbOf(ctx), sessionId, mark, overwrite),
  'attendance.register': ({ asOf }, ctx) => readRegister(dbOf(ctx), at(asOf)),
  'attendance.student': ({ studentId, asOf }, ctx) => reviewStudent(dbOf(ctx), studentId, at(asOf)),
  'attendance.class': ({ asOf }, ctx) => reviewClass(dbOf(ctx), at(asOf)),
  'attendance.import': ({ file, ...opts }, ctx) => importAttendance(courseOf(ctx), fromWire(file), opts),
  'attendance.export': async ({ format, asOf }, ctx) => toWire(await exportAttendance(dbOf(ctx), format, at(asOf))),
};
