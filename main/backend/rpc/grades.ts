import type { gradeMethods } from '../../../shared/api/grades';
import { requireCourse } from '../services/course';
import { clearOverride, computeGrades, explainGrade, setOverride } from '../services/grades';
import type { Ctx, Handlers } from './context';

const db = (ctx: Ctx) => requireCourse(ctx.workspace.course).db;

export const gradeHandlers: Handlers<keyof typeof gradeMethods> = {
  'grades.compute': ({ asOf }, ctx) => computeGrades(db(ctx), asOf),
  'grades.explain': ({ studentId, asOf }, ctx) => explainGrade(db(ctx), studentId, asOf),
  'override.set': (input, ctx) => setOverride(db(ctx), input),
  'override.clear': ({ studentId, reason }, ctx) => clearOverride(db(ctx), studentId, reason),
};
