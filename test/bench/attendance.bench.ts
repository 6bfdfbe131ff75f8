/**
 * The attendance register at scale: 2,000 students x 60 sessions on a real course file.
 *   register   attendance.register (every student's marks and totals), as the screen opens it
 *   mark       one mark written (History, undo) and that student's attendance % and final grade
 *              recomputed by the engine (withStudentMarks + computeStudent), p95 over 30 marks (target < 50 ms)
 *   all        a whole session "all present" in one undo step (target < 200 ms)
 * Printed figures only. Run: npx tsx test/bench/attendance.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { change } from '../../main/backend/changes/tracker';
import { applyMarks, markAll, readRegister } from '../../main/backend/services/attendance';
import { createCourse, readSnapshot, type Course } from '../../main/backend/services/course';
import { computeStudent, prepareCourse, withStudentMarks } from '@shared/grading';
import { percentile } from './stats';

const STUDENTS = 2000;
const SESSIONS = 60;
const MARKS = ['present', 'present', 'present', 'late', 'absent', 'excused'] as const;

function fill(course: Course): { students: number[]; sessions: number[] } {
  const now = new Date().toISOString();
  return change(course.db, 'bench data', (cs) => {
    const sessions = Array.from({ length: SESSIONS }, (_, i) =>
      cs.insert('attendance_session', {
        date: new Date(Date.UTC(2026, 0, 5) + i * 2 * 86_400_000).toISOString().slice(0, 10),
        start_time: '10:00',
        end_time: '11:15',
        created_at: now,
      }),
    );
    const students: number[] = [];
    for (let s = 0; s < STUDENTS; s++) {
      const id = cs.insert('student', {
        registrar_id: String(s).padStart(9, '0'),
        first_name: `First${s}`,
        last_name: `Last${s}`,
        status: 'enrolled',
        extension_days: 0,
        created_at: now,
      });
      students.push(id);
      // The last session's roll is not taken yet.
      for (const [k, session] of sessions.slice(0, -1).entries())
        cs.put('attendance_mark', { session_id: session, student_id: id }, { mark: MARKS[(s + k) % MARKS.length], updated_at: now });
    }
    return { students, sessions };
  });
}

const time = <T>(fn: () => T): [number, T] => {
  const t = performance.now();
  const v = fn();
  return [performance.now() - t, v];
};

export function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-bench-'));
  try {
    const course = createCourse(path.join(dir, 'register.gradebook'), 'ie7374');
    const { students, sessions } = fill(course);
    const asOf = Date.UTC(2026, 8, 1);
    const [registerMs, register] = time(() => readRegister(course.db, asOf));
    console.log(`register ${register.students.length} x ${register.sessions.length}: ${registerMs.toFixed(0)} ms`);

    let prepared = prepareCourse(readSnapshot(course.db));
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const studentId = students[(i * 67) % STUDENTS]!;
      const [ms, display] = time(() => {
        const result = applyMarks(course.db, [{ sessionId: sessions[i]!, studentId, mark: i % 2 ? 'absent' : 'late' }]);
        const marks = rowMarks(course, studentId);
        prepared = withStudentMarks(prepared, studentId, marks);
        const grade = computeStudent(prepared, studentId, { asOf: new Date(asOf).toISOString() });
        return [result.students[0]!.totals.display, grade.final.display];
      });
      latencies.push(ms);
      if (i === 0) console.log(`  first mark: attendance ${display[0]}%, final ${display[1]}%`);
    }
    console.log(
      `mark to attendance % and final grade: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (target p95 < 50)`,
    );
    const [allMs, all] = time(() => markAll(course.db, sessions.at(-1)!, 'present'));
    console.log(`whole session all present (${all.changed} marks, one undo step): ${allMs.toFixed(0)} ms (target < 200)`);
    course.db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One student's marks as the renderer keeps them after a mark's answer. */
function rowMarks(course: Course, studentId: number) {
  return (
    course.db.prepare('SELECT session_id, mark FROM attendance_mark WHERE student_id = ?').all(studentId) as {
      session_id: number;
      mark: 'present' | 'late' | 'absent' | 'excused';
    }[]
  ).map((r) => ({ sessionId: r.session_id, studentId, mark: r.mark }));
}

if (process.argv[1]?.endsWith('attendance.bench.ts')) main();
