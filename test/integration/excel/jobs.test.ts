import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../../shared/api';
import type { Course } from '../../../main/backend/services/course';
import { newCourse, type TestCourse } from '../workspace/helpers';
import { fingerprint, FIXTURES } from './helpers';

const wire = (name: string, bytes: Uint8Array | string) => ({ name, data: Buffer.from(bytes).toString('base64') });
const course = (c: TestCourse) => c.workspace.course as Course;

async function settle(c: TestCourse, id: string): Promise<JobStatus> {
  for (;;) {
    const s = await c.call('job.status', { id });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** A class list long enough that checking its rows takes many steps. */
function bigClassList(rows: number): string {
  const lines = ['Student ID,Name,Email'];
  for (let i = 0; i < rows; i++) lines.push(`${String(i).padStart(9, '0')},"Last${i}, First${i}",s${i}@example.edu`);
  return lines.join('\n');
}

describe('import and export jobs', () => {
  it('runs an import to fraction 1 with its report as the result, reporting phases on the way', async () => {
    const c = newCourse('ie7374');
    const file = wire('class-list.csv', fs.readFileSync(path.join(FIXTURES, 'class-list.csv')));
    const { jobId } = await c.call('excel.startImport', { kind: 'roster', file });
    const phases = new Set<string>();
    let s: JobStatus;
    do {
      s = await c.call('job.status', { id: jobId });
      phases.add(s.phase);
      await new Promise((r) => setImmediate(r));
    } while (s.state === 'running');
    expect(s).toMatchObject({ state: 'done', fraction: 1, kind: 'import.roster' });
    expect(s.result).toMatchObject({ applied: true, counts: { new: 8 } });
    expect(phases.size).toBeGreaterThan(1);
    expect((course(c).db.prepare('SELECT count(*) AS n FROM student').get() as { n: number }).n).toBe(8);
  });

  it('a cancelled import changes nothing, whether cancelled at once or while checking rows', async () => {
    const c = newCourse('ie7374');
    const before = fingerprint(course(c));
    const file = wire('big.csv', bigClassList(20_000));

    const first = await c.call('excel.startImport', { kind: 'roster', file });
    await c.call('job.cancel', { id: first.jobId });
    expect(await settle(c, first.jobId)).toMatchObject({ state: 'cancelled', phase: 'Cancelled; nothing was changed' });

    const second = await c.call('excel.startImport', { kind: 'roster', file });
    let s = await c.call('job.status', { id: second.jobId });
    while (s.state === 'running' && s.phase !== 'Checking rows') {
      await new Promise((r) => setImmediate(r));
      s = await c.call('job.status', { id: second.jobId });
    }
    expect(s).toMatchObject({ state: 'running', phase: 'Checking rows' });
    expect(s.fraction).toBeGreaterThan(0);
    await c.call('job.cancel', { id: second.jobId });
    const end = await settle(c, second.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.fraction).toBeLessThan(1);
    expect(fingerprint(course(c))).toBe(before);
    // Cancelling a finished job leaves it as it is.
    expect((await c.call('job.cancel', { id: second.jobId })).state).toBe('cancelled');
  });

  it('a failing import reports its message and problems, and changes nothing', async () => {
    const c = newCourse('ie7374');
    const before = fingerprint(course(c));
    const { jobId } = await c.call('excel.startImport', {
      kind: 'roster',
      file: wire('bad.csv', 'Student ID,Name\n001,"A, B"\n001,"C, D"\n'),
    });
    const s = await settle(c, jobId);
    expect(s.state).toBe('failed');
    expect(s.error).toMatchObject({ code: 'validation_failed' });
    expect(s.error!.message).toMatch(/nothing was imported.*Duplicate student ID 001/);
    expect((s.error!.details as { problems: { row: number; column: string }[] }).problems[0]).toMatchObject({ row: 3, column: 'A' });
    expect(fingerprint(course(c))).toBe(before);
  });

  it('refuses a second import while one is running', async () => {
    const c = newCourse('ie7374');
    const file = wire('big.csv', bigClassList(20_000));
    const first = await c.call('excel.startImport', { kind: 'roster', file, dryRun: true });
    const second = await c.fail('excel.startImport', { kind: 'roster', file: wire('class-list.csv', 'Student ID,Name\n1,"A, B"\n') });
    expect(second).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Another import is still running/) });
    await c.call('job.cancel', { id: first.jobId });
    expect((await settle(c, first.jobId)).state).toBe('cancelled');
  });

  it('exports the workbook as a job whose result is the file', async () => {
    const c = newCourse('ie7374', { demo: true });
    const { jobId } = await c.call('excel.startExport', { kind: 'workbook' });
    const s = await settle(c, jobId);
    expect(s).toMatchObject({ state: 'done', fraction: 1, kind: 'export.workbook' });
    const file = s.result as { name: string; data: string };
    expect(file.name).toMatch(/-workbook-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(Buffer.from(file.data, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses an unknown job id and an unknown import kind plainly', async () => {
    const c = newCourse();
    expect((await c.fail('job.status', { id: '00000000-0000-4000-8000-000000000000' })).message).toMatch(/There is no job/);
    expect((await c.fail('excel.startImport', { kind: 'grades', file: wire('a.csv', 'x') })).code).toBe('invalid_input');
  });
});
