import { z } from 'zod';
import { method } from './define';
import { ExportedFile } from './excel';
import { JobStarted } from './jobs';

/**
 * Printable PDF reports, built in the backend from the course as stored (the same document
 * in the app, the browser and the CLI). A student report shows only that student's records:
 * never an accommodation note, an integrity case note or another student.
 */
export const ReportView = z.enum(['current', 'final']);
export type ReportView = z.infer<typeof ReportView>;

const StudentOptions = {
  view: ReportView.default('final'),
  /** Print the instructor's comments on the items. */
  comments: z.boolean().default(false),
};

export const reportMethods = {
  /** One student's grade report with its working, as a PDF file. */
  'report.student': method(z.object({ studentId: z.number().int().positive(), ...StudentOptions }).strict(), ExportedFile),
  /** The class summary (distribution, item statistics, attendance, presentations, overrides, policy) as a PDF file. */
  'report.class': method(z.object({ view: ReportView.default('final') }).strict(), ExportedFile),
  /**
   * Every enrolled student's report as a job (progress, Cancel); its result is the file: one
   * PDF, or with `each` one PDF per student in a zip.
   */
  'report.startAll': method(z.object({ ...StudentOptions, each: z.boolean().default(false) }).strict(), JobStarted),
};
