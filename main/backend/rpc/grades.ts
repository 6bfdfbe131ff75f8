import type { gradeMethods } from '@shared/api/grades';
import { clearOverride, computeGrades, explainGrade, setOverride } from '../services/grades';
import { dbOf, type Handlers } from './context';

export const gradeHandlers: Handlers<keyof typeof gradeMethods> = {
  'grades.compute': ({ asOf }, ctx) => computeGrades(dbOf(ctx), asOf),
  'grades.explain': ({ studentId, asOf }, ctx) => explainGrade(dbOf(ctx), studentId, asOf),
  'override.set': (input, ctx) => setOverride(dbOf(ctx), input),
  'override.clear': ({ studentId, reason }, ctx) => clearOverride(dbOf(ctx), studentId, reason),
};
