import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCourse, createCourse, openCourse } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import type { Db } from '../../../main/backend/db/open';
import { tmpDir } from '../../helpers/tmp';
import { cellOf, type Begin, type Cell } from './crash-cells';

type ScoreRow = { student_id: number; item_id: number; value: number | null; status: string | null };
const cells = (db: Db) =>
  new Map(
    (db.prepare('SELECT student_id, item_id, value, status FROM score').all() as ScoreRow[]).map((r) => [
      `${r.student_id}:${r.item_id}`,
      cellOf(r),
    ]),
  );

/** Runs the writer until it has acknowledged a few actions, kills it at a random moment, and answers what it printed. */
async function killWriterMidway(dir: string, file: string, seed: number): Promise<{ acked: Begin[]; pending: Begin | null }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.resolve('test/integration/foundation/crash-writer.ts'), dir, file, String(seed)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('writing')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
  });
  await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  const begun = new Map<number, Begin>();
  const acked: Begin[] = [];
  // Only whole lines count: the kill may cut the last one.
  for (const line of out.split('\n').slice(0, -1)) {
    if (line.startsWith('begin ')) {
      const b = JSON.parse(line.slice(6)) as Begin;
      begun.set(b.n, b);
    } else if (line.startsWith('ack ')) acked.push(begun.get(Number(line.slice(4)))!);
  }
  const last = [...begun.values()].at(-1) ?? null;
  return { acked, pending: last && !acked.includes(last) ? last : null };
}

const applied = (start: Map<string, Cell>, actions: Begin[]) => {
  const next = new Map(start);
  for (const a of actions) for (const [k, c] of a.cells) next.set(k, c);
  for (const [k, c] of next) if (c === 'none') next.delete(k);
  return next;
};

describe('a crash in the middle of writing', () => {
  it('keeps every acknowledged edit, import and undo, with a consistent file and a matching audit history', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'crash.gradebook');
    const course = createCourse(file, 'ie7374');
    loadDemoClass(course);
    closeCourse(course);

    const kinds = new Set<string>();
    for (const seed of [1, 2, 3]) {
      const start = openCourse(file);
      const before = cells(start.db);
      closeCourse(start);

      const { acked, pending } = await killWriterMidway(dir, file, seed);
      expect(acked.length).toBeGreaterThan(5);
      for (const a of acked) kinds.add(a.kind);

      const reopened = openCourse(file);
      const db = reopened.db;
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Every acknowledged action is there; the one in flight at the kill is there whole or not at all.
      const now = Object.fromEntries(cells(db));
      const acknowledged = Object.fromEntries(applied(before, acked));
      if (pending && JSON.stringify(now) !== JSON.stringify(acknowledged))
        expect(now).toEqual(Object.fromEntries(applied(before, [...acked, pending])));
      else expect(now).toEqual(acknowledged);
      // Every score equals the after-image of its latest audit record: no write escaped the history.
      const rows = db
        .prepare(
          `SELECT s.value AS value, s.status AS status, json_extract(a.after_json, '$.value') AS audited,
                  json_extract(a.after_json, '$.status') AS auditedStatus FROM score s
           LEFT JOIN audit a ON a.id = (SELECT max(id) FROM audit WHERE entity = 'score' AND entity_key = json_object('student_id', s.student_id, 'item_id', s.item_id))`,
        )
        .all() as { value: number | null; status: string | null; audited: number | null; auditedStatus: string | null }[];
      expect(rows.length).toBeGreaterThan(400);
      expect(rows.filter((r) => r.value !== r.audited || r.status !== r.auditedStatus)).toEqual([]);
      // A deleted score's latest audit record says it was deleted.
      const ghosts = db
        .prepare(
          `SELECT a.entity_key FROM audit a WHERE a.entity = 'score' AND a.id = (SELECT max(id) FROM audit b WHERE b.entity = 'score' AND b.entity_key = a.entity_key)
             AND a.after_json IS NOT NULL AND NOT EXISTS (SELECT 1 FROM score s WHERE json_object('student_id', s.student_id, 'item_id', s.item_id) = a.entity_key)`,
        )
        .all();
      expect(ghosts).toEqual([]);
      closeCourse(reopened);
    }
    expect([...kinds].sort()).toEqual(['edit', 'import', 'undo']);
  }, 60_000);
});
