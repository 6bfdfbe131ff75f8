import { describe, expect, it } from 'vitest';
import { count, db, newCourse } from './helpers';

const jose = { registrarId: '001234567', firstName: 'José', lastName: 'Núñez', email: 'j.nunez@university.example' };

describe('roster', () => {
  it('adds a student as one undoable step in the audit', async () => {
    const c = newCourse();
    const s = await c.call('student.add', jose);
    expect(s).toMatchObject({ registrarId: '001234567', firstName: 'José', lastName: 'Núñez', status: 'enrolled', extensionDays: 0 });
    expect(await c.call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Add student Núñez, José' });
    expect(count(c, "SELECT * FROM audit WHERE entity = 'student'")).toBe(1);
    await c.call('history.undo', {});
    expect(count(c, 'SELECT * FROM student')).toBe(0);
  });

  it('refuses a duplicate registrar ID, names who has it, and changes nothing', async () => {
    const c = newCourse();
    await c.call('student.add', jose);
    const before = c.fileBytes();
    const audit = count(c, 'SELECT * FROM audit');
    const err = await c.fail('student.add', { registrarId: '001234567', firstName: 'Ana', lastName: 'Li' });
    expect(err).toMatchObject({ code: 'conflict', message: 'Registrar ID 001234567 is already used by Núñez, José.' });
    expect(count(c, 'SELECT * FROM student')).toBe(1);
    expect(count(c, 'SELECT * FROM audit')).toBe(audit);
    expect(c.fileBytes().equals(before)).toBe(true);
  });

  it('updates only the fields given and keeps IDs unique on update', async () => {
    const c = newCourse();
    const s = await c.call('student.add', jose);
    const ana = await c.call('student.add', { registrarId: '002', firstName: 'Ana', lastName: 'Li', section: '01' });
    const updated = await c.call('student.update', { id: ana.id, patch: { preferredName: 'Annie', extensionDays: 2 } });
    expect(updated).toMatchObject({ firstName: 'Ana', preferredName: 'Annie', extensionDays: 2, section: '01' });
    const err = await c.fail('student.update', { id: ana.id, patch: { registrarId: '001234567' } });
    expect(err.code).toBe('conflict');
    // Keeping one's own ID is not a conflict.
    await c.call('student.update', { id: s.id, patch: { registrarId: '001234567', email: null } });
    expect((await c.fail('student.update', { id: 999, patch: { firstName: 'X' } })).code).toBe('not_found');
  });

  it('withdraws and re-enrolls, keeping the history', async () => {
    const c = newCourse();
    const s = await c.call('student.add', jose);
    expect((await c.call('student.setWithdrawn', { id: s.id, withdrawn: true })).status).toBe('withdrawn');
    const history = await c.call('history.list', { studentId: s.id });
    expect(history.entries.map((e) => e.label)).toEqual(['Withdraw Núñez, José', 'Add student Núñez, José']);
    expect(history.entries[0]).toMatchObject({ subject: 'Núñez, José', before: { status: 'enrolled' }, after: { status: 'withdrawn' } });
    expect((await c.call('student.setWithdrawn', { id: s.id, withdrawn: false })).status).toBe('enrolled');
    expect(db(c).prepare('SELECT status FROM student').pluck().get()).toBe('enrolled');
  });
});
