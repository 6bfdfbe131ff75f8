/** `gradebook import` with every choice the wizard offers as a flag, and a dry run that answers for the real one. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCourse, closeCourse } from '../../../main/backend/services/course';
import { sha256, tmpDir } from '../../helpers/tmp';

const BIN = path.resolve('main/cli/gradebook.cjs');
const GERMAN = path.resolve('test/fixtures/german-class-list-1252.csv');

function gradebook(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpDir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function students(file: string) {
  const course = openCourse(file);
  try {
    return course.db
      .prepare('SELECT registrar_id AS id, last_name AS last, first_name AS first, email FROM student ORDER BY registrar_id')
      .all();
  } finally {
    closeCourse(course);
  }
}

describe('gradebook import options', () => {
  it('imports a German-header, semicolon, Windows-1252 class list with --map and --encoding', () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    gradebook('new', file);
    const map = 'Matrikelnummer=id,Nachname=lastName,Vorname=firstName,E-Mail=email';
    const dry = gradebook('import', 'roster', file, GERMAN, '--map', map, '--encoding', 'windows-1252', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Class list: 3 new students, 0 updated, 0 unchanged');
    const real = gradebook('import', 'roster', file, GERMAN, '--map', map, '--encoding', 'windows-1252');
    expect(real.code).toBe(0);
    expect(students(file)).toEqual([
      { id: '4711', last: 'Müller', first: 'Jürgen', email: 'j.mueller@example.de' },
      { id: '4712', last: 'Große', first: 'Bärbel', email: 'b.grosse@example.de' },
      { id: '4713', last: 'Straß', first: 'Özlem', email: 'o.strass@example.de' },
    ]);
  });

  it('without --map the German headers are not recognised, and the dry run exits non-zero like the real run', () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    gradebook('new', file);
    const before = sha256(file);
    const dry = gradebook('import', 'roster', file, GERMAN, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('No column holds the student ID');
    expect(dry.err).toContain('The import would be refused: 2 errors in 1 row. Nothing was changed.');
    expect(gradebook('import', 'roster', file, GERMAN).code).toBe(1);
    expect(sha256(file)).toBe(before);
  });

  it('a dry run counts each row with errors once and exits 1', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'c.gradebook');
    gradebook('new', file);
    const bad = path.join(dir, 'bad.csv');
    // Row 3: duplicate ID and a bad email (two errors, one row); row 4: no name.
    fs.writeFileSync(bad, 'Student ID,Name,Email\n1,"A, B",a@x.edu\n1,"C, D",nope\n2,,\n3,"E, F",\n');
    const dry = gradebook('import', 'roster', file, bad, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('Class list: 2 new students, 0 updated, 0 unchanged, 2 rows with errors');
    expect(dry.err).toContain('The import would be refused: 3 errors in 2 rows. Nothing was changed.');
  });

  it('refuses unknown --map fields, --match outside score imports and unknown encodings as usage errors', () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    gradebook('new', file);
    expect(gradebook('import', 'roster', file, GERMAN, '--map', 'Matrikelnummer=matrikel').err).toContain(
      '--map: "matrikel" is not a class-list field',
    );
    expect(gradebook('import', 'roster', file, GERMAN, '--match', 'email').code).toBe(2);
    expect(gradebook('import', 'roster', file, GERMAN, '--encoding', 'klingon').err).toContain('--encoding "klingon" is not an encoding');
    expect(gradebook('import', 'roster', file, GERMAN, '--map', 'Matrikel=id', '--encoding', 'windows-1252').err).toContain(
      "has no column headed 'Matrikel'",
    );
  });

  it('--sheet and --header-row pick the table; --match email matches scores by email', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'c.gradebook');
    gradebook('new', file);
    expect(
      gradebook('import', 'roster', file, GERMAN, '--map', 'Matrikelnummer=id,Nachname=lastName,Vorname=firstName,E-Mail=email').code,
    ).toBe(0);
    const scores = path.join(dir, 'scores.csv');
    fs.writeFileSync(scores, 'Homework scores\nMail,Homework 1\nj.mueller@example.de,9\n');
    const r = gradebook('import', 'scores', file, scores, '--header-row', '2', '--match', 'email', '--map', 'Mail=email', '--dry-run');
    expect(r.out).toContain('Scores: ');
    expect(r.out).not.toContain('No column holds');
    expect(gradebook('import', 'roster', file, GERMAN, '--sheet', 'Nope').err).toContain("The file has no sheet named 'Nope'");
  });

  it('a Canvas row matched by name only needs --uncertain; the summary says "1 new student"', () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    gradebook('new', file);
    gradebook('import', 'roster', file, path.resolve('test/fixtures/class-list.csv'));
    const canvas = path.resolve('test/fixtures/canvas-gradebook-export.csv');
    const dry = gradebook('import', 'canvas', file, canvas, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('=Smith, John has no SIS User ID and may be John Smith (005678901)');
    const created = gradebook('import', 'canvas', file, canvas, '--uncertain', 'create', '--dry-run');
    expect(created.code).toBe(0);
    expect(created.out).toContain('Canvas export: 1 new student, 4 new items');
    const matched = gradebook('import', 'canvas', file, canvas, '--uncertain', 'match');
    expect(matched.out).toContain('Canvas export: 0 new students, 4 new items');
    expect(gradebook('info', file).out).toContain('Students: 8');
  });
});
