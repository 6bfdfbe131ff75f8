/**
 * The floor the engine is measured against: the simplest plain loop over typed arrays that gives
 * the bench course's final percentages in both views, in doubles, with nothing exact, no
 * explanation and no objects. It knows the bench course's rules (generateCourse, the IE 7374
 * preset): weighted categories, up to 48 h late −10% of earned, later 0, integrity zeros, the
 * optimal drop (Dinkelbach) for drop lowest, the min-max drop for drop lowest + highest, and
 * attendance (late half, excused left out). Its input is laid out before timing; it computes
 * everything that depends on a score.
 */
import type { PackedSnapshot } from '@shared/model';
import { unpackTeamScores } from '@shared/model/pack';
import { deadlineInstant } from '@shared/grading';

const HOUR_MS = 3_600_000;
const CUTOFF_MS = 48 * HOUR_MS;
const EXCUSED = 1;
const INTEGRITY = 2;
const NEVER_DROP = 4;

export interface FloorCourse {
  readonly students: number;
  readonly items: number;
  /** By item, in the engine's order (category position, item position). */
  readonly category: Uint8Array;
  readonly possible: Float64Array;
  /** Per category: weight, drop lowest, drop highest; the last category is attendance. */
  readonly weight: Float64Array;
  readonly dropLowest: Uint8Array;
  readonly dropHighest: Uint8Array;
  /** By student × item: the score (team items: the team's, adjusted), NaN for none. */
  readonly value: Float64Array;
  /** By student × item: ms after the (extended) deadline, 0 when on time. */
  readonly lateMs: Float64Array;
  readonly flags: Uint8Array;
  /** By student: attendance credit and sessions counted. */
  readonly credit: Float64Array;
  readonly sessions: Float64Array;
}

/** Lays the bench snapshot out for the floor (not timed). */
export function floorCourse(snap: PackedSnapshot): FloorCourse {
  const cats = [...snap.categories].sort((a, b) => a.position - b.position);
  const catIndex = new Map(cats.map((c, i) => [c.id, i]));
  const items = [...snap.items].sort((a, b) => catIndex.get(a.categoryId)! - catIndex.get(b.categoryId)! || a.position - b.position);
  const itemIndex = new Map(items.map((it, i) => [it.id, i]));
  const studentIndex = new Map(snap.students.map((s, i) => [s.id, i]));
  const N = items.length;
  const S = snap.students.length;
  const value = new Float64Array(S * N).fill(NaN);
  const lateMs = new Float64Array(S * N);
  const flags = new Uint8Array(S * N);
  const deadline = (i: number, extension: number) =>
    deadlineInstant(items[i]!.dueDate!, items[i]!.dueTime ?? snap.policy.defaultDueTime, snap.policy.timeZone, extension);
  const teamOf = new Map(snap.memberships.map((m) => [m.studentId, m.teamId]));
  const teamCell = new Map(unpackTeamScores(snap.teamScores).map((t) => [`${t.teamId}|${t.itemId}`, t]));
  snap.students.forEach((st, s) => {
    items.forEach((it, i) => {
      if (!it.teamGraded) return;
      const cell = teamCell.get(`${teamOf.get(st.id)}|${it.id}`);
      if (!cell) return;
      value[s * N + i] = cell.value ?? NaN;
      lateMs[s * N + i] = (cell.daysLate ?? 0) * 24 * HOUR_MS;
    });
  });
  const { studentIds, itemIds, values } = snap.scores;
  const extras = new Map(snap.scores.extras);
  for (let c = 0; c < values.length; c++) {
    const s = studentIndex.get(studentIds[c]!)!;
    const i = itemIndex.get(itemIds[c]!)!;
    const k = s * N + i;
    const ex = extras.get(c);
    if (ex?.adjustment) value[k] = Math.max(0, value[k]! + ex.adjustment.value);
    else value[k] = values[c] ?? NaN;
    if (ex?.submittedAt) lateMs[k] = Math.max(0, Date.parse(ex.submittedAt) - deadline(i, snap.students[s]!.extensionDays));
    flags[k] = (ex?.status === 'excused' ? EXCUSED : 0) | (ex?.integrity ? INTEGRITY : 0);
  }
  items.forEach((it, i) => {
    if (it.neverDrop) for (let s = 0; s < S; s++) flags[s * N + i]! |= NEVER_DROP;
  });
  const credit = new Float64Array(S);
  const sessions = new Float64Array(S);
  const rule = snap.policy.attendance;
  snap.attendance.marks.forEach((mark, k) => {
    const s = studentIndex.get(snap.attendance.studentIds[k]!)!;
    if (mark === 'excused') return;
    sessions[s]!++;
    credit[s]! += mark === 'present' ? rule.present : mark === 'late' ? rule.late : rule.absent;
  });
  return {
    students: S,
    items: N,
    category: Uint8Array.from(items, (it) => catIndex.get(it.categoryId)!),
    possible: Float64Array.from(items, (it) => it.pointsPossible),
    weight: Float64Array.from(cats, (c) => c.weight),
    dropLowest: Uint8Array.from(cats, (c) => c.dropLowest),
    dropHighest: Uint8Array.from(cats, (c) => c.dropHighest),
    value,
    lateMs,
    flags,
    credit,
    sessions,
  };
}

