/**
 * Excel import/export at scale: a 2,000 students x 100 items course written as the full
 * workbook and imported into a new course, timed against exceljs alone writing and reading the
 * same file in the same run (the floor). Target: overhead at most 1.5x the floor.
 * Run: npx tsx test/bench/excel.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { change } from '../../main/backend/changes/tracker';
import { exportWorkbook, importWorkbook } from '../../main/backend/excel';
import { createCourse, type Course } from '../../main/backend/services/course';

const STUDENTS = 2000;
const ITEMS = 100;

function fill(course: Course): void {
  const now = new Date().toISOString();
  change(course.db, 'bench data', (cs) => {
    const cat = (course.db.prepare("SELECT id FROM category WHERE kind = 'items' ORDER BY position").get() as { id: number }).id;
    const items = Array.from({ length: ITEMS }, (_, i) =>
      cs.insert('item', { category_id: cat, name: `Item ${i + 1}`, points_possible: 10, position: i + 1, created_at: now }),
    );
    for (let s = 0; s < STUDENTS; s++) {
      const id = cs.insert('student', {
        registrar_id: String(s).padStart(9, '0'),
        first_name: `First${s}`,
        last_name: `Last${s}`,
        status: 'enrolled',
        extension_days: 0,
        created_at: now,
      });
      for (const item of items) cs.put('score', { student_id: id, item_id: item }, { value: (s * 7 + item) % 11, updated_at: now });
    }
  });
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; peakMb: number; value: T }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMb: peak / 1048576, value };
}

export async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-bench-'));
  try {
    const source = createCourse(path.join(dir, 'source.gradebook'), 'blank');
    fill(source);
    const exported = await measure(() => exportWorkbook(source));
    const bytes = exported.value.bytes;
    // The floor: exceljs alone reading the same file, then writing the workbook it read.
    const floorRead = await measure(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as never);
      return wb;
    });
    const floorWrite = await measure(async () => new Uint8Array(await floorRead.value.xlsx.writeBuffer()));
    const target = createCourse(path.join(dir, 'target.gradebook'), 'blank');
    const imported = await measure(() => importWorkbook(target, { name: exported.value.name, bytes }));
    const row = (label: string, m: { ms: number; peakMb: number }, floor?: { ms: number }) =>
      console.log(
        `${label.padEnd(28)} ${(m.ms / 1000).toFixed(2).padStart(7)} s  peak RSS ${m.peakMb.toFixed(0).padStart(5)} MB${floor ? `  ratio to exceljs ${(m.ms / floor.ms).toFixed(2)}x` : ''}`,
      );
    console.log(`Workbook of ${STUDENTS} students x ${ITEMS} items: ${(bytes.length / 1048576).toFixed(1)} MB`);
    row('exceljs read (floor)', floorRead);
    row('exceljs write (floor)', floorWrite);
    row('export workbook', exported, floorWrite);
    row('import workbook', imported, floorRead);
    console.log(`imported: ${imported.value.counts.student} students, ${imported.value.counts.score} scores`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
