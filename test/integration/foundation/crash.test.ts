import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCourse, createCourse, openCourse } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { undo } from '../../../main/backend/changes/undo';
import { tmpDir } from '../../helpers/tmp';

describe('a crash in the middle of writing', () => {
  it('leaves a consistent course whose audit history matches every score', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'crash.gradebook');
    const course = createCourse(file, 'ie7374');
    loadDemoClass(course);
    closeCourse(course);

    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/integration/foundation/crash-writer.ts'), dir, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('writing') && resolve());
      child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const reopened = openCourse(file);
    const db = reopened.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // Every score equals the after-image of its latest audit record: no write escaped the history.
    const rows = db
      .prepare(
        `SELECT s.value AS value, json_extract(a.after_json, '$.value') AS audited FROM score s
         LEFT JOIN audit a ON a.id = (SELECT max(id) FROM audit WHERE entity = 'score' AND entity_key = json_object('student_id', s.student_id, 'item_id', s.item_id))`,
      )
      .all() as { value: number | null; audited: number | null }[];
    expect(rows.length).toBeGreaterThan(400);
    expect(rows.filter((r) => r.value !== r.audited)).toEqual([]);
    const batches = (db.prepare("SELECT count(*) AS n FROM change_batch WHERE label LIKE 'edit %'").get() as { n: number }).n;
    expect(batches).toBeGreaterThan(5);
    // The last committed edit is still one undo step away.
    expect(undo(db)).toMatch(/^edit \d+$/);
    closeCourse(reopened);
  });
});
