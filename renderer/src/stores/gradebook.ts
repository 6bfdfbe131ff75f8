import { create } from 'zustand';
import type { CellEdit, UndoState } from '../../../shared/api';
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
  snapshot: CourseSnapshot | null;
  prepared: PreparedCourse | null;
  rows: ReadonlyMap<number, GridRow>;
  /** Team cells by "teamId:itemId". */
  teamScores: ReadonlyMap<string, TeamScore>;
  /** Item id -> index into StudentResult.items (the engine's item order). */
  itemIndex: ReadonlyMap<number, number>;
  undo: UndoState | null;
  message: GridMessage | null;
  loading: boolean;
  /** Bumped when students or columns change (not on score edits), so the row order is rebuilt. */
  shape: number;
  /** Loads the course; a call while a load is on its way shares it. */
  load(): Promise<void>;
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

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export const useGradebook = create<GradebookStore>((set, get) => {
  /** A load already on its way: a second caller waits for it instead of fetching the course again. */
  let inflight: Promise<void> | null = null;
  /** Puts cells in place and recomputes only the students they touch. */
  const putCells = (scores: readonly Score[], teamScores: readonly TeamScore[]) => {
    const s = get();
    if (!s.snapshot || !s.prepared) return;
    const rows = new Map(s.rows);
    const touched = new Map<number, Map<number, Score>>();
    for (const sc of scores) {
      const row = rows.get(sc.studentId);
      if (!row) continue;
      const cells = touched.get(sc.studentId) ?? new Map(row.scores);
      cells.set(sc.itemId, sc);
      touched.set(sc.studentId, cells);
    }
    let prepared = s.prepared;
    let snapshot = s.snapshot;
    let teamCells = s.teamScores;
    const teamsTouched = new Set<number>();
    if (teamScores.length > 0) {
      const next = new Map(teamCells);
      for (const t of teamScores) {
        next.set(teamKey(t.teamId, t.itemId), t);
        teamsTouched.add(t.teamId);
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

  const fetchCourse = async () => {
    set({ loading: true });
    try {
      const [snapshot, undo] = await Promise.all([api('course.snapshot', {}), api('history.state', {})]);
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
      set({
        snapshot,
        prepared,
        rows,
        undo,
        teamScores: new Map(snapshot.teamScores.map((t) => [teamKey(t.teamId, t.itemId), t])),
        itemIndex: new Map(prepared.items.map((p) => [p.item.id, p.index])),
        shape: get().shape + 1,
      });
    } catch (err) {
      set({ message: { kind: 'error', text: `Could not load the gradebook: ${message(err)}` } });
    } finally {
      set({ loading: false });
    }
  };

  return {
    snapshot: null,
    prepared: null,
    rows: new Map(),
    teamScores: new Map(),
    itemIndex: new Map(),
    undo: null,
    message: null,
    loading: false,
    shape: 0,
    say: (message) => set({ message }),
    load: () => {
      inflight ??= fetchCourse().finally(() => (inflight = null));
      return inflight;
    },
    apply: async (edits, label) => {
      const s = get();
      const scores: Score[] = [];
      const teams: TeamScore[] = [];
      for (const e of edits) {
        if ('teamId' in e) teams.push(mergeTeam(s.teamScores.get(teamKey(e.teamId, e.itemId)), e.teamId, e.itemId, e.patch));
        else scores.push(mergeScore(s.rows.get(e.studentId)?.scores.get(e.itemId), e.studentId, e.itemId, e.patch));
      }
      putCells(scores, teams);
      try {
        const saved = await api('score.apply', { edits, label });
        putCells(saved.scores, saved.teamScores);
        set({ undo: saved.undo, message: null });
        return true;
      } catch (err) {
        await fetchCourse();
        set({ message: { kind: 'error', text: `${label}: not saved. ${message(err)}` } });
        return false;
      }
    },
    undoLast: async () => {
      try {
        const r = await api('history.undo', {});
        await fetchCourse();
        set({ message: { kind: 'info', text: r.label ? `Undid: ${r.label}` : 'Nothing to undo.' } });
      } catch (err) {
        set({ message: { kind: 'error', text: `Undo failed: ${message(err)}` } });
      }
    },
    redoNext: async () => {
      try {
        const r = await api('history.redo', {});
        await fetchCourse();
        set({ message: { kind: 'info', text: r.label ? `Redid: ${r.label}` : 'Nothing to redo.' } });
      } catch (err) {
        set({ message: { kind: 'error', text: `Redo failed: ${message(err)}` } });
      }
    },
  };
});
