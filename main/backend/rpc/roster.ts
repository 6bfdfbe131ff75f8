import type { rosterMethods } from '../../../shared/api/roster';
import { requireCourse } from '../services/course';
import { addStudent, setWithdrawn, updateStudent } from '../services/roster';
import { assignTeam, createTeam, deleteTeam, formRandomTeams, renameTeam } from '../services/teams';
import type { Ctx, Handlers } from './context';

const db = (ctx: Ctx) => requireCourse(ctx.workspace.course).db;

export const rosterHandlers: Handlers<keyof typeof rosterMethods> = {
  'student.add': (input, ctx) => addStudent(db(ctx), input),
  'student.update': ({ id, patch }, ctx) => updateStudent(db(ctx), id, patch),
  'student.setWithdrawn': ({ id, withdrawn }, ctx) => setWithdrawn(db(ctx), id, withdrawn),
  'team.create': ({ name }, ctx) => createTeam(db(ctx), name),
  'team.rename': ({ id, name }, ctx) => renameTeam(db(ctx), id, name),
  'team.delete': ({ id }, ctx) => {
    deleteTeam(db(ctx), id);
    return null;
  },
  'team.assign': ({ studentId, teamId, from }, ctx) => {
    assignTeam(db(ctx), studentId, teamId, from);
    return null;
  },
  'team.formRandom': (input, ctx) => formRandomTeams(db(ctx), input),
};
