import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { computeCourse } from '@shared/grading';
import { exportWorkbook, importWorkbook } from '../../../main/backend/excel';
import { readSnapshot, type Course } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { hasSoffice, libreOfficeCsv, newCourse, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const AS_OF = new Date('2026-12-20T12:00:00Z');
const LABELS = ['Count', 'Mean', 'Median', 'SD (population)', 'Min', 'Max'];

function demoCourse(): Course {
  const course = newCourse(dir);
  loadDemoClass(course);
  return course;
}

/** Homework 1's figures worked out in plain doubles from the engine's effective scores. */
function homework1(course: Course): number[] {
  const snap = readSnapshot(course.db);
  const hw1 = snap.items.find((i) => i.name === 'Homework 1')!;
  const results = computeCourse(snap, { asOf: AS_OF.toISOString() }).students;
  const values = snap.students.flatMap((s, i) => {
    const r = results[i]!.items.find((x) => x.itemId === hw1.id)!;
    return s.status === 'withdrawn' || r.effective === null ? [] : [r.effective];
  });
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / n);
  return [n, mean, median, sd, sorted[0]!, sorted[n - 1]!].map((x) => Number(x.toFixed(2)));
}

async function gradesSheet(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const grades = wb.getWorksheet('Grades')!;
  const header = Array.from(grades.getRow(4).values as unknown[], (v) => String(v ?? ''));
  return {
    wb,
    grades,
    hw1: header.findIndex((h) => h.startsWith('Homework 1')),
    homeworks: header.indexOf('Homeworks %'),
    letter: header.indexOf('Letter'),
  };
}

describe('statistics rows under the Grades sheet', () => {
  it('gives each item column its count, mean, median, SD, min and max, below a blank row and a title', async () => {
    const course = demoCourse();
    const { grades, hw1, homeworks, letter } = await gradesSheet((await exportWorkbook(course, AS_OF)).bytes);
    const students = readSnapshot(course.db).students.length;
    const first = 4 + students + 1;
    expect(grades.getRow(first).cellCount).toBe(0);
    expect(String(grades.getCell(first + 1, 1).value)).toMatch(/^Statistics of each item .*not imported/);
    const rows = LABELS.map((_, i) => grades.getRow(first + 2 + i));
    expect(rows.map((r) => r.getCell(1).value)).toEqual(LABELS);
    expect(rows.map((r) => r.getCell(hw1).value)).toEqual(homework1(course));
    // A category column's figures are of the final-view percentages it shows, one per enrolled student.
    const shown = Array.from({ length: students }, (_, i) => grades.getCell(5 + i, homeworks).value).filter((v) => typeof v === 'number');
    expect(rows[0]!.getCell(homeworks).value).toBe(shown.length);
    expect(rows[4]!.getCell(homeworks).value).toBe(Math.min(...(shown as number[])));
    // Not under the names or the letter: only item columns have figures.
    expect(rows.every((r) => r.getCell(2).value === null && r.getCell(letter).value === null)).toBe(true);
    expect(grades.rowCount).toBe(first + 1 + LABELS.length);
  });

  it('is skipped by the import: the round trip reports nothing about it, even when a figure was typed over', async () => {
    const course = demoCourse();
    const file = await exportWorkbook(course, AS_OF);
    const { wb, grades, hw1 } = await gradesSheet(file.bytes);
    const mean = grades.getRow(4 + readSnapshot(course.db).students.length + 4);
    expect(mean.getCell(1).value).toBe('Mean');
    mean.getCell(hw1).value = 99;
    const edited = { name: file.name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };

    const blank = newCourse(dir, 'blank');
    const report = await importWorkbook(blank, edited);
    expect(report.applied).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.gradesSheetEdits).toEqual([]);
    expect(readSnapshot(blank.db)).toEqual(readSnapshot(course.db));
  });

  it.skipIf(!hasSoffice)('reads in LibreOffice with the same figures', async () => {
    const course = demoCourse();
    const rows = libreOfficeCsv((await exportWorkbook(course, AS_OF)).bytes, dir);
    const hw1 = rows[3]!.findIndex((h) => h.startsWith('Homework 1'));
    const footer = LABELS.map((label) => rows.find((r) => r[0] === label)!);
    expect(footer.map((r) => Number(r[hw1]))).toEqual(homework1(course));
  });
});
