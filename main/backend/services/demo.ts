import { seededRandom, shuffled } from '@shared/util/random';
import { change, type ChangeSet } from '../changes/tracker';
import type { Course } from './course';
import { drawWithin } from './draws';
import { recordWithin } from './presentations';

const FIRST = [
  'Ava',
  'Liam',
  'Noor',
  'Mateo',
  'Sofia',
  'Wei',
  'Amara',
  'Lucas',
  'Priya',
  'Jonas',
  'Chloé',
  'Kenji',
  'Fatima',
  'Diego',
  'Ingrid',
  'Omar',
  'Léa',
  'Ravi',
  'Zoe',
  'Tomás',
];
const LAST = [
  'Nguyen',
  'Okafor',
  'García',
  'Kowalski',
  'Haddad',
  'Svensson',
  'Patel',
  'Rossi',
  'Kim',
  'Müller',
  'Dubois',
  'Tanaka',
  'Silva',
  "O'Neil",
  'Ivanova',
  'Cohen',
  'Mensah',
  'Larsen',
  'Chen',
  'Fischer',
];

const TERM_START = Date.UTC(2026, 8, 8); // Tuesday 8 Sep 2026
const WEEKS = 12;
const TOPICS = ['1 Scoping', '2.3 Data Quality and Validation', '3 Model Development', '4 Deployment', '5 Monitoring', 'Final project'];
const STUDENTS = 40;
const TEAM_SIZE = 5;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const week = (n: number, plusDays = 0) => isoDate(TERM_START + (n * 7 + plusDays) * 86_400_000);
/** 23:59 in New York as an instant (EDT until 1 Nov 2026, EST after). */
const deadline = (date: string) => new Date(`${date}T23:59:00${date < '2026-11-01' ? '-04:00' : '-05:00'}`).getTime();

/**
 * Fills the open course with a synthetic class (40 students in 8 teams, weekly homeworks and
 * readings, graded milestones, attendance, some late, excused and missing cells) as one
 * undoable action, so every screen can be tried at once. Deterministic: same seed, same class.
 */