/** Scratch for one category of one student: counted scores, points and whether droppable. */
interface Scratch {
  readonly s: Float64Array;
  readonly p: Float64Array;
  readonly droppable: Uint8Array;
  /** The ends being dropped: keys and positions, smallest (largest) first. */
  readonly lowKey: Float64Array;
  readonly lowAt: Int32Array;
  readonly highKey: Float64Array;
  readonly highAt: Int32Array;
}

/**
 * The ratio left after dropping the a smallest and the b largest keys s − q·p, in one
 * pass; ties go by position, so the two ends never share an item.
 */
function dropAt(x: Scratch, n: number, earned: number, possible: number, q: number, a: number, b: number): number {
  const { lowKey, lowAt, highKey, highAt } = x;
  lowKey.fill(Infinity);
  highKey.fill(-Infinity);
  for (let j = 0; j < n; j++) {
    if (!x.droppable[j]) continue;
    const key = x.s[j]! - q * x.p[j]!;
    if (a > 0 && key < lowKey[a - 1]!) {
      let k = a - 1;
      for (; k > 0 && key < lowKey[k - 1]!; k--) {
        lowKey[k] = lowKey[k - 1]!;
        lowAt[k] = lowAt[k - 1]!;
      }
      lowKey[k] = key;
      lowAt[k] = j;
    }
    if (b > 0 && key >= highKey[b - 1]!) {
      let k = b - 1;
      for (; k > 0 && key >= highKey[k - 1]!; k--) {
        highKey[k] = highKey[k - 1]!;
        highAt[k] = highAt[k - 1]!;
      }
      highKey[k] = key;
      highAt[k] = j;
    }
  }
  let e = earned;
  let p = possible;
  for (let k = 0; k < a; k++) {
    e -= x.s[lowAt[k]!]!;
    p -= x.p[lowAt[k]!]!;
  }
  for (let k = 0; k < b; k++) {
    e -= x.s[highAt[k]!]!;
    p -= x.p[highAt[k]!]!;
  }
  return e / p;
}

/** Category fraction with drops: Newton's iteration on q ↦ kept Σ(s − q·p), which stops in a few steps. */
function dropped(x: Scratch, n: number, earned: number, possible: number, a: number, b: number): number {
  let q = earned / possible;
  for (let step = 0; step < 50; step++) {
    const next = dropAt(x, n, earned, possible, q, a, b);
    if (Math.abs(next - q) < 1e-15) return next;
    q = next;
  }
  return q;
}

/** Both views' percentages of every student (NaN: nothing counts). */
export function floorGrades(c: FloorCourse, current: Float64Array, final: Float64Array): void {
  const N = c.items;
  const C = c.weight.length;
  const ends = (k: number) => ({ key: new Float64Array(k), at: new Int32Array(k) });
  const low = ends(Math.max(...c.dropLowest, 1));
  const high = ends(Math.max(...c.dropHighest, 1));
  const x: Scratch = {
    s: new Float64Array(N),
    p: new Float64Array(N),
    droppable: new Uint8Array(N),
    lowKey: low.key,
    lowAt: low.at,
    highKey: high.key,
    highAt: high.at,
  };
  let totalWeight = 0;
  for (let k = 0; k < C; k++) totalWeight += c.weight[k]!;
  for (let st = 0; st < c.students; st++) {
    const base = st * N;
    for (let view = 0; view < 2; view++) {
      let sum = 0;
      let counted = 0;
      let i = 0;
      for (let cat = 0; cat < C - 1; cat++) {
        let n = 0;
        let earned = 0;
        let possible = 0;
        let droppable = 0;
        for (; i < N && c.category[i] === cat; i++) {
          const f = c.flags[base + i]!;
          const v = c.value[base + i]!;
          const graded = v === v;
          if (!(f & INTEGRITY) && (f & EXCUSED || (!graded && view === 0))) continue;
          const late = c.lateMs[base + i]!;
          const s = f & INTEGRITY || !graded || late > CUTOFF_MS ? 0 : late > 0 ? v * 0.9 : v;
          x.s[n] = s;
          x.p[n] = c.possible[i]!;
          x.droppable[n] = f & (INTEGRITY | NEVER_DROP) ? 0 : 1;
          droppable += x.droppable[n]!;
          earned += s;
          possible += c.possible[i]!;
          n++;
        }
        if (possible === 0) continue;
        const a = Math.min(c.dropLowest[cat]!, Math.max(droppable - 1, 0));
        const b = a + c.dropHighest[cat]! >= droppable ? 0 : c.dropHighest[cat]!;
        const fraction = a + b === 0 ? earned / possible : dropped(x, n, earned, possible, a, b);
        sum += c.weight[cat]! * fraction;
        counted += c.weight[cat]!;
      }
      if (c.sessions[st]! > 0) {
        sum += c.weight[C - 1]! * (c.credit[st]! / c.sessions[st]!);
        counted += c.weight[C - 1]!;
      }
      (view === 0 ? current : final)[st] = counted > 0 ? (sum * totalWeight) / counted : NaN;
    }
  }
}
