import type { jobMethods } from '@shared/api/jobs';
import { cancelJob, jobStatus } from '../jobs/runner';
import type { Handlers } from './context';

export const jobHandlers: Handlers<keyof typeof jobMethods> = {
  'job.status': ({ id }) => jobStatus(id),
  'job.cancel': ({ id }) => cancelJob(id),
};
