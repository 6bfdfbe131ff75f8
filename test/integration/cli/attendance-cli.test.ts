import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importRoster } from '../../../main/backend/excel';
import { closeCourse, createCourse } from '../../../main/backend/services/course';
import { generateSessions } from '../../../main/backend/services/sessions';
import { sha256, tmpDir } from '../../helpers/tmp';

const BIN = path.resolve('main/cli/gradebook.cjs');

function gradebook(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpDir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The demo class: 24 Tue/Thu sessions from 8 Sep 2026, 2:50 pm; the first student is 001000000. */
function demo(): string {
  const file = path.join(tmpDir(), 'demo.gradebook');
  expect(gradebook('new', file, '--demo').code).toBe(0);
  return file;
}

describe('gradebook attendance', () => {
  it('lists the sessions in the course zone with their counts, cancelled and roll-not-taken ones saying so', () => {
    const r = gradebook('attendance', 'sessions', demo());
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('24 sessions (times in America/New_York)');
    expect(lines[1]).toMatch(/^\s+\d+\s+2026-09-08\s+Tue 8 Sep, 2:50 pm EDT\s+Week 1 Tue · 1 Scoping\s+P \d+\s+L \d+\s+A \d+\s+E \d+$/);
    expect(r.out).toMatch(/2026-11-10\s+Tue 10 Nov, 2:50 pm EST/);
    expect(lines.filter((l) => l.endsWith('cancelled'))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/roll not taken$/);
  });

  it('marks one student by session date and registrar ID, with a reason for an excused mark', () => {
    const file = demo();
    const r = gradebook('attendance', 'mark', file, '--session', '2026-09-08', '--student', '001000000', 'E', '--reason', "Doctor's note");
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^(Marked|Already marked) E \(excused\) for 001000000 in the session "Week 1 Tue" on Tue 8 Sep, 2:50 pm EDT\.\nAttendance: \d+\.\d\d% \(/,
    );
    const again = gradebook('attendance', 'mark', file, '--session', '2026-09-08', '--student', '001000000', 'e');
    expect(again.out).toMatch(/^Already marked E/);
  });

  it('refuses an unknown session, student or mark on stderr and changes nothing', () => {
    const file = demo();
    const before = sha256(file);
    const noSession = gradebook('attendance', 'mark', file, '--session', '2026-12-25', '--student', '001000000', 'P');
    expect(noSession.code).toBe(1);
    expect(noSession.err).toContain('There is no session on 2026-12-25.');
    const noStudent = gradebook('attendance', 'mark', file, '--session', '2026-09-08', '--student', '999', 'P');
    expect(noStudent.err).toContain('No student has the registrar ID 999 in this course.');
    expect(gradebook('attendance', 'mark', file, '--session', '2026-09-08', '--student', '001000000', 'Q').err).toContain(
      '"Q" is not a mark: use P (present), L (late), A (absent) or E (excused).',
    );
    expect(gradebook('attendance', 'mark', file, '--session', '2026-09-08', '--student', '001000000', 'P', '--reason', 'x').code).toBe(1);
    expect(gradebook('attendance', 'frob', file).code).toBe(2);
    expect(sha256(file)).toBe(before);
  });

  it('exports the register and imports it back as a sign-in sheet (dry run first)', () => {
    const file = demo();
    const dir = tmpDir();
    const csv = path.join(dir, 'register.csv');
    expect(gradebook('export', 'attendance', file, csv).code).toBe(0);
    const lines = fs.readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^\ufeffStudent ID,Name,Section,2026-09-08 14:50–16:30 Week 1 Tue · 1 Scoping,/);
    // The first student's first session changes (to late, or absent if it was late).
    const [id, ...rest] = lines[1]!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    rest[2] = rest[2] === 'L' ? 'A' : 'L';
    fs.writeFileSync(csv, [lines[0], [id, ...rest].join(',')].join('\r\n'));
    const before = sha256(file);
    const dry = gradebook('import', 'attendance', file, csv, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Attendance: 1 mark set, \d+ unchanged \(sign-in sheet\)\n {2}2026-09-08 {2}.+: \w+ → (late|absent)\n/);
    expect(dry.out).toContain('Dry run: nothing was changed.');
    expect(sha256(file)).toBe(before);
    const real = gradebook('import', 'attendance', file, csv);
    expect(real.out).toContain('Imported. Backup:');
    expect(gradebook('import', 'attendance', file, csv).out).toContain('Nothing to change.');
    expect(gradebook('export', 'attendance', file, path.join(dir, 'r.xlsx')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('imports a Zoom participant report with the late and minimum-stay thresholds from flags', async () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    const course = createCourse(file, 'ie7374');
    const fixture = (name: string) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.resolve('test/fixtures', name))) });
    await importRoster(course, fixture('class-list.csv'));
    generateSessions(course.db, { weekdays: [1, 3], start: '10:00', end: '11:15', first: '2026-10-19', last: '2026-11-11' });
    closeCourse(course);
    const zoom = path.resolve('test/fixtures/attendance-zoom-participants.csv');
    const dry = gradebook('import', 'attendance', file, zoom, '--dry-run', '--late-after', '15');
    expect(dry.err).toBe('');
    expect(dry.out).toContain('Attendance: 8 marks set, 0 unchanged (meeting report)');
    expect(dry.out).toContain("2026-11-02  O'Brien, Siobhán: no mark → present (in the meeting 61 min)");
    expect(dry.out).toContain('2026-11-02  Smith, John: no mark → absent (not in the report)');
    expect(dry.out).toContain('Not imported (no enrolled student): Dana Rivera <prof.rivera@northeastern.example>, Guest Speaker');
    const strict = gradebook('import', 'attendance', file, zoom, '--dry-run', '--min-minutes', '80');
    expect(strict.out).toContain('Núñez, José: no mark → absent (in the meeting 77 min (minimum 80))');
    expect(gradebook('import', 'attendance', file, zoom, '--late-after', 'soon').err).toContain(
      '--late-after "soon" is not a whole number.',
    );
  });

  it('has --help', () => {
    const r = gradebook('attendance', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: gradebook attendance sessions <file.gradebook> | attendance mark');
    expect(r.out).toContain('--session');
    expect(gradebook('import', '--help').out).toContain('attendance');
    expect(gradebook('export', '--help').out).toContain('attendance');
  });
});
