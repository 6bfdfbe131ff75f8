import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { changeLines, entrySummary, hasSummary, hasWords, stepNotice, type Described } from '@shared/screens/historyText';
import { policyChanges, ruleLabel } from '@shared/screens/policyText';
import { IE7374_POLICY, PRESENTATION_PRESET } from '@shared/model/preset';
import { MIGRATIONS } from '../../../main/backend/db/migrations';
import { TRACKED_TABLES } from '../../../main/backend/changes/tables';

const NY = 'America/New_York';
const noRefs = { before: {}, after: {} };

function entry(over: Partial<Described> & Pick<Described, 'entity'>): Described {
  return { key: { id: 1 }, before: null, after: null, kind: 'do', refs: noRefs, ...over };
}

/** What no History line may show: column names, JSON, stored instants or dates. */
function expectPlain(lines: readonly string[]) {
  for (const line of lines) {
    expect(line).not.toMatch(/[a-z]+_[a-z]+/);
    expect(line).not.toMatch(/[[{"]/);
    expect(line).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  }
}

describe('every audited table reads in words', () => {
  const db = new Database(':memory:');
  for (const m of MIGRATIONS) db.exec(m);
  const tables = Object.keys(TRACKED_TABLES);

  it.each(tables)('%s: every column has a label or is bookkeeping, and the table has a summary', (table) => {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => !hasWords(c));
    expect(cols).toEqual([]);
    expect(hasSummary(table)).toBe(true);
  });

  it('every rule of the preset policy has a label', () => {
    const paths = (p: object, prefix = ''): string[] =>
      Object.entries(p).flatMap(([k, v]) =>
        ruleLabel(prefix + k) || Array.isArray(v) || typeof v !== 'object' || v === null
          ? [prefix + k]
          : paths(v as object, `${prefix + k}.`),
      );
    expect(paths({ ...IE7374_POLICY, presentations: PRESENTATION_PRESET }).filter((p) => !ruleLabel(p))).toEqual([]);
  });
});

describe('history sentences', () => {
  it('scores: only the fields that changed, without bookkeeping or key columns', () => {
    const e = entry({
      entity: 'score',
      key: { student_id: 1, item_id: 2 },
      before: { student_id: 1, item_id: 2, value: 8, comment: null, submitted_at: null, updated_at: 'a' },
      after: { student_id: 1, item_id: 2, value: 9.5, comment: 'regrade', submitted_at: '2026-09-16T14:00:00.000Z', updated_at: 'b' },
    });
    expect(entrySummary(e)).toBe('Score changed');
    expect(changeLines(e, NY)).toEqual(['Score: 8 → 9.5', 'Comment: empty → regrade', 'Submitted: empty → Wed 16 Sep, 10:00 am EDT']);
  });

  it('team scores', () => {
    const e = entry({ entity: 'team_score', key: { team_id: 1, item_id: 2 }, after: { value: 7, status: null, updated_at: 'x' } });
    expect(entrySummary(e)).toBe('Team score entered');
    expect(changeLines(e, NY)).toEqual(['Score: 7']);
  });

  it('items: category by name, flags as yes/no, due date and time in words', () => {
    const e = entry({
      entity: 'item',
      before: { id: 1, category_id: 3, name: 'HW 1', team_graded: 0, due_date: '2026-09-22', due_time: '23:59', position: 1 },
      after: { id: 1, category_id: 4, name: 'HW 1', team_graded: 1, due_date: '2026-09-29', due_time: '09:00', position: 2 },
      refs: { before: { category_id: 'Homeworks' }, after: { category_id: 'Projects' } },
    });
    expect(entrySummary(e)).toBe('Item edited');
    const lines = changeLines(e, NY);
    expect(lines).toEqual([
      'Category: Homeworks → Projects',
      'Team-graded: no → yes',
      'Due date: Tue 22 Sep → Tue 29 Sep',
      'Due time: 11:59 pm → 9:00 am',
    ]);
    expectPlain(lines);
  });

  it('an added item lists what it holds, leaving out empty fields and flags that are off', () => {
    const e = entry({
      entity: 'item',
      after: {
        id: 9,
        category_id: 3,
        name: 'Lab',
        points_possible: 10,
        team_graded: 0,
        never_drop: 1,
        muted: 0,
        due_date: null,
        created_at: 'x',
      },
      refs: { before: {}, after: { category_id: 'Homeworks' } },
    });
    expect(entrySummary(e)).toBe('Item added');
    expect(changeLines(e, NY)).toEqual(['Category: Homeworks', 'Name: Lab', 'Points possible: 10', 'Never dropped: yes']);
  });

  it('categories: weight as a percentage, drops as counts', () => {
    const e = entry({
      entity: 'category',
      before: { id: 2, name: 'Homeworks', weight: 25, drop_lowest: 0, equal_weight_items: 0, kind: 'items', position: 1 },
      after: { id: 2, name: 'Homeworks', weight: 30, drop_lowest: 1, equal_weight_items: 1, kind: 'items', position: 1 },
    });
    expect(entrySummary(e)).toBe('Category edited');
    expect(changeLines(e, NY)).toEqual(['Weight: 25% → 30%', 'Drop lowest: 0 → 1', 'Items weigh equally: no → yes']);
  });

  it('students and team memberships', () => {
    const s = entry({
      entity: 'student',
      before: { status: 'enrolled', extension_days: 0 },
      after: { status: 'withdrawn', extension_days: 1 },
    });
    expect(entrySummary(s)).toBe('Student edited');
    expect(changeLines(s, NY)).toEqual(['Status: enrolled → withdrawn', 'Extension: 0 days → 1 day']);
    const m = entry({
      entity: 'team_member',
      after: { id: 4, team_id: 2, student_id: 7, from_at: '2026-09-01T04:00:00.000Z', to_at: null },
      refs: { before: {}, after: { team_id: 'Team 2', student_id: 'Núñez, José' } },
    });
    expect(entrySummary(m)).toBe('Joined the team');
    expect(changeLines(m, NY)).toEqual(['Team: Team 2', 'Student: Núñez, José', 'From: Tue 1 Sep, 12:00 am EDT']);
    const t = entry({ entity: 'team', before: { id: 2, name: 'Team 2' }, after: { id: 2, name: 'Owls' } });
    expect(entrySummary(t)).toBe('Team renamed');
    expect(changeLines(t, NY)).toEqual(['Name: Team 2 → Owls']);
  });

  it('the course policy reads as the rules that changed', () => {
    const after = {
      ...IE7374_POLICY,
      timeZone: 'Europe/Paris',
      rounding: { mode: 'half-up', decimals: 1 },
      missingWork: { enabled: true, percent: 50 },
    };
    const e = entry({
      entity: 'course',
      before: { id: 1, name: 'IE 7374', policy_json: JSON.stringify(IE7374_POLICY) },
      after: { id: 1, name: 'IE 7374', policy_json: JSON.stringify(after) },
    });
    expect(entrySummary(e)).toBe('Course settings changed');
    const lines = changeLines(e, NY);
    expect(lines).toEqual([
      'Time zone: America/New_York → Europe/Paris',
      'Rounding: half up to 2 decimals → half up to 1 decimal',
      'Missing work scores a share: no → yes',
      'Missing work scores: 0% → 50%',
    ]);
    expect(policyChanges(IE7374_POLICY, { ...IE7374_POLICY, late: { ...IE7374_POLICY.late, cutoffHours: null } })).toEqual([
      `Late work not accepted after: ${IE7374_POLICY.late.cutoffHours} h → none`,
    ]);
  });

  it('grade overrides', () => {
    const e = entry({
      entity: 'grade_override',
      key: { student_id: 3 },
      after: { student_id: 3, letter: 'A-', percent: null, reason: 'Medical leave' },
    });
    expect(entrySummary(e)).toBe('Final grade overridden');
    expect(changeLines(e, NY)).toEqual(['Letter: A-', 'Reason: Medical leave']);
    expect(entrySummary({ ...e, before: e.after, after: null, kind: 'undo' })).toBe('Undo: Override cleared');
  });

  it('attendance sessions and marks', () => {
    const s = entry({
      entity: 'attendance_session',
      before: { id: 5, date: '2026-09-22', start_time: '13:35', cancelled: 0 },
      after: { id: 5, date: '2026-09-22', start_time: '13:35', cancelled: 1 },
    });
    expect(entrySummary(s)).toBe('Session edited');
    expect(changeLines(s, NY)).toEqual(['Cancelled: no → yes']);
    const added = changeLines({ ...s, before: null }, NY);
    expect(added).toEqual(['Date: Tue 22 Sep', 'Starts: 1:35 pm', 'Cancelled: yes']);
    const m = entry({
      entity: 'attendance_mark',
      key: { session_id: 5, student_id: 2 },
      before: { mark: 'absent' },
      after: { mark: 'late', note: 'bus' },
    });
    expect(entrySummary(m)).toBe('Mark changed');
    expect(changeLines(m, NY)).toEqual(['Mark: absent → late', 'Note: empty → bus']);
  });

  it('draws: candidates counted, drawn teams named, withdrawal in the course zone', () => {
    const draw = {
      id: 8,
      week: 3,
      drawn_at: '2026-09-22T17:00:00.000Z',
      seed: 'a1b2',
      candidates_json: JSON.stringify([{ teamId: 1 }, { teamId: 2 }, { teamId: 3 }, { teamId: 4 }]),
      exclusions_json: '[]',
      result_json: '[2]',
      rule: 'fewest-turns',
      allow_repeat: 0,
      session_id: 5,
      session_date: '2026-09-22',
      teams_count: 1,
      withdrawn_at: null,
    };
    const refs = { before: {}, after: { result_json: 'Team 2', session_id: 'Session on Tue 22 Sep' } };
    const added = entry({ entity: 'presentation_draw', after: draw, refs });
    expect(entrySummary(added)).toBe('Draw for week 3: 4 candidates');
    const lines = changeLines(added, NY);
    expect(lines).toContain('Drawn teams: Team 2');
    expect(lines).toContain('Candidates: 4 teams');
    expect(lines).toContain('Rule: fewest turns first');
    expect(lines).toContain('Drawn on: Tue 22 Sep, 1:00 pm EDT');
    expect(lines.filter((l) => l.startsWith('Left out'))).toEqual([]);
    expectPlain(lines);
    const withdrawn = entry({
      entity: 'presentation_draw',
      before: draw,
      after: { ...draw, withdrawn_at: '2026-09-22T18:30:00.000Z', withdraw_reason: 'Wrong session' },
      refs: { before: refs.after, after: refs.after },
    });
    expect(entrySummary(withdrawn)).toBe('Draw for week 3 withdrawn');
    expect(changeLines(withdrawn, NY)).toEqual(['Withdrawn: empty → Tue 22 Sep, 2:30 pm EDT', 'Why withdrawn: empty → Wrong session']);
  });

  it('presentations and readings', () => {
    const p = entry({
      entity: 'presentation',
      before: { id: 1, team_id: 2, readings_json: '[]', presenters_json: '[3,4]', rubric_json: '[]', score: null },
      after: {
        id: 1,
        team_id: 2,
        readings_json: '[7]',
        presenters_json: '[3]',
        rubric_json: JSON.stringify([{ criterion: 'Content', points: 4 }]),
        score: 9,
      },
      refs: {
        before: { team_id: 'Team 2', readings_json: '', presenters_json: 'Ames, Ann, Bo, Bea' },
        after: { team_id: 'Team 2', readings_json: 'Hidden technical debt', presenters_json: 'Ames, Ann' },
      },
    });
    expect(entrySummary(p)).toBe('Presentation edited');
    expect(changeLines(p, NY)).toEqual([
      'Readings: none → Hidden technical debt',
      'Presenters: Ames, Ann, Bo, Bea → Ames, Ann',
      'Rubric: none → Content 4',
      'Grade: empty → 9',
    ]);
    const r = entry({
      entity: 'reading',
      after: { id: 7, week: 3, title: 'Hidden technical debt', chapter: 2, position: 1, created_at: 'x' },
    });
    expect(entrySummary(r)).toBe('Reading added');
    expect(changeLines(r, NY)).toEqual(['Week: 3', 'Title: Hidden technical debt', 'Chapter: 2']);
  });

  it('export profiles, registrar exports and settings', () => {
    const p = entry({
      entity: 'export_profile',
      after: { id: 1, name: 'Banner grade entry', config_json: '{"name":"Banner grade entry"}' },
    });
    expect(entrySummary(p)).toBe("Export profile 'Banner grade entry' saved");
    expect(changeLines(p, NY)).toEqual(['Name: Banner grade entry']);
    expect(entrySummary({ ...p, before: p.after, after: null })).toBe("Export profile 'Banner grade entry' deleted");
    const r = entry({
      entity: 'registrar_export',
      after: { id: 1, at: '2026-12-15T15:00:00.000Z', file_name: 'IE7374.csv', sha256: 'ab', profile_json: '{}', letters_json: '[{},{}]' },
    });
    expect(entrySummary(r)).toBe('Grades sent to the registrar: 2 letters');
    expect(changeLines(r, NY)).toEqual(['Sent: Tue 15 Dec, 10:00 am EST', 'File: IE7374.csv', 'Letters: 2 letters']);
    const s = entry({ entity: 'setting', key: { key: 'attendance.pattern' }, after: { key: 'attendance.pattern', value_json: '{}' } });
    expect(entrySummary(s)).toBe('Setting saved');
    expect(changeLines(s, NY)).toEqual([]);
  });
});

describe('undo and redo notices', () => {
  it('are sentences naming the step', () => {
    expect(stepNotice('undo', 'Edit Núñez, José · Homework 3')).toBe('Undid: Edit Núñez, José · Homework 3.');
    expect(stepNotice('redo', 'Import scores (1 cell)')).toBe('Redid: Import scores (1 cell).');
    expect(stepNotice('undo', null)).toBe('Nothing to undo.');
  });
});