export function loadDemoClass(course: Course, seed = 7374): void {
  const rnd = seededRandom(seed);
  const now = new Date().toISOString();
  change(course.db, 'Load demo class', (cs) => {
    const cats = course.db.prepare('SELECT id, name, kind FROM category ORDER BY position').all() as {
      id: number;
      name: string;
      kind: string;
    }[];
    const cat = (name: string) => cats.find((c) => c.name === name)?.id ?? cats.find((c) => c.kind === 'items')!.id;
    const start = (course.db.prepare('SELECT count(*) AS n FROM student').get() as { n: number }).n;

    const students: number[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      students.push(
        cs.insert('student', {
          registrar_id: String(1_000_000 + start + i * 7919).padStart(9, '0'),
          first_name: FIRST[i % FIRST.length],
          last_name: LAST[(i * 7 + Math.floor(i / FIRST.length) * 3) % LAST.length],
          email: `student${start + i + 1}@university.example`,
          section: i % 2 === 0 ? '01' : '02',
          status: 'enrolled',
          extension_days: i === 3 ? 2 : 0,
          accommodation_note: i === 3 ? 'DRC letter: 2 extra days on every deadline' : null,
          created_at: now,
        }),
      );
    }
    const teams: number[] = [];
    shuffled(students, rnd).forEach((sid, i) => {
      if (i % TEAM_SIZE === 0) teams.push(cs.insert('team', { name: `Demo team ${teams.length + 1}`, created_at: now }));
      cs.insert('team_member', {
        team_id: teams[teams.length - 1],
        student_id: sid,
        from_at: new Date(TERM_START).toISOString(),
        to_at: null,
      });
    });

    const ability = new Map(students.map((s) => [s, Math.min(1, 0.35 + rnd() * 0.75)]));
    const maxPos = (course.db.prepare('SELECT coalesce(max(position), 0) AS p FROM item').get() as { p: number }).p;
    const addItem = (categoryId: number, name: string, points: number, due: string, position: number, team = false) =>
      cs.insert('item', {
        category_id: categoryId,
        name,
        points_possible: points,
        due_date: due,
        team_graded: team ? 1 : 0,
        position,
        created_at: now,
      });

    for (let w = 0; w < WEEKS; w++) {
      const hw = addItem(cat('Homeworks'), `Homework ${w + 1}`, 10, week(w, 7), maxPos + 1 + w * 2);
      const rd = addItem(cat('Reading assignments'), `Reading ${w + 1}`, 5, week(w, 6), maxPos + 2 + w * 2);
      for (const sid of students) {
        const a = ability.get(sid)!;
        const roll = rnd();
        const hwScore = Math.min(10, Math.round((a * 10 + (rnd() - 0.5) * 2) * 2) / 2);
        const cell: Record<string, unknown> = { value: hwScore, updated_at: now };
        if (roll < 0.02) Object.assign(cell, { value: null, status: 'excused', comment: 'Medical note' });
        else if (roll < 0.04) Object.assign(cell, { value: null, status: 'missing' });
        else if (roll < 0.08) cell.submitted_at = new Date(deadline(week(w, 7)) + (6 + Math.floor(rnd() * 60)) * 3_600_000).toISOString();
        cs.put('score', { student_id: sid, item_id: hw }, cell);
        cs.put('score', { student_id: sid, item_id: rd }, { value: Math.min(5, Math.round(a * 5 * 2 + rnd()) / 2), updated_at: now });
      }
    }

    const milestones = course.db.prepare('SELECT id, due_date FROM item WHERE team_graded = 1 ORDER BY position').all() as {
      id: number;
      due_date: string | null;
    }[];
    milestones.forEach((m, i) => {
      const due = week(2 + i * 2, 4);
      if (!m.due_date) cs.put('item', { id: m.id }, { due_date: due });
      for (const t of teams) cs.put('team_score', { team_id: t, item_id: m.id }, { value: 72 + Math.round(rnd() * 28), updated_at: now });
    });
    if (milestones[0] && students[5]) {
      cs.put(
        'score',
        { student_id: students[5], item_id: milestones[0].id },
        { adjust_mode: 'delta', adjust_value: -10, comment: 'Did not contribute to the scoping report', updated_at: now },
      );
    }

    // Tue/Thu 2:50–4:30 pm with the syllabus chapter as topic; one session cancelled, the last
    // roll not yet taken, and one student who misses a run of classes (low attendance).
    const firstSessions: number[] = [];
    for (let w = 0; w < WEEKS; w++) {
      for (const day of [0, 2]) {
        const cancelled = w === 5 && day === 2;
        const last = w === WEEKS - 1 && day === 2;
        const session = cs.insert('attendance_session', {
          date: week(w, day),
          title: `Week ${w + 1} ${day === 0 ? 'Tue' : 'Thu'}`,
          start_time: '14:50',
          end_time: '16:30',
          topic: TOPICS[Math.min(TOPICS.length - 1, Math.floor(w / 2))],
          note: cancelled ? 'Instructor at a conference; no class' : null,
          cancelled: cancelled ? 1 : 0,
          created_at: now,
        });
        if (day === 0) firstSessions.push(session);
        if (cancelled || last) continue;
        students.forEach((sid, i) => {
          const r = rnd();
          const away = i === 2 && (w >= 6 || r < 0.3);
          const mark = away ? 'absent' : r < 0.85 ? 'present' : r < 0.92 ? 'late' : r < 0.97 ? 'absent' : 'excused';
          const note = mark === 'excused' ? "Doctor's note" : null;
          cs.put('attendance_mark', { session_id: session, student_id: sid }, { mark, note, updated_at: now });
        });
      }
    }
    addPresentations(cs, course, firstSessions, teams, now);
    if (students[7]) {
      const hw2 = course.db.prepare("SELECT id FROM item WHERE name = 'Homework 2' ORDER BY id DESC").get() as { id: number } | undefined;
      if (hw2)
        cs.put(
          'score',
          { student_id: students[7], item_id: hw2.id },
          { integrity_date: week(1, 9), integrity_note: 'Identical to another submission', updated_at: now },
        );
    }
  });
}

