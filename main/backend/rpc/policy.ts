import type { policyMethods } from '../../../shared/api/policy';
import { requireCourse } from '../services/course';
import { renameCourse, savePolicy } from '../services/policy';
import type { Ctx, Handlers } from './context';
import { summarize } from './course';

const course = (ctx: Ctx) => requireCourse(ctx.workspace.course);

export const policyHandlers: Handlers<keyof typeof policyMethods> = {
  'policy.save': ({ policy, categories }, ctx) => {
    savePolicy(course(ctx).db, policy, categories);
    return summarize(course(ctx));
  },
  'course.rename': (info, ctx) => {
    renameCourse(course(ctx).db, info);
    return summarize(course(ctx));
  },
};
