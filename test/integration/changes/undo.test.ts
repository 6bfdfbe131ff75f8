import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { change } from '../../../main/backend/changes/tracker';
import { redo, undo, undoState } from '../../../main/backend/changes/undo';
import { closeCourse, createCourse, type Course } from '../../../main/backend/services/course';
import { tmpDir } from '../../helpers/tmp';

// Closed after each test, so a failed assertion does not leave the course open.
const courses: Course[] = [];
afterEach(() => courses.splice(0).forEach(closeCourse));
const newCourse = (name: string) => {
  const course = createCourse(path.join(tmpDir(), `${name}.gradebook`), 'blank');
  courses.push(course);
  return course;
};

const now = () => new Date().toISOString();

describe('undo and the change tracker', () => {
  it('restores deleted rows, then re-applies them, in one step each', () => {
    const course = newCourse('u');
    const { db } = course;
    const id = change(db, 'Add', (cs) => cs.insert('student', { registrar_id: '1', first_name: 'A', last_name: 'B', created_at: now() }));
    change(db, 'Delete', (cs) => cs.put('student', { id }, null));
    expect(db.prepare('SELECT count(*) AS n FROM student').get()).toEqual({ n: 0 });
    expect(undo(db)).toBe('Delete');
    expect(db.prepare('SELECT registrar_id FROM student WHERE id = ?').get(id)).toEqual({ registrar_id: '1' });
    expect(redo(db)).toBe('Delete');
    expect(db.prepare('SELECT count(*) AS n FROM student').get()).toEqual({ n: 0 });
  });

  it('leaves no empty undo step for a change that wrote nothing', () => {
    const course = newCourse('e');
    change(course.db, 'Nothing', () => undefined);
    expect(undoState(course.db).canUndo).toBe(false);
  });

  it('keeps a record outside undo: undo skips it and the redo stack survives it', () => {
    const course = newCourse('r');
    const { db } = course;
    change(db, 'Add', (cs) => cs.insert('student', { registrar_id: '1', first_name: 'A', last_name: 'B', created_at: now() }));
    expect(undo(db)).toBe('Add');
    change(
      db,
      'Registrar export',
      (cs) => cs.insert('registrar_export', { at: now(), profile_json: '{}', file_name: 'f.xlsx', sha256: 'x', letters_json: '[]' }),
      {
        undoable: false,
      },
    );
    expect(undoState(db)).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'Add' });
    expect(redo(db)).toBe('Add');
    expect(undo(db)).toBe('Add');
    expect(db.prepare('SELECT count(*) AS n FROM registrar_export').get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT count(*) AS n FROM audit WHERE entity = 'registrar_export'").get()).toEqual({ n: 1 });
  });

  it('records every inserted row in the audit exactly as SQLite stored it', () => {
    const course = newCourse('s');
    const { db } = course;
    const at = now();
    const category = { name: 'Homework', weight: 1, drop_lowest: 0, drop_highest: 0, equal_weight_items: 0, kind: 'items', position: 1 };
    const rows: [string, Record<string, unknown>][] = [
      // every column given: the row is its own stored row, the new id added
      ['category', category],
      ['category', { ...category, id: null, name: 'Quizzes' }],
      // every column in the table's order, as a workbook's rows come: the row itself
      ['category', { id: 50, ...category, name: 'Labs' }],
      // defaults to fill in, text that a REAL column turns into a number, a number a TEXT column turns into text
      ['category', { name: 'Exams', weight: '0.5', position: 2 }],
      ['student', { registrar_id: 123, created_at: at }],
      // a lone surrogate, which SQLite's UTF-8 stores as replacement characters
      [
        'student',
        {
          registrar_id: 'x',
          first_name: 'A\ud800',
          last_name: '',
          preferred_name: null,
          email: null,
          section: null,
          status: 'enrolled',
          extension_days: 0,
          accommodation_note: null,
          created_at: at,
        },
      ],
    ];
    change(db, 'Add', (cs) => {
      for (const [table, row] of rows) cs.insert(table as 'category' | 'student', row);
    });
    const audit = db.prepare('SELECT entity, entity_key, after_json FROM audit ORDER BY id').all() as {
      entity: string;
      entity_key: string;
      after_json: string;
    }[];
    expect(audit).toHaveLength(rows.length);
    for (const { entity, entity_key, after_json } of audit) {
      const { id } = JSON.parse(entity_key) as { id: number };
      expect(after_json).toBe(JSON.stringify(db.prepare(`SELECT * FROM "${entity}" WHERE id = ?`).get(id)));
    }
    expect(audit.map((a) => JSON.parse(a.after_json) as Record<string, unknown>)).toMatchObject([
      category,
      { id: expect.any(Number) as unknown, name: 'Quizzes' },
      { id: 50, name: 'Labs' },
      { weight: 0.5, kind: 'items' },
      { registrar_id: '123.0', status: 'enrolled' },
      { first_name: expect.not.stringContaining('\ud800') as unknown },
    ]);
  });
});
