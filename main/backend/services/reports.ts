/**
 * Printable reports: one student's grade report, every enrolled student's (one PDF, or one
 * PDF each in a zip) and the class summary. The documents are built by main/backend/reports
 * from the course as stored; this module picks the data and names the files.
 */
import JSZip from 'jszip';
import type { Content } from 'pdfmake/interfaces';
import { courseLine } from '../reports/words';
import { classSummary } from '../reports/class';
import { enrolledIndexes, readClassData, readCourseData, readStudentData, type CourseData, type ReportOptions } from '../reports/data';
import { documentOf, renderPdf } from '../reports/pdf';
import { studentReport } from '../reports/student';
import type { Db } from '../db/open';
import { IDLE, type Steps } from '../jobs/steps';
import { requireStudentRow } from './roster';
import { ApiError } from '@shared/api/envelope';
import type { View } from '@shared/grading';

export interface ReportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

const PDF = 'application/pdf';
/** Letters, digits and a few marks, so a name is a file name on every system. */
const fileSafe = (s: string) => s.replace(/[^\p{L}\p{N} ._-]+/gu, '-').trim();
const studentFile = (c: CourseData, i: number) => `Grade report ${fileSafe(c.snapshot.students[i]!.registrarId)}.pdf`;
const footer = (c: CourseData) => courseLine(c.snapshot.course);

const render = (c: CourseData, title: string, parts: Content[][]) => renderPdf(documentOf(title, parts, footer(c)));

export async function studentReportPdf(db: Db, studentId: number, opts: ReportOptions, now = new Date()): Promise<ReportFile> {
  requireStudentRow(db, studentId);
  const course = readCourseData(db, now);
  const index = course.snapshot.students.findIndex((s) => s.id === studentId);
  const bytes = await render(course, 'Grade report', [studentReport(readStudentData(db, course, index), opts)]);
  return { name: studentFile(course, index), mime: PDF, bytes };
}

export async function classReportPdf(db: Db, view: View, now = new Date()): Promise<ReportFile> {
  const course = readCourseData(db, now);
  const bytes = await render(course, 'Class summary', [classSummary(readClassData(db, course), view)]);
  return { name: 'Class summary.pdf', mime: PDF, bytes };
}

/** How often the all-students report reports progress (and checks for Cancel). */
const STUDENTS_PER_STEP = 20;

/**
 * Every enrolled student's report. `each`: one PDF per student in a zip, rendered one at a
 * time so memory stays that of one report plus the finished files; `one`: a single PDF, a
 * page break before each student.
 */
export async function allStudentsReport(
  db: Db,
  opts: ReportOptions & { each: boolean },
  work: Steps = IDLE,
  now = new Date(),
): Promise<ReportFile> {
  const course = readCourseData(db, now);
  const indexes = enrolledIndexes(course);
  if (indexes.length === 0)
    throw new ApiError('validation_failed', 'The course has no enrolled students to report on. Add or import students first.');
  const zip = new JSZip();
  const parts: Content[][] = [];
  for (const [n, i] of indexes.entries()) {
    if (n % STUDENTS_PER_STEP === 0)
      await work.step((opts.each ? 0.95 : 0.5) * (n / indexes.length), `Student ${n + 1} of ${indexes.length}`);
    const content = studentReport(readStudentData(db, course, i), opts);
    if (opts.each) zip.file(studentFile(course, i), await render(course, 'Grade report', [content]), { binary: true });
    else parts.push(content);
  }
  if (opts.each) {
    await work.step(0.95, 'Packing the zip file');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    return { name: 'Grade reports.zip', mime: 'application/zip', bytes };
  }
  await work.step(0.5, `Laying out ${indexes.length} reports in one PDF`);
  return { name: 'Grade reports.pdf', mime: PDF, bytes: await render(course, 'Grade reports', parts) };
}
