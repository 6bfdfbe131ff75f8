import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '@shared/api';
import { change } from '../../../main/backend/changes/tracker';
import { runOffThread } from '../../../main/backend/jobs/off-thread';
import { IDLE } from '../../../main/backend/jobs/steps';
import type { RowsPart } from '../../../main/backend/jobs/worker';
import { newCourse, db, type TestCourse } from '../workspace/helpers';
import { tinyXlsx } from './helpers';

/** A course large enough that its workbook takes seconds to compress. */
function fill(c: TestCourse, students: number, items: number): { studentId: number; itemId: number } {
  const now = new Date().toISOString();
  let first = { studentId: 0, itemId: 0 };
  change(db(c), 'test data', (cs) => {
    const category = (db(c).prepare("SELECT id FROM category WHERE kind = 'items' ORDER BY position").get() as { id: number }).id;
    const ids = Array.from({ length: items }, (_, i) =>
      cs.insert('item', { category_id: category, name: `Item ${i + 1}`, points_possible: 10, position: i + 1, created_at: now }),
    );
    for (let s = 0; s < students; s++) {
      const id = cs.insert('student', {
        registrar_id: String(s).padStart(9, '0'),
        first_name: `First${s}`,
        last_name: `Last${s}`,
        status: 'enrolled',
        extension_days: 0,
        created_at: now,
      });
      for (const item of ids) cs.put('score', { student_id: id, item_id: item }, { value: (s * 7 + item) % 11, updated_at: now });
      if (s === 0) first = { studentId: id, itemId: ids[0]! };
    }
  });
  return first;
}

async function until(c: TestCourse, id: string, done: (s: JobStatus) => boolean): Promise<JobStatus> {
  for (;;) {
    const s = await c.call('job.status', { id });
    if (done(s)) return s;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('work off the request path', () => {
  it('answers other calls while a large workbook is written, and cancels the export at once', async () => {
    const c = newCourse('blank');
    const { studentId, itemId } = fill(c, 1000, 50);
    const { jobId } = await c.call('excel.startExport', { kind: 'workbook' });
    // Writing the data sheet, row by row, is the long step (50,000 scores).
    await until(c, jobId, (s) => s.state !== 'running' || s.phase === 'Writing the course data');
    const summary = await c.call('course.summary', {});
    const edit = await c.call('score.apply', { edits: [{ studentId, itemId, patch: { value: 9.5 } }] });
    expect(summary.counts.students).toBe(1000);
    expect(edit).toBeTruthy();
    // Both answered while the export was still compressing.
    expect(await c.call('job.status', { id: jobId })).toMatchObject({ state: 'running', phase: 'Writing the course data' });
    await c.call('job.cancel', { id: jobId });
    expect(await until(c, jobId, (s) => s.state !== 'running')).toMatchObject({ state: 'cancelled' });

    // The next export (on a fresh worker) reads the course as it is now, the edit included.
    const next = await c.call('excel.startExport', { kind: 'workbook' });
    const done = await until(c, next.jobId, (s) => s.state !== 'running');
    expect(done.state).toBe('done');
    const file = done.result as { name: string; data: string };
    const imported = newCourse('blank');
    const report = await imported.call('excel.importWorkbook', { file: { name: file.name, data: file.data }, dryRun: true });
    expect(report.counts).toMatchObject({ student: 1000, score: 1000 * 50 });
  }, 240_000);

  it('stops an export whose course is closed, plainly, without holding the file open', async () => {
    const c = newCourse('blank');
    fill(c, 200, 30);
    const { jobId } = await c.call('excel.startExport', { kind: 'workbook' });
    await until(c, jobId, (s) => s.state !== 'running' || s.phase === 'Writing the course data');
    c.workspace.create('other', 'blank');
    expect(await until(c, jobId, (s) => s.state !== 'running')).toMatchObject({
      state: 'failed',
      error: { code: 'conflict', message: 'The course was closed while exporting; nothing was changed.' },
    });
    // The closed course's WAL was folded back: the file is whole on its own.
    expect(fs.existsSync(`${c.file}-wal`) ? fs.statSync(`${c.file}-wal`).size : 0).toBe(0);
  }, 240_000);

  it('hands the parts a task sends to the caller in order, before its answer, and fails with an error the caller throws', async () => {
    const sheet = (rows: number) =>
      `<worksheet><sheetData>${Array.from({ length: rows }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join('')}</sheetData></worksheet>`;
    const bytes = tinyXlsx(sheet(25_000));
    const input = { bytes, names: ['Data'], streamed: 'Data' };
    const seen: number[] = [];
    const sheets = await runOffThread('readWorkbookSheets', input, IDLE, (part: RowsPart) => seen.push(...part.at));
    expect(seen).toEqual(Array.from({ length: 25_000 }, (_, r) => r));
    expect(sheets).toEqual([{ name: 'Data', rows: [] }]);
    await expect(
      runOffThread('readWorkbookSheets', input, IDLE, () => {
        throw new Error('the caller gave up');
      }),
    ).rejects.toThrow('the caller gave up');
  });
});
