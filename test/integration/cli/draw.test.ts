import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeCourse, createCourse, openCourse } from '../../../main/backend/services/course';
import { addStudent } from '../../../main/backend/services/roster';
import { assignTeam, createTeam } from '../../../main/backend/services/teams';
import { tmpDir } from '../../helpers/tmp';

const BIN = path.resolve('main/cli/gradebook.cjs');

function gradebook(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpDir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A course with teams Falcons, Hawks and Owls (two students each) and sessions on 8 and 15 Sep 2026. */
function classFile(): string {
  const file = path.join(tmpDir(), 'class.gradebook');
  const course = createCourse(file, 'ie7374');
  let n = 0;
  for (const name of ['Falcons', 'Hawks', 'Owls']) {
    const team = createTeam(course.db, name);
    for (let i = 0; i < 2; i++) {
      n++;
      const s = addStudent(course.db, { registrarId: `00${n}`, firstName: `First${n}`, lastName: `Last${n}` });
      assignTeam(course.db, s.id, team.id, '2026-09-01T00:00:00Z');
    }
  }
  const session = course.db.prepare("INSERT INTO attendance_session (date, title, created_at) VALUES (?, 'Class', '2026-09-01T00:00:00Z')");
  session.run('2026-09-08');
  session.run('2026-09-15');
  closeCourse(course);
  return file;
}

describe('gradebook draw', () => {
  it('draws by session date, prints and records the teams, and replays with the same seed', () => {
    const file = classFile();
    const r = gradebook(
      'draw',
      file,
      '--session',
      '2026-09-08',
      '--teams',
      '2',
      '--seed',
      'fall-week-1',
      '--exclude',
      'Owls=At a conference',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Draw 1, week 1 \(2026-09-08\), \w{3} \d+ \w{3}, \d+:\d\d [ap]m E[DS]T, seed fall-week-1:\n {2}1\. (Falcons|Hawks): Last\d, First\d; Last\d, First\d\n {2}2\. (Falcons|Hawks)/,
    );
    expect(r.out).toContain('Candidates (fewest turns first): Falcons (0 turns), Hawks (0 turns)');
    expect(r.out).toContain('not a candidate: Owls: At a conference');
    const course = openCourse(file);
    const stored = course.db.prepare('SELECT seed, result_json, exclusions_json FROM presentation_draw').all();
    closeCourse(course);
    expect(stored).toHaveLength(1);

    const copy = classFile();
    const again = gradebook(
      'draw',
      copy,
      '--session',
      '2026-09-08',
      '--teams',
      '2',
      '--seed',
      'fall-week-1',
      '--exclude',
      'Owls=At a conference',
    );
    expect(again.out.split('\n')[1]).toBe(r.out.split('\n')[1]);
  });

  it('needs a redraw reason for a session drawn before, and says what is wrong with bad input', () => {
    const file = classFile();
    expect(gradebook('draw', file, '--session', '1').code).toBe(0);
    const twice = gradebook('draw', file, '--session', '1');
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already has a draw');
    expect(gradebook('draw', file, '--session', '1', '--redraw', 'Team was sick').code).toBe(0);
    expect(gradebook('draw', file, '--session', '2026-10-01').err).toContain(
      'There is no class session on 2026-10-01. Add it in Attendance first.',
    );
    expect(gradebook('draw', file, '--session', '2', '--exclude', 'Eagles').err).toContain('There is no team named "Eagles"');
    const usage = gradebook('draw', file);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--session <date|id> is required');
    expect(gradebook('draw', file, '--session', '2', '--teams', 'two').code).toBe(2);
  });

  it('verifies one draw or all of them, failing on a tampered one', () => {
    const file = classFile();
    gradebook('draw', file, '--session', '2026-09-08', '--seed', 'a');
    gradebook('draw', file, '--session', '2026-09-15', '--seed', 'b');
    const one = gradebook('draw', 'verify', file, '1');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/^Draw 1 \(week 1, 2026-09-08\) verifies: seed "a" and its 3 candidates give (Falcons|Hawks|Owls)\.\n$/);
    expect(gradebook('draw', 'verify', file, '--all').out.trim().split('\n')).toHaveLength(2);

    const course = openCourse(file);
    const row = course.db.prepare('SELECT candidates_json, result_json FROM presentation_draw WHERE id = 2').get() as {
      candidates_json: string;
      result_json: string;
    };
    const drawn = (JSON.parse(row.result_json) as number[])[0];
    const other = (JSON.parse(row.candidates_json) as { teamId: number }[]).find((c) => c.teamId !== drawn)!.teamId;
    course.db.prepare('UPDATE presentation_draw SET result_json = ? WHERE id = 2').run(JSON.stringify([other]));
    closeCourse(course);
    const all = gradebook('draw', 'verify', file, '--all');
    expect(all.code).toBe(1);
    expect(all.out).toContain('Draw 2 (week 2, 2026-09-15) does NOT verify');
    expect(all.err).toContain('1 draw does not verify (of 2).');
    expect(gradebook('draw', 'verify', file).code).toBe(2);
  });

  it('prints help for draw and for the export of presentations', () => {
    const help = gradebook('draw', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: gradebook draw <file.gradebook> --session <date|id>');
    expect(help.out).toContain('draw verify <file.gradebook> <draw-id>|--all');
    expect(help.out).toContain('--exclude');
    expect(gradebook('export', '--help').out).toContain('export json|registrar|workbook|csv|attendance|presentations');
    expect(gradebook('--help').out).toMatch(/\n {2}draw {5}Draw the teams/);
  });
});

describe('gradebook export presentations', () => {
  it('writes the presentations as CSV or as a workbook, and refuses another extension', async () => {
    const file = classFile();
    gradebook('draw', file, '--session', '2026-09-08', '--seed', 'x');
    const dir = tmpDir();
    const csv = path.join(dir, 'p.csv');
    expect(gradebook('export', 'presentations', file, csv).code).toBe(0);
    const lines = fs
      .readFileSync(csv, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Week,Date,Team,Readings,Presenters,Score/);
    expect(lines[1]).toMatch(/^1,2026-09-08,(Falcons|Hawks|Owls),"\(drawn, not recorded yet\)",/);
    const xlsx = path.join(dir, 'p.xlsx');
    expect(gradebook('export', 'presentations', file, xlsx).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.getWorksheet('Presentations')!.getRow(2).getCell(13).value).toBe('x');
    const bad = gradebook('export', 'presentations', file, path.join(dir, 'p.txt'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('write presentations to a .csv or an .xlsx file');
  });
});
