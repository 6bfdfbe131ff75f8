import type { rosterMethods } from '@shared/api/roster';
import { addStudent, setWithdrawn, updateStudent } from '../services/roster';
import { assignTeam, createTeam, deleteTeam, formRandomTeams, renameTeam } from '../services/teams';
import { dbOf, type Handlers } from './context';

export const rosterHandlers: Handlers<keyof typeof rosterMethods> = {
  'student.add': (input, ctx) => addStudent(dbOf(ctx), input),
  'student.update': ({ id, patch }, ctx) => updateStudent(dbOf(ctx), id, patch),
  'student.setWithdrawn': ({ id, withdrawn }, ctx) => setWithdrawn(dbOf(ctx), id, withdrawn),
  'team.create': ({ name }, ctx) => createTeam(dbOf(ctx), name),
  'team.rename': ({ id, name }, ctx) => renameTeam(dbOf(ctx), id, name),
  'team.delete': ({ id }, ctx) => {
    deleteTeam(dbOf(ctx), id);
    return null;
  },
  'team.assign': ({ studentId, teamId, from }, ctx) => {
    assignTeam(dbOf(ctx), studentId, teamId, from);
    return null;
  },
  'team.formRandom': (input, ctx) => formRandomTeams(dbOf(ctx), input),
};
