import { describe, expect, it } from 'vitest';
import { initialReportForm, reportDialog, reportRequest } from '@shared/screens/reportForm';

const jose = { studentId: 7, name: 'Núñez, José' };

describe('the Report… dialog', () => {
  it("asks for one student's report with the chosen view and comments", () => {
    const f = { ...initialReportForm('current'), comments: true, each: true };
    expect(reportRequest(jose, f)).toEqual({ method: 'report.student', input: { studentId: 7, view: 'current', comments: true } });
    expect(reportDialog(jose, f)).toEqual({ title: 'Report: Núñez, José', showComments: true, showEach: false, submit: 'Save PDF' });
  });

  it("runs every student's report as a job, one PDF or a zip of one each", () => {
    const f = { ...initialReportForm('final'), each: true };
    expect(reportRequest(null, f)).toEqual({ method: 'report.startAll', input: { view: 'final', comments: false, each: true } });
    expect(reportDialog(null, f)).toMatchObject({ title: 'Report for the class', showEach: true, submit: 'Save zip of PDFs' });
    expect(reportDialog(null, { ...f, each: false }).submit).toBe('Save PDF');
  });

  it('asks for the class summary without the student options', () => {
    const f = { ...initialReportForm('final'), what: 'summary' as const, comments: true };
    expect(reportRequest(null, f)).toEqual({ method: 'report.class', input: { view: 'final' } });
    expect(reportDialog(null, f)).toMatchObject({ showComments: false, showEach: false, submit: 'Save class summary' });
  });
});
