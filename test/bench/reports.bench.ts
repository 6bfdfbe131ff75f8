/**
 * All-students grade reports at scale: the demo class grown to 2,000 students (each a copy of a
 * demo student's scores and marks), written as one PDF per student in a zip and as one PDF,
 * with the progress the job reports and the peak memory (RSS) of each run.
 * Run: npx tsx test/bench/reports.bench.ts (REPORT_BENCH_STUDENTS=200 for a quick look,
 * REPORT_BENCH_ONLY=each or one for one of the two runs)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCourse, type Course } from '../../main/backend/services/course';
import { loadDemoClass } from '../../main/backend/services/demo';
import { allStudentsReport } from '../../main/backend/services/reports';

const STUDENTS = Number(process.env.REPORT_BENCH_STUDENTS ?? 2000);
const ONLY = process.env.REPORT_BENCH_ONLY;

/** Bench data straight into the tables: a copy of demo student `i % 40` for every new student. */
function grow(course: Course): void {
  const db = course.db;
  const demo = (db.prepare('SELECT id FROM student ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const addStudent = db.prepare(
    "INSERT INTO student (registrar_id, first_name, last_name, status, extension_days, created_at) VALUES (?, ?, ?, 'enrolled', 0, ?)",
  );
  const copyScores = db.prepare(
    'INSERT INTO score (student_id, item_id, value, status, submitted_at, updated_at) SELECT ?, item_id, value, status, submitted_at, updated_at FROM score WHERE student_id = ?',
  );
  const copyMarks = db.prepare(
    'INSERT INTO attendance_mark (session_id, student_id, mark, updated_at) SELECT session_id, ?, mark, updated_at FROM attendance_mark WHERE student_id = ?',
  );
  const now = new Date().toISOString();
  db.transaction(() => {
    for (let s = demo.length; s < STUDENTS; s++) {
      const id = Number(addStudent.run(String(900_000_000 + s), `Zoë${s}`, `Ðorđević-Ivanova${s}`, now).lastInsertRowid);
      copyScores.run(id, demo[s % demo.length]);
      copyMarks.run(id, demo[s % demo.length]);
    }
  })();
}

async function measure(label: string, each: boolean, course: Course): Promise<void> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  let steps = 0;
  let last = '';
  const t = performance.now();
  const file = await allStudentsReport(
    course.db,
    { view: 'final', comments: false, each },
    {
      step: async (fraction, phase) => {
        steps++;
        last = `${Math.round(fraction * 100)}% ${phase}`;
        if (steps % 25 === 0) console.log(`  … ${last}`);
        await new Promise((r) => setImmediate(r));
      },
    },
  );
  const ms = performance.now() - t;
  clearInterval(timer);
  console.log(
    `${label}: ${(ms / 1000).toFixed(1)} s (${(ms / STUDENTS).toFixed(0)} ms a student), ${(file.bytes.length / 1048576).toFixed(1)} MB, ` +
      `${steps} progress steps (last "${last}"), peak RSS ${(peak / 1048576).toFixed(0)} MB (+${((peak - base) / 1048576).toFixed(0)} MB)`,
  );
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-bench-'));
  try {
    const course = createCourse(path.join(dir, 'reports.gradebook'), 'ie7374');
    loadDemoClass(course);
    grow(course);
    console.log(`${STUDENTS} students`);
    if (ONLY !== 'one') await measure('One PDF per student (zip)', true, course);
    if (ONLY !== 'each') await measure('One PDF for everyone', false, course);
    course.db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
