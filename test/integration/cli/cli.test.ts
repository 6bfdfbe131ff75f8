import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, tmpDir } from '../../helpers/tmp';

const BIN = path.resolve('main/cli/gradebook.cjs');
const AS_OF = '2026-12-20T12:00:00Z';

function gradebook(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: tmpDir() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the gradebook command', () => {
  it('creates the preset course and prints its policy with info', () => {
    const file = path.join(tmpDir(), 'ie.gradebook');
    expect(gradebook('new', file).code).toBe(0);
    const info = gradebook('info', file);
    expect(info.code).toBe(0);
    expect(info.out).toContain('IE 7374 Machine Learning Operations');
    expect(info.out).toMatch(/Homeworks\s+25%/);
    expect(info.out).toMatch(/Reading assignments\s+10%/);
    expect(info.out).toMatch(/Final project\s+60%/);
    expect(info.out).toMatch(/Attendance\s+5%/);
    expect(info.out).toContain('A ≥ 94, A- ≥ 88, B+ ≥ 82, B ≥ 76, B- ≥ 70, C+ ≥ 64, C ≥ 58, C- ≥ 52, F ≥ 0');
    expect(info.out).toContain('up to 48 h: -10% of earned; later than 48 h: not accepted (0)');
    expect(info.out).toContain('Students: 0');
  });

  it('creates a demo course and computes a letter for every student, the same from the file and from its JSON', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'demo.gradebook');
    expect(gradebook('new', file, '--demo').out).toContain('Students: 40');
    const table = gradebook('compute', file, '--as-of', AS_OF);
    expect(table.code).toBe(0);
    const rows = table.out.trim().split('\n').slice(1);
    expect(rows).toHaveLength(40);
    for (const row of rows) expect(row).toMatch(/\d+\.\d\d\s+(A|A-|B\+|B|B-|C\+|C|C-|F)( \(override\))?$/);

    const json = path.join(dir, 'demo.json');
    expect(gradebook('export', 'json', file, json).code).toBe(0);
    const fromJson = gradebook('compute', json, '--as-of', AS_OF);
    expect(fromJson.out).toBe(table.out);

    const copy = path.join(dir, 'copy.gradebook');
    expect(gradebook('import', 'json', json, copy).code).toBe(0);
    expect(gradebook('compute', copy, '--as-of', AS_OF).out).toBe(table.out);
  });

  it('prints documented JSON with --json', () => {
    const file = path.join(tmpDir(), 'demo.gradebook');
    gradebook('new', file, '--demo');
    const r = gradebook('compute', file, '--json', '--as-of', AS_OF);
    const data = JSON.parse(r.out) as {
      students: { registrarId: string; letter: string; final: { display: string }; explanation: unknown[] }[];
    };
    expect(data.students).toHaveLength(40);
    expect(data.students[0]!.registrarId).toMatch(/^\d{9}$/);
    expect(data.students[0]!.final.display).toMatch(/^\d+\.\d\d$/);
    expect(data.students[0]!.explanation.length).toBeGreaterThan(3);
  });

  it('has --help on every command', () => {
    for (const cmd of ['new', 'info', 'compute', 'export', 'import', 'backups', 'restore']) {
      const r = gradebook(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Usage: gradebook ${cmd}`);
    }
    expect(gradebook('--help').out).toContain('Commands:');
  });

  it('reports errors on stderr with a non-zero exit and changes nothing', () => {
    const dir = tmpDir();
    const junk = path.join(dir, 'junk.gradebook');
    fs.writeFileSync(junk, 'not a course');
    const before = sha256(junk);
    const r = gradebook('info', junk);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not a gradebook course file');
    expect(r.out).toBe('');
    expect(sha256(junk)).toBe(before);

    expect(gradebook('frobnicate').code).toBe(2);
    expect(gradebook('new').err).toMatch(/expected 1 argument/);
    expect(gradebook('new', path.join(dir, 'x.gradebook'), '--preset', 'nope').err).toMatch(/unknown preset "nope"/);
    expect(gradebook('compute', junk, '--as-of', 'yesterday').err).toMatch(/not a date-time/);

    const badJson = path.join(dir, 'bad.json');
    fs.writeFileSync(badJson, JSON.stringify({ format: 'gradebook.course', version: 99 }));
    const imp = gradebook('import', 'json', badJson, path.join(dir, 'new.gradebook'));
    expect(imp.code).toBe(1);
    expect(imp.err).toMatch(/course JSON is not valid/);
    expect(fs.existsSync(path.join(dir, 'new.gradebook'))).toBe(false);
  });

  it('imports a class list (dry run first) and exports registrar letters, a workbook and a grades CSV', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'c.gradebook');
    gradebook('new', file);
    const classList = path.resolve('test/fixtures/class-list.csv');
    const dry = gradebook('import', 'roster', file, classList, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('8 new');
    expect(dry.out).toContain('Dry run: nothing was changed.');
    expect(gradebook('info', file).out).toContain('Students: 0');
    expect(gradebook('import', 'roster', file, classList).out).toContain('Imported.');
    expect(gradebook('info', file).out).toContain('Students: 8');

    const refused = gradebook('export', 'registrar', file, path.join(dir, 'r.xlsx'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/needs the term code/);
    expect(fs.existsSync(path.join(dir, 'r.xlsx'))).toBe(false);

    const reg = gradebook('export', 'registrar', file, path.join(dir, 'r.xlsx'), '--term', '202610', '--crn', '12345', '--yes');
    expect(reg.code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const ids = wb.worksheets[0]!.getColumn(3).values.filter((v) => typeof v === 'string');
    expect(ids).toContain('000042000');

    expect(gradebook('export', 'workbook', file, path.join(dir, 'w.xlsx')).code).toBe(0);
    expect(gradebook('export', 'csv', file, path.join(dir, 'g.csv')).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.csv'), 'utf8')).toContain('Núñez');
  });

  it('refuses a broken class list with the row and column, and changes nothing', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'c.gradebook');
    gradebook('new', file);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'Student ID,Name\n1,"A, B"\n1,"C, D"\n');
    const r = gradebook('import', 'roster', file, bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/row 3, column A: Duplicate student ID 1/);
    expect(gradebook('info', file).out).toContain('Students: 0');
  });
});
