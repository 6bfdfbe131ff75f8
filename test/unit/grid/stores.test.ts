import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CellChanges, CourseSummary } from '@shared/api';
import { IE7374_POLICY, packSnapshot, type CourseSnapshot, type Score } from '@shared/model';
import { category, item, score, student } from '../grading/helpers';
import { setClient, type Client } from '../../../renderer/src/api/client';
import { NOTICE_MS, useApp } from '../../../renderer/src/stores/app';
import { courseKey, useCourse } from '../../../renderer/src/stores/course';
import { useGradebook } from '../../../renderer/src/stores/gradebook';
import { reloadAfterStep, step, stepOfKey } from '../../../renderer/src/stores/undo';

/** The backend as the stores see it, a fake client: every call is recorded; answers come from `answer`. */
const calls: string[] = [];
let answer: (method: string) => unknown = () => null;
const fake: Client = async (method) => {
  calls.push(method);
  await new Promise((r) => setTimeout(r, 5));
  return answer(method) as never;
};
setClient(fake);

const undoState = { canUndo: true, canRedo: false, undoLabel: 'x', redoLabel: null };
const course = (scores: Score[], students = [student(1), student(2)]): CourseSnapshot => ({
  course: { name: 'C', code: null, term: null },
  policy: IE7374_POLICY,
  categories: [category(1)],
  students,
  teams: [],
  memberships: [],
  items: [item(10, 1, 10), item(11, 1, 10)],
  scores,
  teamScores: [],
  attendanceSessions: [],
  attendance: [],
  overrides: [],
});
const summary = (file: string, scores = 3): CourseSummary => ({
  file,
  info: { name: file, code: null, term: null },
  policy: IE7374_POLICY,
  categories: [category(1)],
  counts: { students: 2, teams: 0, items: 2, scores, attendanceSessions: 0 },
});
/** Opens a course in the shell, as the picker does. */
const open = (file: string) => useApp.getState().setCourse(summary(file));
/** Resolves when `release` is called: holds an answer back while the test acts. */
const held = () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { gate, release };
};

let served: CourseSnapshot;
let files = 0;
beforeEach(() => {
  calls.length = 0;
  served = course([score(1, 10, 5), score(1, 11, 10), score(2, 10, 8)]);
  answer = (m) => (m === 'course.snapshot' ? packSnapshot(served) : m === 'history.state' ? undoState : null);
  // A fresh course file per test: the stores start empty.
  useApp.setState({ app: { course: summary(`a${++files}.gradebook`), dataDir: '/data', recent: [] }, error: null });
});

/** Lets the grid write its changed cells back to the shared snapshot (it does so right after an edit). */
const settled = () => new Promise((r) => setTimeout(r, 1));

/** The grid built on the shared snapshot, as the gradebook screen does. */
async function shown() {
  await useCourse.getState().fetch();
  useGradebook.getState().show();
  calls.length = 0;
}

describe('the API client', () => {
  it('is the one setClient installed: a store action calls it, and calls nothing else', async () => {
    const other: string[] = [];
    setClient(async (method) => {
      other.push(method);
      return { course: null, dataDir: '/elsewhere', recent: [] } as never;
    });
    try {
      await useApp.getState().refresh();
      expect(other).toEqual(['app.state']);
      expect(calls).toEqual([]);
      expect(useApp.getState().app?.dataDir).toBe('/elsewhere');
    } finally {
      setClient(fake);
    }
  });
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

  it("keeps a refused change's message on screen through the reload that follows it", async () => {
    await useCourse.getState().mutate('Renaming the team', async () => {
      throw new Error('A team with that name already exists.');
    });
    expect(useApp.getState().error).toBe('Renaming the team failed: A team with that name already exists.');
  });

  it('drops the old course at once when another opens, and never keeps an answer that was on its way for the old one', async () => {
    await useCourse.getState().fetch();
    expect(useCourse.getState().snapshot).not.toBeNull();

    const inFlight = useCourse.getState().fetch();
    await new Promise((r) => setTimeout(r, 1));
    const other = course([score(7, 10, 1)], [student(7)]);
    served = other;
    open('b.gradebook');
    expect(useCourse.getState().snapshot).toBeNull();
    expect(useCourse.getState().key).toBe('');
    await inFlight;
    expect(useCourse.getState().snapshot?.students.map((s) => s.id)).toEqual([7]);
    expect(useCourse.getState().file).toBe('b.gradebook');
  });
});

