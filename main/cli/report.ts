import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/envelope';
import type { View } from '@shared/grading';
import { allStudentsReport, classReportPdf, studentReportPdf } from '../backend/services/reports';
import { onCourse, type Flags } from './open';

/**
 * `gradebook report student|class <course> <out.pdf>`: the same PDF documents as the app's
 * Report… action. Without --student, every enrolled student (one PDF, or with --each a zip of
 * one PDF each), with progress on stderr.
 */
export async function reportCommand(
  [kind, file, target]: string[],
  flags: Flags,
  out: (s: string) => void,
  usage: (why: string) => Error,
): Promise<void> {
  const view = (flags.view ?? 'final') as View;
  if (view !== 'current' && view !== 'final') throw usage(`--view "${String(view)}" is not a view: use current or final`);
  if (kind !== 'student' && kind !== 'class') throw usage(`unknown report "${kind ?? ''}": use student or class`);
  if (kind === 'class' && (flags.student || flags.each || flags.comments))
    throw usage('--student, --each and --comments apply to student reports');
  const opts = { view, comments: !!flags.comments };
  const written = await onCourse(file!, async (course) => {
    if (kind === 'class') return classReportPdf(course.db, view);
    if (!flags.student) {
      const progress = {
        step: async (fraction: number, phase: string) => void process.stderr.write(`${Math.round(fraction * 100)}% ${phase}\n`),
      };
      return allStudentsReport(course.db, { ...opts, each: !!flags.each }, progress);
    }
    const row = course.db.prepare('SELECT id FROM student WHERE registrar_id = ?').get(flags.student) as { id: number } | undefined;
    if (!row)
      throw new ApiError(
        'not_found',
        `No student has the registrar ID ${flags.student as string} in this course. Check the ID (gradebook compute lists them).`,
      );
    return studentReportPdf(course.db, row.id, opts);
  });
  fs.writeFileSync(target!, written.bytes);
  out(
    `Wrote ${path.resolve(target!)} (${written.name.endsWith('.zip') ? 'a zip of PDFs' : 'PDF'}, ${Math.ceil(written.bytes.length / 1024)} KB)`,
  );
}
