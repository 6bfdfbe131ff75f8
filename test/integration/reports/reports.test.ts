import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '@shared/api';
import { fmtPoints, type StudentResult } from '@shared/grading';
import { tmpDir } from '../../helpers/tmp';
import { db, newCourse, type TestCourse } from '../workspace/helpers';
import { firstPagePng, pageCount, pdfText, writeWire } from './poppler';

const BIN = path.resolve('main/cli/gradebook.cjs');
const gradebook = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

interface Computed {
  students: (StudentResult & { registrarId: string })[];
}

const CASE_NOTE = 'Copied answers from a classmate (case 2026-17)';
const DRC_NOTE = 'DRC letter: 2 extra days on every deadline';

/** The demo class with a Greek name on the student who has an accommodation, and an integrity finding on that student's Homework 2. */
async function demo(): Promise<{ c: TestCourse; studentId: number; registrarId: string; others: string[] }> {
  const c = newCourse('ie7374', { demo: true });
  const students = db(c).prepare('SELECT id, registrar_id, first_name, last_name, accommodation_note FROM student ORDER BY id').all() as {
    id: number;
    registrar_id: string;
    first_name: string;
    last_name: string;
    accommodation_note: string | null;
  }[];
  const me = students.find((s) => s.accommodation_note === DRC_NOTE)!;
  await c.call('student.update', { id: me.id, patch: { firstName: 'Γιώργος', lastName: 'Παπαδόπουλος-Müller' } });
  const hw2 = (db(c).prepare("SELECT id FROM item WHERE name = 'Homework 2'").get() as { id: number }).id;
  await c.call('score.apply', {
    edits: [{ studentId: me.id, itemId: hw2, patch: { value: 9, integrity: { date: '2026-09-25', note: CASE_NOTE } } }],
  });
  const others = students.filter((s) => s.id !== me.id).map((s) => `${s.last_name}, ${s.first_name}`);
  return { c, studentId: me.id, registrarId: me.registrar_id, others };
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every number the report prints for the student, as `gradebook compute --json` gives it. */
function expectNumbersOf(text: string, r: StudentResult, view: 'current' | 'final') {
  expect(text).toContain(`${r[view].display}% ${r[view].letter}`);
  for (const cat of r.categories) {
    const display = cat[view].display;
    if (display) expect(text).toMatch(new RegExp(`${esc(cat.name)} ${esc(fmtPoints(cat.weight))}% \\S+% [^%]+ ${esc(display)}% `));
  }
  for (const item of r.items) {
    if (item.effective === null) continue;
    expect(text).toMatch(
      new RegExp(`${esc(item.name)} \\w{3} \\d+ \\w{3} ${esc(fmtPoints(item.effective))} ${esc(fmtPoints(item.possible))} `),
    );
  }
}

/** The CLI starts through tsx and renders PDFs: slow on a shared 2-core machine, not stuck. */
const SLOW = 240_000;

describe('printable reports', () => {
  it(
    "prints one student's report from the CLI with the numbers of compute --json, names intact and nothing private",
    async () => {
      const { c, registrarId, others } = await demo();
      c.workspace.close();
      const dir = tmpDir();
      const pdf = path.join(dir, 'student.pdf');
      const run = gradebook('report', 'student', c.file, pdf, '--student', registrarId);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const computed = JSON.parse(gradebook('compute', c.file, '--json').stdout) as Computed;
      const r = computed.students.find((s) => s.registrarId === registrarId)!;

      const text = pdfText(pdf);
      expect(text).toContain('Grade report: Παπαδόπουλος-Müller, Γιώργος');
      expect(text).toContain(`Student ID ${registrarId}`);
      expect(text).toContain('IE 7374 Machine Learning Operations');
      expectNumbersOf(text, r, 'final');
      expect(text).toContain('Homework 2 Tue 22 Sep 0 10');
      expect(text).toContain('zero credit (academic integrity)');
      expect(text).toContain('How the grade was worked out');
      expect(text).toContain(r.explanation.find((l) => l.kind === 'total' && l.view === 'final')!.text.replace(/\s+/g, ' '));
      expect(text).toMatch(/Attendance rate: \d+\.\d\d%/);
      expect(text).toMatch(/Produced \w{3} \d+ \w{3} 2026, \d+:\d\d [ap]m E[SD]T/);
      expect(text).not.toContain(DRC_NOTE);
      expect(text).not.toContain('DRC');
      expect(text).not.toContain(CASE_NOTE);
      for (const name of others) expect(text).not.toContain(name);

      expect(fs.statSync(firstPagePng(pdf)).size).toBeGreaterThan(10_000);
    },
    SLOW,
  );

  it(
    'prints the class summary from the CLI, and refuses a wrong command line with its usage',
    () => {
      const dir = tmpDir();
      const file = path.join(dir, 'demo.gradebook');
      expect(gradebook('new', file, '--demo').status).toBe(0);
      const pdf = path.join(dir, 'summary.pdf');
      const run = gradebook('report', 'class', file, pdf, '--view', 'current');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`Wrote ${pdf} (PDF,`);
      const text = pdfText(pdf);
      expect(text).toContain('Class summary Current grade (graded work so far)');
      expect(text).toContain('Grade distribution (40 enrolled students)');
      expect(gradebook('report', '--help').stdout).toContain('Usage: gradebook report student|class <file.gradebook> <out.pdf>');
      const wrongView = gradebook('report', 'student', file, pdf, '--view', 'midterm');
      expect(wrongView.status).toBe(2);
      expect(wrongView.stderr).toContain('--view "midterm" is not a view: use current or final');
      const unknown = gradebook('report', 'student', file, pdf, '--student', '000000000');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('No student has the registrar ID 000000000 in this course.');
    },
    SLOW,
  );

  it('prints the current view and the comments only when asked', async () => {
    const { c, studentId } = await demo();
    const hw1 = (db(c).prepare("SELECT id FROM item WHERE name = 'Homework 1'").get() as { id: number }).id;
    await c.call('score.apply', { edits: [{ studentId, itemId: hw1, patch: { comment: 'Clear derivation, well done' } }] });
    const dir = tmpDir();
    const plain = pdfText(writeWire(dir, await c.call('report.student', { studentId, view: 'current' })));
    const r = await c.call('grades.explain', { studentId });
    expectNumbersOf(plain, r, 'current');
    expect(plain).toContain('Current grade (graded work so far)');
    expect(plain).not.toContain('Clear derivation');
    const withComments = pdfText(writeWire(dir, await c.call('report.student', { studentId, comments: true })));
    expect(withComments).toContain('Clear derivation, well done');
    expect(withComments).toContain('Final grade (work not graded yet counts as 0)');
  });

  it("lists a category's excused items on one line, leaving out a muted one", async () => {
    const c = newCourse('ie7374', { demo: true });
    const students = (db(c).prepare('SELECT id FROM student ORDER BY id').all() as { id: number }[]).map((s) => s.id);
    const results = await Promise.all(students.map((studentId) => c.call('grades.explain', { studentId })));
    const r = results.find((x) => x.explanation.some((l) => l.kind === 'not-counted' && l.itemIds.length >= 3))!;
    const line = r.explanation.find((l) => l.kind === 'not-counted')!;
    if (line.kind !== 'not-counted') throw new Error('no grouped line');
    const names = line.itemIds.map((id) => r.items.find((i) => i.itemId === id)!.name);
    const dir = tmpDir();
    expect(pdfText(writeWire(dir, await c.call('report.student', { studentId: r.studentId })))).toContain(line.text);

    await c.call('item.update', { id: line.itemIds[1]!, patch: { muted: true } });
    const shown = names.filter((_, k) => k !== 1);
    const text = pdfText(writeWire(dir, await c.call('report.student', { studentId: r.studentId })));
    expect(text).toContain(`${shown.slice(0, -1).join(', ')}, and ${shown.at(-1)}: excused — not counted`);
    expect(text).not.toContain(names[1]!);
  });

  it('refuses an unknown student and writes nothing', async () => {
    const { c } = await demo();
    const before = c.fileBytes();
    expect(await c.fail('report.student', { studentId: 99999 })).toMatchObject({ code: 'not_found' });
    expect(await c.fail('report.student', { studentId: 1, view: 'midterm' })).toMatchObject({ code: 'invalid_input' });
    expect(c.fileBytes().equals(before)).toBe(true);
  });

  it('prints the class summary: distribution, item statistics, attendance, presentations, overrides and policy', async () => {
    const { c, studentId } = await demo();
    await c.call('override.set', { studentId, letter: 'B+', reason: 'Medical withdrawal from the final, agreed with the dean' });
    const dir = tmpDir();
    const pdf = writeWire(dir, await c.call('report.class', {}));
    expect(pdf.endsWith('Class summary.pdf')).toBe(true);
    const text = pdfText(pdf);
    const grades = await c.call('grades.compute', {});
    const letters = grades.students.map((s) => s.letter);
    expect(text).toContain('Grade distribution (40 enrolled students)');
    expect(text).toContain('Students per letter');
    const count = (l: string) => letters.filter((x) => x === l).length;
    expect(text).toContain(`A 94 ${count('A')} `);
    expect(text).toContain(`B+ 82 ${count('B+')} `);
    // Homework 1: effective scores of every student who has one, in the final view.
    const hw1 = (await Promise.all(grades.students.map((s) => c.call('grades.explain', { studentId: s.studentId }))))
      .map((r) => r.items.find((i) => i.name === 'Homework 1')!)
      .filter((i) => i.effective !== null && i.final !== 'excluded')
      .map((i) => i.effective!);
    const mean = hw1.reduce((a, b) => a + b, 0) / hw1.length;
    expect(text).toContain(`Homework 1 Homeworks 10 ${hw1.length} ${mean.toFixed(2)}`);
    expect(text).toContain('Attendance per session');
    expect(text).toContain('Presentations per team');
    expect(text).toMatch(/Demo team 1 \d+ \d+/);
    expect(text).toContain('Παπαδόπουλος-Müller, Γιώργος');
    expect(text).toContain('Medical withdrawal from the final, agreed with the dean');
    expect(text).toContain('A ≥ 94, A- ≥ 88, B+ ≥ 82');
    expect(text).toContain('up to 48 h late: −10% of points earned; more than 48 h late: not accepted (0)');
    expect(text).not.toContain(DRC_NOTE);
    expect(text).not.toContain(CASE_NOTE);
  });

  it(
    'prints every student as one PDF each in a zip, as a job with progress',
    async () => {
      const { c } = await demo();
      const { jobId } = await c.call('report.startAll', { each: true });
      const phases = new Set<string>();
      let status: JobStatus;
      for (;;) {
        status = await c.call('job.status', { id: jobId });
        phases.add(status.phase);
        if (status.state !== 'running') break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(status.state).toBe('done');
      expect([...phases].some((p) => /^Student \d+ of 40$/.test(p))).toBe(true);
      const file = status.result as { name: string; mime: string; data: string };
      expect(file).toMatchObject({ name: 'Grade reports.zip', mime: 'application/zip' });
      const zip = await JSZip.loadAsync(Buffer.from(file.data, 'base64'));
      const names = Object.keys(zip.files);
      expect(names).toHaveLength(40);
      const dir = tmpDir();
      const one = path.join(dir, 'one.pdf');
      fs.writeFileSync(one, await zip.file(names[0]!)!.async('uint8array'));
      expect(pdfText(one)).toContain('Grade report:');
    },
    SLOW,
  );

  it(
    'prints every student in one PDF, a student per page break, and Cancel stops it',
    async () => {
      const { c } = await demo();
      const cancelled = await c.call('report.startAll', {});
      await c.call('job.cancel', { id: cancelled.jobId });
      await expect.poll(async () => (await c.call('job.status', { id: cancelled.jobId })).state).toBe('cancelled');

      const { jobId } = await c.call('report.startAll', { view: 'current' });
      let status: JobStatus;
      do {
        await new Promise((r) => setTimeout(r, 50));
        status = await c.call('job.status', { id: jobId });
      } while (status.state === 'running');
      const pdf = writeWire(tmpDir(), status.result as { name: string; data: string });
      const text = pdfText(pdf);
      expect(text.match(/Grade report: /g)).toHaveLength(40);
      expect(pageCount(pdf)).toBeGreaterThanOrEqual(80);
    },
    SLOW,
  );
});
