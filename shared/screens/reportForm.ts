/**
 * The Report… dialog's choices and the request they make: one student's report, every
 * student's (one PDF or one per student in a zip, as a job) or the class summary.
 */
import type { Input } from '../api';
import type { View } from '../grading/types';

/** Who the dialog was opened for: one student (from a row, Explain or the Roster) or the class. */
export type ReportTarget = { readonly studentId: number; readonly name: string } | null;

export interface ReportForm {
  /** For the class: every student's report, or the class summary. */
  readonly what: 'students' | 'summary';
  readonly view: View;
  readonly comments: boolean;
  /** Every student: one PDF per student (a zip) instead of one PDF. */
  readonly each: boolean;
}

export const initialReportForm = (view: View): ReportForm => ({ what: 'students', view, comments: false, each: false });

export type ReportRequest =
  | { readonly method: 'report.student'; readonly input: Input<'report.student'> }
  | { readonly method: 'report.class'; readonly input: Input<'report.class'> }
  | { readonly method: 'report.startAll'; readonly input: Input<'report.startAll'> };

export function reportRequest(target: ReportTarget, f: ReportForm): ReportRequest {
  if (target) return { method: 'report.student', input: { studentId: target.studentId, view: f.view, comments: f.comments } };
  if (f.what === 'summary') return { method: 'report.class', input: { view: f.view } };
  return { method: 'report.startAll', input: { view: f.view, comments: f.comments, each: f.each } };
}

/** The dialog's title and which options apply. */
export function reportDialog(target: ReportTarget, f: ReportForm) {
  const students = target !== null || f.what === 'students';
  return {
    title: target ? `Report: ${target.name}` : 'Report for the class',
    showComments: students,
    showEach: target === null && f.what === 'students',
    submit: target ? 'Save PDF' : f.what === 'summary' ? 'Save class summary' : f.each ? 'Save zip of PDFs' : 'Save PDF',
  };
}
