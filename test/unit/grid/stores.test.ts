import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CellChanges } from '../../../shared/api';
import { IE7374_POLICY, packSnapshot, type CourseSnapshot, type Score } from '../../../shared/model';
import { category, item, score, student } from '../grading/helpers';

/** The backend as the stores see it: every call is recorded; answers come from `answer`. */
const calls: string[] = [];
let answer: (method: string) => unknown = () => null;
vi.mock('../../../renderer/src/api/client', () => ({
  api: vi.fn(async (method: string) => {
    calls.push(method);
    await new Promise((r) => setTimeout(r, 5));
    return answer(method);
  }),
}));

const { useCourse } = await import('../../../renderer/src/stores/course');
const { useGradebook } = await import('../../../renderer/src/stores/gradebook');

const undoState = { canUndo: true, canRedo: false, undoLabel: 'x', redoLabel: null };
const course = (scores: Score[]): CourseSnapshot => ({
  course: { name: 'C', code: null, term: null },
  policy: IE7374_POLICY,
  categories: [category(1)],
  students: [student(1), student(2)],
  teams: [],
  memberships: [],
  items: [item(10, 1, 10), item(11, 1, 10)],
  scores,
  teamScores: [],
  attendanceSessions: [],
  attendance: [],
  overrides: [],
});

let served: CourseSnapshot;
beforeEach(() => {
  calls.length = 0;
  served = course([score(1, 10, 5), score(1, 11, 10), score(2, 10, 8)]);
  answer = (m) => (m === 'course.snapshot' ? packSnapshot(served) : m === 'history.state' ? undoState : null);
});

describe('the shared course store', () => {
  it('fetches once for callers in the same tick', async () => {
    await Promise.all([useCourse.getState().fetch(), useGradebook.getState().load()]);
    expect(calls.filter((m) => m === 'course.snapshot')).toHaveLength(1);
    expect(useCourse.getState().snapshot).toEqual(served);
  });

  it('fetches again for a caller that arrives after the request went out, so it sees its own writes', async () => {
    const first = useCourse.getState().fetch();
    await new Promise((r) => setTimeout(r, 1));
    served = course([score(1, 10, 9)]);
    const second = useCourse.getState().fetch();
    await Promise.all([first, second]);
    expect(calls.filter((m) => m === 'course.snapshot')).toHaveLength(2);
    expect(useCourse.getState().snapshot?.scores.map((s) => s.value)).toEqual([9]);
  });
});

describe('the grid store', () => {
  const final = (id: number) => useGradebook.getState().rows.get(id)?.result?.final.percent;

  it('builds on the shared snapshot once, and patches the cells an undo names without a reload', async () => {
    await useCourse.getState().fetch();
    const shared = useCourse.getState().snapshot!;
    useGradebook.getState().show(shared);
    const built = useGradebook.getState().prepared;
    useGradebook.getState().show(shared);
    expect(useGradebook.getState().prepared).toBe(built);
    const before = final(1);

    const changed: CellChanges = {
      scores: [score(1, 10, 1)],
      teamScores: [],
      removedScores: [{ studentId: 1, itemId: 11 }],
      removedTeamScores: [],
    };
    answer = (m) => (m === 'history.undo' ? { label: 'Paste', undo: undoState, changed } : null);
    calls.length = 0;
    await useGradebook.getState().undoLast();
    expect(calls).toEqual(['history.undo']);
    const row = useGradebook.getState().rows.get(1)!;
    expect(row.scores.get(10)?.value).toBe(1);
    expect(row.scores.has(11)).toBe(false);
    expect(final(1)).toBeLessThan(before!);
    expect(useGradebook.getState().message).toEqual({ kind: 'info', text: 'Undid: Paste' });
  });

  it('reloads the course when an undo changed more than cells', async () => {
    answer = (m) =>
      m === 'history.undo' ? { label: 'Rename item', undo: undoState } : m === 'course.snapshot' ? packSnapshot(served) : undoState;
    await useGradebook.getState().undoLast();
    expect(calls).toEqual(['history.undo', 'course.snapshot', 'history.state']);
  });
});
