import type { policyMethods } from '@shared/api/policy';
import { summarizeCourse } from '../services/course';
import { previewPolicy, savePolicy } from '../services/policy';
import { courseOf, dbOf, type Handlers } from './context';

export const policyHandlers: Handlers<keyof typeof policyMethods> = {
  'policy.save': ({ policy, categories }, ctx) => {
    savePolicy(dbOf(ctx), policy, categories);
    return summarizeCourse(courseOf(ctx));
  },
  'policy.preview': ({ policy, categories }, ctx) => previewPolicy(dbOf(ctx), policy, categories),
};
