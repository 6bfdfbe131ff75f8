/**
 * The bench course: n students × 100 items in the IE 7374 preset's categories, with drop lowest,
 * drop lowest + highest, late work, excused work, integrity findings, teams with adjustments and
 * 28 attendance sessions. Seeded, so runs are comparable.
 */
import {
  blankSession,
  AttendanceSession,
  Category,
  CourseSnapshot,
  Item,
  Membership,
  type PackedSnapshot,
  type ScoreExtras,
  Student,
  unpackSnapshot,
} from '@shared/model';
import { IE7374_POLICY } from '@shared/model/preset';
import { seededRandom } from '@shared/util/random';

const ITEMS = 100;
const TEAM_SIZE = 4;
const SESSIONS = 28;

/** The course as objects (one Score per cell), for tests. */
export function generateCourse(students: number, items = ITEMS, seed = 7374): CourseSnapshot {
  return unpackSnapshot(generatePackedCourse(students, items, seed));
}

/** The course in the wire form, as the app's backend and renderer receive it (cells as columns). */
export function generatePackedCourse(students: number, items = ITEMS, seed = 7374): PackedSnapshot {
  const r = seededRandom(seed);
  const categories: Category[] = [
    { id: 1, name: 'Homeworks', weight: 25, dropLowest: 2, dropHighest: 0, equalWeightItems: false, kind: 'items', position: 1 },
    { id: 2, name: 'Reading assignments', weight: 10, dropLowest: 1, dropHighest: 1, equalWeightItems: false, kind: 'items', position: 2 },
    { id: 3, name: 'Final project', weight: 60, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'items', position: 3 },
    { id: 4, name: 'Attendance', weight: 5, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'attendance', position: 4 },
  ];
  const itemList: Item[] = [];
  for (let i = 1; i <= items; i++) {
    const cat = i % 10 === 0 ? 3 : i % 3 === 0 ? 2 : 1;
    const day = 1 + (i % 28);
    itemList.push({
      id: i,
      categoryId: cat,
      name: `Item ${i}`,
      pointsPossible: cat === 3 ? 100 : [10, 20, 25, 8][i % 4]!,
      dueDate: `2025-0${2 + (i % 3)}-${String(day).padStart(2, '0')}`,
      dueTime: null,
      teamGraded: cat === 3,
      dueAt: null,
      neverDrop: i % 17 === 0,
      omitFromFinal: false,
      muted: false,
      position: i,
    });
  }
  const studentList: Student[] = [];
  const memberships: Membership[] = [];
  for (let s = 1; s <= students; s++) {
    studentList.push({
      id: s,
      registrarId: String(s).padStart(9, '0'),
      firstName: `F${s}`,
      lastName: `L${s}`,
      preferredName: null,
      email: null,
      section: null,
      status: 'enrolled',
      extensionDays: s % 50 === 0 ? 2 : 0,
      accommodationNote: null,
    });
    memberships.push({ teamId: Math.ceil(s / TEAM_SIZE), studentId: s, from: '2025-01-01T00:00:00Z', to: null });
  }
  const scores: PackedSnapshot['scores'] = { studentIds: [], itemIds: [], values: [], extras: [] };
  const score = (studentId: number, itemId: number, value: number | null, extras: ScoreExtras | undefined) => {
    if (extras) scores.extras.push([scores.values.length, extras]);
    scores.studentIds.push(studentId);
    scores.itemIds.push(itemId);
    scores.values.push(value);
  };
  for (const st of studentList) {
    for (const it of itemList) {
      if (it.teamGraded) {
        if (r() < 0.05) score(st.id, it.id, null, { adjustment: { mode: 'delta', value: -5 } });
        continue;
      }
      const roll = r();
      const value = roll < 0.03 ? null : Math.round(r() * it.pointsPossible * 4) / 4;
      const extras: ScoreExtras = {};
      if (roll < 0.1) extras.submittedAt = `${it.dueDate}T${String(10 + Math.floor(r() * 12)).padStart(2, '0')}:00:00Z`;
      if (roll > 0.98) extras.status = 'excused';
      if (roll > 0.999) extras.integrity = { date: '2025-03-01', note: 'copied' };
      score(st.id, it.id, value, Object.keys(extras).length > 0 ? extras : undefined);
    }
  }
  const teamScores: PackedSnapshot['teamScores'] = { teamIds: [], itemIds: [], values: [], extras: [] };
  for (let t = 1; t <= Math.ceil(students / TEAM_SIZE); t++) {
    for (const it of itemList.filter((x) => x.teamGraded)) {
      const value = 60 + Math.round(r() * 40);
      if (r() < 0.1) teamScores.extras.push([teamScores.values.length, { daysLate: 1 }]);
      teamScores.teamIds.push(t);
      teamScores.itemIds.push(it.id);
      teamScores.values.push(value);
    }
  }
  const sessions: AttendanceSession[] = [];
  const attendance: PackedSnapshot['attendance'] = { sessionIds: [], studentIds: [], marks: [] };
  for (let i = 1; i <= SESSIONS; i++) sessions.push(blankSession(i, `2025-02-${String(i).padStart(2, '0')}`));
  for (const st of studentList) {
    for (const se of sessions) {
      const x = r();
      attendance.sessionIds.push(se.id);
      attendance.studentIds.push(st.id);
      attendance.marks.push(x < 0.8 ? 'present' : x < 0.9 ? 'late' : x < 0.97 ? 'absent' : 'excused');
    }
  }
  return {
    course: { name: 'Bench', code: null, term: null },
    policy: IE7374_POLICY,
    categories,
    students: studentList,
    teams: Array.from({ length: Math.ceil(students / TEAM_SIZE) }, (_, i) => ({ id: i + 1, name: `Team ${i + 1}` })),
    memberships,
    items: itemList,
    scores,
    teamScores,
    attendanceSessions: sessions,
    attendance,
    overrides: [],
  };
}