const READINGS: [title: string, authors: string, link: string | null, chapter: number][] = [
  ['Hidden Technical Debt in Machine Learning Systems', 'Sculley et al.', 'https://papers.nips.cc/paper/5656', 1],
  ['Rules of Machine Learning', 'Zinkevich', 'https://developers.google.com/machine-learning/guides/rules-of-ml', 1],
  ['Data Validation for Machine Learning', 'Breck et al.', null, 2],
  ['Data Management Challenges in Production Machine Learning', 'Polyzotis et al.', null, 2],
  ['Model Cards for Model Reporting', 'Mitchell et al.', '10.1145/3287560.3287596', 3],
  ['The ML Test Score: A Rubric for ML Production Readiness', 'Breck et al.', null, 3],
  ['Challenges in Deploying Machine Learning: a Survey of Case Studies', 'Paleyes et al.', '10.1145/3533378', 4],
  ['TFX: A TensorFlow-Based Production-Scale Machine Learning Platform', 'Baylor et al.', '10.1145/3097983.3098021', 4],
  ['Monitoring and Explainability of Models in Production', 'Klaise et al.', null, 5],
  ['Failing Loudly: Detecting Dataset Shift', 'Rabanser et al.', null, 5],
];
const DRAWN_WEEKS = 8;
const RECORDED_WEEKS = 6;

/**
 * A reading per week, the Tuesday draws of the first weeks (one redrawn, one with a team
 * excused) and graded records for most of them, through the same draw and record code as
 * the app, so the review has something to show.
 */
function addPresentations(cs: ChangeSet, course: Course, tuesdays: number[], teams: number[], now: string): void {
  const db = course.db;
  // A course without the Reading assignments category (e.g. blank) gets ungraded records.
  const graded = !!db.prepare("SELECT 1 FROM category WHERE name = 'Reading assignments' AND kind = 'items'").get();
  const readings = READINGS.map(([title, authors, link, chapter], w) =>
    cs.insert('reading', { week: w + 1, title, authors, link, chapter, position: w + 1, created_at: now }),
  );
  for (let w = 0; w < DRAWN_WEEKS && w < tuesdays.length; w++) {
    const sessionId = tuesdays[w]!;
    const exclusions = w === 4 ? [{ teamId: teams[0]!, reason: 'Presenting at the career fair' }] : [];
    const drawId = drawWithin(cs, db, { sessionId, teams: 1, seed: `demo-week-${w + 1}`, exclusions }, now);
    if (w === 2) {
      const redraw = { sessionId, teams: 1, seed: 'demo-week-3-redraw', redrawReason: "The drawn team's presenter was ill" };
      drawWithin(cs, db, redraw, now);
    }
    if (w >= RECORDED_WEEKS) continue;
    const standing = db
      .prepare('SELECT result_json FROM presentation_draw WHERE session_id = ? AND withdrawn_at IS NULL ORDER BY id DESC')
      .get(sessionId) as { result_json: string };
    const teamId = (JSON.parse(standing.result_json) as number[])[0]!;
    recordWithin(cs, db, {
      sessionId,
      teamId,
      drawId: w === 2 ? undefined : drawId,
      readingIds: readings.slice(w, w + 1),
      rubric: graded ? [{ criterion: 'Score', points: 6 + ((w * 3) % 5) }] : [],
      durationMinutes: 12 + w,
      feedback: w % 2 === 0 ? 'Clear summary; connect it to your project.' : 'Good questions from the class.',
    });
  }
}
