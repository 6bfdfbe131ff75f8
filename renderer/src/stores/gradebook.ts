import { create } from 'zustand';
import type { CellChanges, CellEdit } from '@shared/api';
import {
  computePrepared,
  computeStudent,
  prepareCourse,
  preparePacked,
  withStudentScores,
  type PreparedCourse,
  type StudentResult,
  type View,
} from '@shared/grading';
import type { GridRow } from '@shared/grid';
import { blankScore, blankTeamScore, type CourseSnapshot, type Score, type TeamScore } from '@shared/model';
import { api } from '../api/client';
import { useApp } from './app';
import { packedFormOf, useCourse } from './course';
import { timed } from '../timing';

export type { GridRow };

export interface GridMessage {
  kind: 'error' | 'info';
  text: string;
  /** The message is about the last saved step and offers to undo it. */
  undo?: boolean;
}

interface GradebookStore {
  /**
   * The grid's course, built on the shared snapshot (stores/course.ts). The live cells are in
   * rows and teamScores; they are written back here and to the shared store right after each
   * change (off the keystroke's path), so other screens never read stale cells.
   */
  snapshot: CourseSnapshot | null;
  /** The shared snapshot the grid is built on and writes its cells back to. */
  source: CourseSnapshot | null;
  /** The course file the grid was built for; it shows and edits nothing of another. */
  file: string | null;
  prepared: PreparedCourse | null;
  rows: ReadonlyMap<number, GridRow>;
  /** Team cells by "teamId:itemId". */
  teamScores: ReadonlyMap<string, TeamScore>;
  /** Item id -> index into StudentResult.items (the engine's item order). */
  itemIndex: ReadonlyMap<number, number>;
  /**
   * Which grade the grid's grade columns show, all of them the same one so a row adds up:
   * current (only graded work counts, as Canvas shows it) or final (ungraded work counts 0).
   */
  view: View;
  loading: boolean;
  /** Bumped when students or columns change (not on score edits), so the row order is rebuilt. */
  shape: number;
  /** Fetches the shared course snapshot; the grid then shows it (see show). */
  load(): Promise<void>;
  /** Builds the grid on the shared snapshot, unless it is already built on it. */
  show(): void;
  /**
   * Saves edits as one undo step. The grades update at once from the edited cells; the saved
   * rows then replace them, and a refusal reloads the course and shows the reason.
   */
  apply(edits: CellEdit[], label: string): Promise<boolean>;
  /**
   * Puts the cells an undo or redo wrote into the grid (and so into the shared snapshot); answers
   * false when the grid is not built on the shared snapshot, and the caller reloads instead.
   */
  patch(changes: CellChanges): boolean;
  /** Shows a message in the shell: information goes away by itself, an error stays until the next action. */
  say(message: GridMessage | null): void;
  setView(view: View): void;
}

export const teamKey = (teamId: number, itemId: number) => `${teamId}:${itemId}`;

function mergeScore(old: Score | undefined, studentId: number, itemId: number, patch: CellEdit['patch']): Score {
  return { ...(old ?? blankScore(studentId, itemId)), ...patch };
}

function mergeTeam(old: TeamScore | undefined, teamId: number, itemId: number, patch: CellEdit['patch']): TeamScore {
  return { ...(old ?? blankTeamScore(teamId, itemId)), ...patch } as TeamScore;
}

const written = (scores: Score[], teamScores: TeamScore[]): CellChanges => ({
  scores,
  teamScores,
  removedScores: [],
  removedTeamScores: [],
});

