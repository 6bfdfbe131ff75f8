import type { policyMethods } from '@shared/api/policy';
import { previewPolicy, renameCourse, savePolicy } from '../services/policy';
import { courseOf, type Handlers } from './context';
import { summarize } from './course';

export const policyHandlers: Handlers<keyof typeof policyMethods> = {
  'policy.save': ({ policy, categories }, ctx) => {
    savePolicy(courseOf(ctx).db, policy, categories);
    return summarize(courseOf(ctx));
  },
  'policy.preview': ({ policy, categories }, ctx) => previewPolicy(courseOf(ctx).db, policy, categories),
  'course.rename': (info, ctx) => {
    renameCourse(courseOf(ctx).db, info);
    return summarize(courseOf(ctx));
  },
};
