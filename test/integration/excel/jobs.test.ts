import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '@shared/api';
import type { Course } from '../../../main/backend/services/course';
import { applyEdits } from '../../../main/backend/services/scores';
import { count, newCourse, type TestCourse } from '../workspace/helpers';
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

/** Polls a running job until `until` holds (it must still be running then). */
async function reach(c: TestCourse, id: string, until: (s: JobStatus) => boolean): Promise<void> {
  for (;;) {
    const s = await c.call('job.status', { id });
    expect(s.state).toBe('running');
    if (until(s)) return;
    await new Promise((r) => setImmediate(r));
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

  it('refuses a second import into the same course while one is running, but never a preview', async () => {
    const c = newCourse('ie7374');
    const file = wire('big.csv', bigClassList(20_000));
    const small = wire('class-list.csv', 'Student ID,Name\n1,"A, B"\n');
    const preview = await c.call('excel.startImport', { kind: 'roster', file, dryRun: true });
    // A running preview blocks nothing.
    const first = await c.call('excel.startImport', { kind: 'roster', file });
    const second = await c.fail('excel.startImport', { kind: 'roster', file: small });
    expect(second).toMatchObject({ code: 'conflict', message: expect.stringMatching(/An import is still writing to this course/) });
    // Every other write waits its turn the same way (it would land under the import's checks); reads answer.
    const teams = count(c, 'SELECT id FROM team');
    expect(await c.fail('team.create', { name: 'Late team' })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Nothing was changed/),
    });
    expect(count(c, 'SELECT id FROM team')).toBe(teams);
    // Changing the wizard's choices starts another preview while the import runs.
    const again = await c.call('excel.startImport', { kind: 'roster', file: small, dryRun: true });
    // Cancelled at once, before the import can finish on a fast machine.
    for (const id of [preview.jobId, first.jobId]) await c.call('job.cancel', { id });
    expect((await settle(c, again.jobId)).state).toBe('done');
    expect((await settle(c, first.jobId)).state).toBe('cancelled');
    // Once cancelled, it no longer blocks.
    expect((await settle(c, (await c.call('excel.startImport', { kind: 'roster', file: small })).jobId)).state).toBe('done');
    await c.call('team.create', { name: 'Late team' });
    expect(count(c, 'SELECT id FROM team')).toBe(teams + 1);
  });

  it('stops an import whose course was closed, plainly, and lets the next course import at once', async () => {
    const c = newCourse('ie7374');
    const first = await c.call('excel.startImport', { kind: 'roster', file: wire('big.csv', bigClassList(20_000)) });
    await reach(c, first.jobId, (s) => s.phase === 'Checking rows');
    c.workspace.create('other', 'blank');
    const end = await settle(c, first.jobId);
    expect(end).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', message: 'The course was closed while importing; nothing was changed.' },
    });
    const next = await c.call('excel.startImport', { kind: 'roster', file: wire('class-list.csv', 'Student ID,Name\n1,"A, B"\n') });
    expect((await settle(c, next.jobId)).result).toMatchObject({ applied: true, counts: { new: 1 } });
    c.workspace.open(c.file);
    expect((course(c).db.prepare('SELECT count(*) AS n FROM student').get() as { n: number }).n).toBe(0);
  });

  it('refuses to write an import checked against a course that changed while the file was read', async () => {
    const c = newCourse('ie7374', { demo: true });
    const [student] = course(c).db.prepare('SELECT id FROM student ORDER BY id LIMIT 1').all() as { id: number }[];
    const [item] = course(c).db.prepare('SELECT id FROM item WHERE team_graded = 0 ORDER BY id LIMIT 1').all() as { id: number }[];
    const { jobId } = await c.call('excel.startImport', { kind: 'roster', file: wire('big.csv', bigClassList(20_000)) });
    // Past the first row step, the import has read the roster it compares the file with.
    await reach(c, jobId, (s) => s.phase === 'Checking rows' && s.fraction > 0.3);
    const edit = { studentId: student!.id, itemId: item!.id, patch: { value: 1.25 } };
    // Through the API the edit waits its turn (refused while the import writes)...
    expect(await c.fail('score.apply', { edits: [edit] })).toMatchObject({ code: 'conflict' });
    // ...but a writer outside this app's dispatcher (another process on the file) is still caught.
    applyEdits(course(c).db, [edit]);
    const edited = fingerprint(course(c));
    const end = await settle(c, jobId);
    expect(end).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', message: 'The course changed while the file was read; nothing was changed. Import again.' },
    });
    expect(fingerprint(course(c))).toBe(edited);
  });

  it('hands an exported file out once, and forgets finished jobs after ten minutes even without new jobs', async () => {
    const c = newCourse('ie7374', { demo: true });
    const { jobId } = await c.call('excel.startExport', { kind: 'csv' });
    const done = await settle(c, jobId);
    expect(done.result).toMatchObject({ name: expect.stringMatching(/\.csv$/) });
    const later = await c.call('job.status', { id: jobId });
    expect(later).toMatchObject({ state: 'done', fraction: 1 });
    expect(later.result).toBeUndefined();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 11 * 60_000);
      expect(await c.fail('job.status', { id: jobId })).toMatchObject({ code: 'not_found' });
    } finally {
      vi.useRealTimers();
    }
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