function allScores(rows: ReadonlyMap<number, GridRow>): Score[] {
  const out: Score[] = [];
  for (const row of rows.values()) for (const sc of row.scores.values()) out.push(sc);
  return out;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const EMPTY = {
  snapshot: null,
  source: null,
  file: null,
  prepared: null,
  rows: new Map<number, GridRow>(),
  teamScores: new Map<string, TeamScore>(),
  itemIndex: new Map<number, number>(),
};

/** One row per student, in roster order, with the student's cells and result. */
function rowsOf(snapshot: CourseSnapshot, results: readonly StudentResult[]): Map<number, GridRow> {
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
  return rows;
}

/** Everything the grid derives from a snapshot: engine state, live results, rows. */
function build(snapshot: CourseSnapshot, file: string | null) {
  const packed = packedFormOf(snapshot);
  const prepared = timed('grid:prepare', () => (packed ? preparePacked(packed) : prepareCourse(snapshot)));
  const results = timed('grid:compute', () => computePrepared(prepared).students);
  return {
    snapshot,
    source: snapshot,
    file,
    prepared,
    rows: timed('grid:rows', () => rowsOf(snapshot, results)),
    teamScores: new Map(snapshot.teamScores.map((t) => [teamKey(t.teamId, t.itemId), t])),
    itemIndex: prepared.itemIndex,
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
    }
    for (const [id, cells] of touched) rows.set(id, { ...rows.get(id)!, scores: cells });
    let snapshot = s.snapshot;
    // The engine's share of an edit, apart from the grid's (test/bench/grid.bench.ts prints both).
    timed('grid:engine', () => {
      if (teamsTouched.size > 0) {
        // Team cells live in the prepared course itself: prepare it again (rare, and only for team items).
        snapshot = { ...snapshot, scores: allScores(rows), teamScores: [...teamCells.values()] };
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
        if (row) rows.set(id, { ...row, result: computeStudent(prepared, id) });
      }
    });
    set({ rows, prepared, snapshot, teamScores: teamCells });
    writeBackSoon ??= setTimeout(writeBack);
  };

  let writeBackSoon: ReturnType<typeof setTimeout> | null = null;
  /**
   * Gives other screens the cells the grid has changed: a new shared snapshot with them. Copying
   * every cell takes milliseconds on a large course, so it runs after the edit is on screen, once
   * for a burst of edits. A shared snapshot that has moved on (a reload landed, another course
   * opened) is newer than the grid's cells and is left alone; the grid rebuilds on it.
   */
  const writeBack = () => {
    writeBackSoon = null;
    const s = get();
    if (!s.snapshot || !s.source || useCourse.getState().snapshot !== s.source) return;
    const snapshot = { ...s.snapshot, scores: allScores(s.rows), teamScores: [...s.teamScores.values()] };
    set({ snapshot, source: snapshot });
    useCourse.setState({ snapshot });
  };

  /** True while the course the grid was built for is still the open one. */
  const current = (epoch: number) => useCourse.getState().epoch === epoch;

  const say = (message: GridMessage | null) =>
    useApp.setState(
      message === null
        ? { error: null, notice: null }
        : message.kind === 'error'
          ? { error: message.text }
          : { notice: message.text, undoNotice: message.undo ? message.text : null },
    );

  const load = async () => {
    set({ loading: true });
    try {
      await useCourse.getState().fetch();
    } catch (err) {
      say({ kind: 'error', text: `Could not load the gradebook: ${message(err)}` });
    } finally {
      set({ loading: false });
    }
  };

  // Another course opened: nothing of the old one may stay on screen or be edited.
  useCourse.subscribe((state, prev) => {
    if (state.epoch !== prev.epoch) set(EMPTY);
  });

  return {
    ...EMPTY,
    loading: false,
    shape: 0,
    view: 'current',
    say,
    setView: (view) => set({ view }),
    load,
    show: () => {
      const { snapshot, file } = useCourse.getState();
      if (snapshot && get().source !== snapshot) set({ ...build(snapshot, file), shape: get().shape + 1 });
    },
    apply: async (edits, label) => {
      const s = get();
      const { epoch, file } = useCourse.getState();
      // Ids are per course file: edits built on another course's grid would land on the wrong students.
      if (!s.snapshot || s.file !== file) return false;
      const scores: Score[] = [];
      const teams: TeamScore[] = [];
      for (const e of edits) {
        if ('teamId' in e) teams.push(mergeTeam(s.teamScores.get(teamKey(e.teamId, e.itemId)), e.teamId, e.itemId, e.patch));
        else scores.push(mergeScore(s.rows.get(e.studentId)?.scores.get(e.itemId), e.studentId, e.itemId, e.patch));
      }
      putCells(written(scores, teams));
      try {
        const saved = await api('score.apply', { edits, label });
        if (!current(epoch)) return false;
        putCells(written(saved.scores, saved.teamScores));
        useCourse.setState({ undo: saved.undo });
        say(null);
        return true;
      } catch (err) {
        if (!current(epoch)) return false;
        await load();
        say({ kind: 'error', text: `${label}: not saved. ${message(err)}` });
        return false;
      }
    },
    patch: (changes) => {
      const s = get();
      if (!s.source || s.source !== useCourse.getState().snapshot || s.file !== useCourse.getState().file) return false;
      putCells(changes);
      return true;
    },
  };
});
