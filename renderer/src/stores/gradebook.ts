import { create } from 'zustand';
import type { CellChanges, CellEdit } from '../../../shared/api';
import {
  computePrepared,
  computeStudent,
  prepareCourse,
  withStudentScores,
  type PreparedCourse,
  type StudentResult,
} from '../../../shared/grading';
import type { CourseSnapshot, Score, Student, TeamScore } from '../../../shared/model';
import { api } from '../api/client';
import { useCourse } from './course';

/** One grid row: replaced (new object) whenever anything of this student changes, so the grid re-renders just it. */
export interface GridRow {
  readonly student: Student;
  /** The student's own cells by item id. */
  readonly scores: ReadonlyMap<number, Score>;
  readonly result: StudentResult | null;
}

export interface GridMessage {
  kind: 'error' | 'info';
  text: string;
}

interface GradebookStore {
  /** The grid's course: the shared snapshot it was built on, with team cells kept current. */
  snapshot: CourseSnapshot | null;
  /** The shared snapshot (stores/course.ts) the grid was built on. */
  source: CourseSnapshot | null;
  prepared: PreparedCourse | null;
  rows: ReadonlyMap<number, GridRow>;
  /** Team cells by "teamId:itemId". */
  teamScores: ReadonlyMap<string, TeamScore>;
  /** Item id -> index into StudentResult.items (the engine's item order). */
  itemIndex: ReadonlyMap<number, number>;
  message: GridMessage | null;
  loading: boolean;
  /** Bumped when students or columns change (not on score edits), so the row order is rebuilt. */
  shape: number;
  /** Fetches the shared course snapshot; the grid then shows it (see show). */
  load(): Promise<void>;
  /** Builds the grid on a shared snapshot, unless it is already built on it. */
  show(snapshot: CourseSnapshot): void;
  /**
   * Saves edits as one undo step. The grades update at once from the edited cells; the saved
   * rows then replace them, and a refusal reloads the course and shows the reason.
   */
  apply(edits: CellEdit[], label: string): Promise<boolean>;
  undoLast(): Promise<void>;
  redoNext(): Promise<void>;
  say(message: GridMessage | null): void;
}

export const teamKey = (teamId: number, itemId: number) => `${teamId}:${itemId}`;

const blankCell = { value: null, status: null, submittedAt: null, daysLate: null, extensionDays: null, waiverReason: null, comment: null };

function mergeScore(old: Score | undefined, studentId: number, itemId: number, patch: CellEdit['patch']): Score {
  return { ...(old ?? { studentId, itemId, ...blankCell, integrity: null, adjustment: null }), ...patch };
}

function mergeTeam(old: TeamScore | undefined, teamId: number, itemId: number, patch: CellEdit['patch']): TeamScore {
  return { ...(old ?? { teamId, itemId, ...blankCell }), ...patch } as TeamScore;
}

const written = (scores: Score[], teamScores: TeamScore[]): CellChanges => ({
  scores,
  teamScores,
  removedScores: [],
  removedTeamScores: [],
});

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Everything the grid derives from a snapshot: engine state, live results, rows. */
function build(snapshot: CourseSnapshot) {
  const prepared = prepareCourse(snapshot);
  const results = computePrepared(prepared).students;
  const byStudent = new Map<number, Map<number, Score>>();
  for (const sc of snapshot.scores) {
    let m = byStudent.get(sc.studentId);
    if (!m) byStudent.set(sc.studentId, (m = new Map()));
    m.set(sc.itemId, sc);
  }
  const rows = new Map<number, GridRow>();
  snapshot.students.forEach((student, i) => {
    rows.set(student.id, { student, scores: byStudent.get(student.id) ?? new Map(), result: results[i] ?? null });
  });
  return {
    snapshot,
    source: snapshot,
    prepared,
    rows,
    teamScores: new Map(snapshot.teamScores.map((t) => [teamKey(t.teamId, t.itemId), t])),
    itemIndex: new Map(prepared.items.map((p) => [p.item.id, p.index])),
  };
}

