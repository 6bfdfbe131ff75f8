import { describe, expect, it } from 'vitest';
import { IE7374_POLICY } from '@shared/model';
import { count, newCourse, type TestCourse } from './helpers';

const drafts = async (c: TestCourse) => (await c.call('course.summary', {})).categories.map(({ position: _, ...cat }) => cat);

describe('policy.save', () => {
  it('refuses weights that do not total 100, changing nothing', async () => {
    const c = newCourse('ie7374');
    const cats = await drafts(c);
    cats[0]!.weight = 20; // 20 + 10 + 60 + 5
    const before = c.fileBytes();
    const err = await c.fail('policy.save', { policy: IE7374_POLICY, categories: cats });
    expect(err).toMatchObject({ code: 'validation_failed', message: 'Category weights total 95%; they must total 100%.' });
    expect(err.details).toEqual(expect.arrayContaining([expect.stringContaining('95')]));
    expect(c.fileBytes().equals(before)).toBe(true);
    expect((await c.call('history.state', {})).canUndo).toBe(false);
  });

  it('refuses bands out of order with the engine’s problems', async () => {
    const c = newCourse('ie7374');
    const bands = [
      { letter: 'B', min: 80 },
      { letter: 'A', min: 90 },
      { letter: 'F', min: 0 },
    ];
    const err = await c.fail('policy.save', { policy: { ...IE7374_POLICY, bands }, categories: await drafts(c) });
    expect(err.code).toBe('validation_failed');
    expect(err.message).toContain('Bands must go from highest to lowest');
  });

  it('creates, updates and deletes categories with the policy as one undo step', async () => {
    const c = newCourse('ie7374');
    const cats = await drafts(c);
    const [hw, reading, project, attendance] = cats;
    const next = [
      { ...hw!, weight: 20, dropLowest: 1 },
      { ...project!, weight: 60 },
      { ...attendance! },
      { name: 'Quizzes', weight: 15, dropLowest: 0, dropHighest: 0, equalWeightItems: true, kind: 'items' as const },
    ];
    expect(reading!.name).toBe('Reading assignments');
    const policy = { ...IE7374_POLICY, borderlineDistance: 2 };
    const summary = await c.call('policy.save', { policy, categories: next });
    expect(summary.categories.map((x) => [x.name, x.weight, x.position])).toEqual([
      ['Homeworks', 20, 0],
      ['Final project', 60, 1],
      ['Attendance', 5, 2],
      ['Quizzes', 15, 3],
    ]);
    expect(summary.categories[0]!.dropLowest).toBe(1);
    expect(summary.policy.borderlineDistance).toBe(2);
    expect(count(c, 'SELECT * FROM change_batch')).toBe(1);

    const undone = await c.call('history.undo', {});
    expect(undone.label).toBe('Save grading policy');
    const restored = await c.call('course.summary', {});
    expect(restored.categories.map((x) => x.name)).toEqual(['Homeworks', 'Reading assignments', 'Final project', 'Attendance']);
    expect(restored.policy.borderlineDistance).toBe(1);
  });

  it('refuses to delete a category that still has items', async () => {
    const c = newCourse('ie7374');
    const cats = await drafts(c);
    const withoutProject = cats.filter((x) => x.name !== 'Final project').map((x) => (x.name === 'Homeworks' ? { ...x, weight: 85 } : x));
    const err = await c.fail('policy.save', { policy: IE7374_POLICY, categories: withoutProject });
    expect(err).toMatchObject({ code: 'conflict', message: expect.stringContaining('"Final project" still holds 6 items') });
  });

  it('renames the course', async () => {
    const c = newCourse('ie7374');
    const s = await c.call('course.rename', { name: 'MLOps Fall 2026', code: 'IE 7374', term: 'Fall 2026' });
    expect(s.info).toEqual({ name: 'MLOps Fall 2026', code: 'IE 7374', term: 'Fall 2026' });
    expect((await c.call('history.state', {})).undoLabel).toBe('Rename course to MLOps Fall 2026');
  });
});