describe('the grid store', () => {
  const final = (id: number) => useGradebook.getState().rows.get(id)?.result?.final.percent;

  it('builds on the shared snapshot once, and patches the cells an undo names without a reload', async () => {
    await shown();
    const built = useGradebook.getState().prepared;
    useGradebook.getState().show();
    expect(useGradebook.getState().prepared).toBe(built);
    const before = final(1);

    const changed: CellChanges = {
      scores: [score(1, 10, 1)],
      teamScores: [],
      removedScores: [{ studentId: 1, itemId: 11 }],
      removedTeamScores: [],
    };
    answer = (m) => (m === 'history.undo' ? { label: 'Paste', undo: undoState, changed } : null);
    await step('undo');
    expect(calls).toEqual(['history.undo']);
    const row = useGradebook.getState().rows.get(1)!;
    expect(row.scores.get(10)?.value).toBe(1);
    expect(row.scores.has(11)).toBe(false);
    expect(final(1)).toBeLessThan(before!);
    expect(useApp.getState().notice).toBe('Undid: Paste.');
    // Other screens read the shared snapshot: it has the undone cells too.
    await settled();
    const shared = useCourse.getState().snapshot!.scores.filter((s) => s.studentId === 1);
    expect(shared.map((s) => [s.itemId, s.value])).toEqual([[10, 1]]);
  });

  it('writes edited cells into the shared snapshot, without rebuilding the grid', async () => {
    await shown();
    const built = useGradebook.getState().prepared;
    answer = (m) => (m === 'score.apply' ? { scores: [score(2, 11, 4)], teamScores: [], undo: undoState } : null);
    expect(await useGradebook.getState().apply([{ studentId: 2, itemId: 11, patch: { value: 4 } }], 'Edit')).toBe(true);
    await settled();
    const shared = useCourse.getState().snapshot!;
    expect(shared.scores.find((s) => s.studentId === 2 && s.itemId === 11)?.value).toBe(4);
    expect(shared.scores).toHaveLength(4);
    // The grid stays on the written-back snapshot: showing it again keeps the live engine state.
    const live = useGradebook.getState().prepared;
    expect(live).not.toBe(built);
    useGradebook.getState().show();
    expect(useGradebook.getState().prepared).toBe(live);
    expect(useGradebook.getState().source).toBe(shared);
  });

  it("reloads the course and the shell's summary when an undo changed more than cells", async () => {
    await shown();
    served = course([score(1, 10, 5)], [student(1), student(2), student(3)]);
    const file = useApp.getState().app!.course!.file;
    const after = { ...summary(file, 1), counts: { ...summary(file).counts, students: 3, scores: 1 } };
    answer = (m) =>
      m === 'history.undo'
        ? { label: 'Remove student', undo: undoState }
        : m === 'course.snapshot'
          ? packSnapshot(served)
          : m === 'course.summary'
            ? after
            : undoState;
    await step('undo');
    expect(calls).toContain('course.summary');
    expect(useApp.getState().app!.course!.counts.students).toBe(3);
    expect(useCourse.getState().key).toBe(courseKey(after));
    useGradebook.getState().show();
    expect(useGradebook.getState().rows.size).toBe(3);
    expect(useApp.getState().notice).toBe('Undid: Remove student.');
  });

  it('clears the grid at once when another course opens, and an edit on its way does not land in the new one', async () => {
    await shown();
    const { gate, release } = held();
    answer = (m) => (m === 'score.apply' ? gate.then(() => ({ scores: [score(1, 10, 2)], teamScores: [], undo: undoState })) : null);
    const saving = useGradebook.getState().apply([{ studentId: 1, itemId: 10, patch: { value: 2 } }], 'Edit');
    open('b.gradebook');
    expect(useGradebook.getState().snapshot).toBeNull();
    expect(useGradebook.getState().rows.size).toBe(0);
    expect(useCourse.getState().undo).toBeNull();

    release();
    expect(await saving).toBe(false);
    expect(useGradebook.getState().rows.size).toBe(0);
    expect(useCourse.getState().undo).toBeNull();

    // Nothing is sent from a grid that is not built for the open course.
    calls.length = 0;
    expect(await useGradebook.getState().apply([{ studentId: 1, itemId: 10, patch: { value: 3 } }], 'Edit')).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('the one undo action', () => {
  it('reloads a screen that registered its own data, and says when there is nothing to undo', async () => {
    await shown();
    let reloaded = 0;
    const unregister = reloadAfterStep(async () => {
      reloaded++;
    });
    try {
      const file = useApp.getState().app!.course!.file;
      answer = (m) =>
        m === 'history.undo'
          ? { label: 'Mark all present', undo: undoState }
          : m === 'course.snapshot'
            ? packSnapshot(served)
            : m === 'course.summary'
              ? summary(file)
              : undoState;
      await step('undo');
      expect(reloaded).toBe(1);
      expect(useApp.getState().notice).toBe('Undid: Mark all present.');

      answer = (m) => (m === 'history.redo' ? { label: null, undo: undoState } : null);
      calls.length = 0;
      await step('redo');
      expect(calls).toEqual(['history.redo']);
      expect(reloaded).toBe(1);
      expect(useApp.getState().notice).toBe('Nothing to redo.');
    } finally {
      unregister();
    }
  });

  it.each([
    [{ key: 'z', ctrlKey: true }, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ key: 'y', ctrlKey: true }, 'redo'],
    [{ key: 'z', metaKey: true }, 'undo'],
    [{ key: 'z', ctrlKey: true, altKey: true }, null],
    [{ key: 'z' }, null],
    [{ key: 'Y', ctrlKey: true, shiftKey: true }, null],
  ])('reads %o as %s', (keys, direction) => {
    expect(stepOfKey({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...keys })).toBe(direction);
  });
});

describe('messages in the shell and the grid', () => {
  it('a notice goes away by itself; an error stays until dismissed or the next action', () => {
    vi.useFakeTimers();
    try {
      useApp.setState({ notice: 'Saved a copy', error: null });
      vi.advanceTimersByTime(NOTICE_MS - 100);
      expect(useApp.getState().notice).toBe('Saved a copy');
      vi.advanceTimersByTime(200);
      expect(useApp.getState().notice).toBeNull();

      useApp.setState({ error: 'Opening the course failed: no such file' });
      vi.advanceTimersByTime(NOTICE_MS * 3);
      expect(useApp.getState().error).toBe('Opening the course failed: no such file');
      void useApp.getState().run('Next', async () => undefined);
      expect(useApp.getState().error).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('messages go away on another screen and in another course', () => {
    useApp.setState({ notice: 'Settings saved', error: null });
    useApp.getState().setScreen('Roster');
    expect(useApp.getState()).toMatchObject({ screen: 'Roster', part: null, notice: null });
    useApp.getState().setScreen('Settings', 'Items');
    expect(useApp.getState()).toMatchObject({ screen: 'Settings', part: 'Items' });

    useApp.setState({ notice: 'Imported class.xlsx', error: 'Export failed' });
    open(`other${files}.gradebook`);
    expect(useApp.getState()).toMatchObject({ notice: null, error: null });
  });

  it("the grid's messages are the shell's: information goes away on the one timer, errors stay", () => {
    vi.useFakeTimers();
    try {
      useGradebook.getState().say({ kind: 'info', text: 'Part of the pasted block fell outside the grid' });
      expect(useApp.getState().notice).toBe('Part of the pasted block fell outside the grid');
      vi.advanceTimersByTime(NOTICE_MS + 10);
      expect(useApp.getState().notice).toBeNull();
      useGradebook.getState().say({ kind: 'error', text: "'ten' is not a score" });
      vi.advanceTimersByTime(NOTICE_MS * 2);
      expect(useApp.getState().error).toBe("'ten' is not a score");
    } finally {
      vi.useRealTimers();
    }
  });
});
