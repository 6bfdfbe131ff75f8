import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/envelope';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../../main/backend/db/migrations';
import { createCourseDb, migrate, openCourseDb } from '../../../main/backend/db/open';
import { backupDir } from '../../../main/backend/db/backup';
import { closeCourse, countCourse, createCourse, openCourse, readSnapshot } from '../../../main/backend/services/course';
import { loadDemoClass } from '../../../main/backend/services/demo';
import { sha256, tmpDir } from '../../helpers/tmp';

function expectRefused(file: string, code: string, text: RegExp) {
  const before = sha256(file);
  let error: unknown;
  try {
    openCourseDb(file);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  expect((error as ApiError).message).toMatch(text);
  expect((error as ApiError).message).toMatch(/Nothing was changed/);
  expect(sha256(file)).toBe(before);
}

describe('the course file', () => {
  it('is a WAL SQLite file with foreign keys, its application id and the latest version', () => {
    const file = path.join(tmpDir(), 'c.gradebook');
    const course = createCourse(file, 'ie7374');
    expect(course.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(course.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(course.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(course.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    closeCourse(course);
  });

  it('refuses a random file and leaves it byte-identical', () => {
    const file = path.join(tmpDir(), 'random.gradebook');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectRefused(file, 'not_a_gradebook', /not a gradebook course file/);
  });

  it('refuses an SQLite database that is not a gradebook', () => {
    const file = path.join(tmpDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    expectRefused(file, 'not_a_gradebook', /SQLite database but not a gradebook/);
  });

  it('refuses a truncated course file and leaves it byte-identical', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'full.gradebook');
    const course = createCourse(file, 'ie7374');
    loadDemoClass(course);
    closeCourse(course);
    const truncated = path.join(dir, 'truncated.gradebook');
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(40_000);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefused(truncated, 'corrupt', /damaged/);
  });

  it('refuses a course saved by a newer version of the app, untouched', () => {
    const file = path.join(tmpDir(), 'newer.gradebook');
    closeCourse(createCourse(file, 'blank'));
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    expectRefused(file, 'newer_version', /newer version of the gradebook/);
  });

  it('says so when the file does not exist', () => {
    expect(() => openCourseDb(path.join(tmpDir(), 'missing.gradebook'))).toThrow(/does not exist/);
  });

  it('migrates a file from every older version forward, with a backup first', () => {
    for (let from = 0; from < SCHEMA_VERSION; from++) {
      const file = path.join(tmpDir(), `v${from}.gradebook`);
      const db = new Database(file);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      migrate(db, 0, from);
      db.close();
      const reopened = openCourseDb(file);
      expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      reopened.close();
      if (from > 0) expect(fs.readdirSync(backupDir(file)).some((f) => f.includes(`before-migration-v${from}`))).toBe(true);
    }
  });

  it('keeps the schema as the migrations define it (snapshot)', () => {
    const file = path.join(tmpDir(), 's.gradebook');
    const db = createCourseDb(file);
    // Names plus a digest of each statement: any column change shows up here.
    const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
      type: string;
      name: string;
      sql: string;
    }[];
    const schema = rows.map((r) => `${r.type} ${r.name} ${crypto.createHash('sha256').update(r.sql).digest('hex').slice(0, 10)}`);
    db.close();
    expect(MIGRATIONS).toHaveLength(SCHEMA_VERSION);
    expect(schema).toMatchInlineSnapshot(`
      [
        "index attendance_mark_student 80c1b1bf33",
        "index attendance_session_date cfbc8c0617",
        "index audit_batch b1caca0afa",
        "index audit_entity 69f8acb899",
        "index item_category 7d29e5ec48",
        "index presentation_draw_session f321322650",
        "index presentation_session_team 9fcd42520e",
        "index reading_week c27b343c91",
        "index score_item f979942fb1",
        "index team_member_student e44ac497af",
        "table attendance_mark 79d111434d",
        "table attendance_session 100ccc68ee",
        "table audit 86ecd3c2f7",
        "table category 62026642ac",
        "table change_batch ab80281760",
        "table course 0b28985c9f",
        "table export_profile d6062686c8",
        "table grade_override e143141d66",
        "table item f518d6092f",
        "table presentation 88a072b17b",
        "table presentation_draw c0d64274f7",
        "table reading 5e0f51949b",
        "table registrar_export 122b87f575",
        "table score 4ee4e65137",
        "table setting 469c230106",
        "table student 06a6af4332",
        "table team 5697d96882",
        "table team_member ab2f3f5b40",
        "table team_score 066ad345bf",
        "trigger audit_append_only_delete c9072c980e",
        "trigger audit_append_only_update 4282eb9794",
      ]
    `);
  });

  it('refuses to create over an existing file', () => {
    const file = path.join(tmpDir(), 'exists.gradebook');
    fs.writeFileSync(file, 'keep me');
    expect(() => createCourse(file, 'ie7374')).toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });
});

describe('the default course and the demo class', () => {
  it('is preset from the syllabus: four categories and weights, nine bands, milestones', () => {
    const file = path.join(tmpDir(), 'ie.gradebook');
    const course = createCourse(file, 'ie7374');
    const snap = readSnapshot(course.db);
    expect(snap.course.name).toBe('IE 7374 Machine Learning Operations');
    expect(snap.categories.map((c) => [c.name, c.weight])).toEqual([
      ['Homeworks', 25],
      ['Reading assignments', 10],
      ['Final project', 60],
      ['Attendance', 5],
    ]);
    expect(snap.policy.bands.map((b) => `${b.letter}${b.min}`).join(' ')).toBe('A94 A-88 B+82 B76 B-70 C+64 C58 C-52 F0');
    expect(snap.policy.timeZone).toBe('America/New_York');
    expect(snap.items.filter((i) => i.teamGraded).map((i) => i.name)).toContain('Milestone 3: Model development');
    closeCourse(course);
  });

  it('loads a 40-student demo class in 8 teams as one undoable step', async () => {
    const { undo } = await import('../../../main/backend/changes/undo');
    const file = path.join(tmpDir(), 'demo.gradebook');
    const course = createCourse(file, 'ie7374');
    loadDemoClass(course);
    const counts = countCourse(course.db);
    expect(counts.students).toBe(40);
    expect(counts.teams).toBe(8);
    expect(counts.attendanceSessions).toBeGreaterThan(10);
    const snap = readSnapshot(course.db);
    expect(snap.scores.some((s) => s.status === 'excused')).toBe(true);
    expect(snap.scores.some((s) => s.status === 'missing')).toBe(true);
    expect(snap.scores.some((s) => s.submittedAt !== null)).toBe(true);
    expect(undo(course.db)).toBe('Load demo class');
    expect(countCourse(course.db).students).toBe(0);
    closeCourse(course);
    const reopened = openCourse(file);
    expect(countCourse(reopened.db).students).toBe(0);
    closeCourse(reopened);
  });
});