export const useGradebook = create<GradebookStore>((set, get) => {
  /** Puts cells in place (or removes them) and recomputes only the students they touch. */
  const putCells = (changes: CellChanges) => {
    const s = get();
    if (!s.snapshot || !s.prepared) return;
    const rows = new Map(s.rows);
    const touched = new Map<number, Map<number, Score>>();
    const cellsOf = (studentId: number) => {
      const row = rows.get(studentId);
      if (!row) return undefined;
      let cells = touched.get(studentId);
      if (!cells) touched.set(studentId, (cells = new Map(row.scores)));
      return cells;
    };
    for (const sc of changes.scores) cellsOf(sc.studentId)?.set(sc.itemId, sc);
    for (const k of changes.removedScores) cellsOf(k.studentId)?.delete(k.itemId);
    let prepared = s.prepared;
    let snapshot = s.snapshot;
    let teamCells = s.teamScores;
    const teamsTouched = new Set<number>();
    if (changes.teamScores.length + changes.removedTeamScores.length > 0) {
      const next = new Map(teamCells);
      for (const t of changes.teamScores) {
        next.set(teamKey(t.teamId, t.itemId), t);
        teamsTouched.add(t.teamId);
      }
      for (const k of changes.removedTeamScores) {
        next.delete(teamKey(k.teamId, k.itemId));
        teamsTouched.add(k.teamId);
      }
      teamCells = next;
      // Team cells live in the prepared course itself: prepare it again (rare, and only for team items).
      const allScores: Score[] = [];
      for (const [id, row] of rows) allScores.push(...(touched.get(id) ?? row.scores).values());
      snapshot = { ...snapshot, scores: allScores, teamScores: [...next.values()] };
      prepared = prepareCourse(snapshot);
    } else {
      for (const [id, cells] of touched) prepared = withStudentScores(prepared, id, [...cells.values()]);
    }
    const recompute = new Set(touched.keys());
    if (teamsTouched.size > 0) {
      for (const m of snapshot.memberships) if (teamsTouched.has(m.teamId)) recompute.add(m.studentId);
    }
    for (const id of recompute) {
      const row = rows.get(id);
      if (!row) continue;
      rows.set(id, { student: row.student, scores: touched.get(id) ?? row.scores, result: computeStudent(prepared, id) });
    }
    set({ rows, prepared, snapshot, teamScores: teamCells });
  };

  const load = async () => {
    set({ loading: true });
    try {
      await useCourse.getState().fetch();
    } catch (err) {
      set({ message: { kind: 'error', text: `Could not load the gradebook: ${message(err)}` } });
    } finally {
      set({ loading: false });
    }
  };

  /** Undo or redo: patches the cells the step wrote, or reloads when it changed more than cells. */
  const step = async (direction: 'undo' | 'redo') => {
    const [verb, none] = direction === 'undo' ? ['Undid', 'Nothing to undo.'] : ['Redid', 'Nothing to redo.'];
    try {
      const r = await api(direction === 'undo' ? 'history.undo' : 'history.redo', {});
      useCourse.setState({ undo: r.undo });
      if (r.changed) putCells(r.changed);
      else if (r.label) await load();
      set({ message: { kind: 'info', text: r.label ? `${verb}: ${r.label}` : none } });
    } catch (err) {
      set({ message: { kind: 'error', text: `${direction === 'undo' ? 'Undo' : 'Redo'} failed: ${message(err)}` } });
    }
  };

  return {
    snapshot: null,
    source: null,
    prepared: null,
    rows: new Map(),
    teamScores: new Map(),
    itemIndex: new Map(),
    message: null,
    loading: false,
    shape: 0,
    say: (message) => set({ message }),
    load,
    show: (snapshot) => {
      if (get().source !== snapshot) set({ ...build(snapshot), shape: get().shape + 1 });
    },
    apply: async (edits, label) => {
      const s = get();
      const scores: Score[] = [];
      const teams: TeamScore[] = [];
      for (const e of edits) {
        if ('teamId' in e) teams.push(mergeTeam(s.teamScores.get(teamKey(e.teamId, e.itemId)), e.teamId, e.itemId, e.patch));
        else scores.push(mergeScore(s.rows.get(e.studentId)?.scores.get(e.itemId), e.studentId, e.itemId, e.patch));
      }
      putCells(written(scores, teams));
      try {
        const saved = await api('score.apply', { edits, label });
        putCells(written(saved.scores, saved.teamScores));
        useCourse.setState({ undo: saved.undo });
        set({ message: null });
        return true;
      } catch (err) {
        await load();
        set({ message: { kind: 'error', text: `${label}: not saved. ${message(err)}` } });
        return false;
      }
    },
    undoLast: () => step('undo'),
    redoNext: () => step('redo'),
  };
});
