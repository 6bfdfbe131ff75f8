import type { reportMethods } from '@shared/api/reports';
import { nativeBindingPath } from '../db/open';
import { runOffThread } from '../jobs/off-thread';
import { startJob } from '../jobs/runner';
import { classReportPdf, studentReportPdf } from '../services/reports';
import { courseOf, dbOf, type Handlers } from './context';
import { toWire } from './excel';

export const reportHandlers: Handlers<keyof typeof reportMethods> = {
  'report.student': async ({ studentId, ...opts }, ctx) => toWire(await studentReportPdf(dbOf(ctx), studentId, opts)),
  'report.class': async ({ view }, ctx) => toWire(await classReportPdf(dbOf(ctx), view)),
  // On a worker thread over a read-only connection: laying out hundreds of reports blocks no other call.
  'report.startAll': (opts, ctx) => {
    const course = courseOf(ctx);
    // The open course, checked when it was opened: the worker does not run quick_check again.
    const input = { file: course.file, checked: true, now: new Date(), nativeBinding: nativeBindingPath(), opts };
    return {
      jobId: startJob('report.students', { course, writes: false }, async (work) => toWire(await runOffThread('reportAll', input, work))),
    };
  },
};
