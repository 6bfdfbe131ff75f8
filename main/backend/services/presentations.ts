import { ApiError } from '@shared/api/envelope';
import type { Presentation, PresentationDraft, PresentationFields, Review, RubricScore } from '@shared/api/presentations';
import { countTurns } from '@shared/draw';
import { fmtPoints } from '@shared/grading';
import { PRESENTATION_PRESET, studentName, type PresentationPolicy } from '@shared/model';
import type { Row } from '../changes/tables';
import { change, type ChangeSet } from '../changes/tracker';
import type { Db } from '../db/open';
import { readCourseRow, toStudent } from '../db/rows';
import { listDraws, verifyStoredDraw } from './draws';
import { insertItem, nextPosition } from './items';
import { listReadings, requireReading } from './readings';
import { isPresent, listSessions, membersAt, requireSession, sessionLabel, type Member } from './presentation-sessions';
import { requireTeamRow } from './teams';

/** The note on a member's cell that the record set (and may take back): it did not present. */
const ABSENT_NOTE = 'Did not present (presentation record)';
const notPresenting = (week: number) => `Did not present in week ${week}`;
const weekItemName = (week: number) => `Presentation week ${week}`;
const READING_CATEGORY = /^reading assignments?$/i;

export const presentationSettings = (db: Db): PresentationPolicy => readCourseRow(db).policy.presentations ?? PRESENTATION_PRESET;

export function savePresentationSettings(db: Db, settings: PresentationPolicy): PresentationPolicy {
  const { policy } = readCourseRow(db);
  change(db, 'Save presentation grading', (cs) =>
    cs.put('course', { id: 1 }, { policy_json: JSON.stringify({ ...policy, presentations: settings }) }),
  );
  return presentationSettings(db);
}

const rubricTotal = (p: PresentationPolicy) => p.rubric.reduce((s, c) => s + c.points, 0);

function toPresentation(db: Db, r: Row): Presentation {
  const item =
    r.item_id === null ? undefined : (db.prepare('SELECT points_possible FROM item WHERE id = ?').get(r.item_id) as Row | undefined);
  return {
    id: r.id as number,
    drawId: r.draw_id as number | null,
    sessionId: r.session_id as number,
    date: r.date as string,
    week: r.week as number,
    teamId: r.team_id as number,
    teamName: String(requireTeamRow(db, r.team_id as number).name),
    readingIds: JSON.parse(String(r.readings_json)) as number[],
    presenterIds: JSON.parse(String(r.presenters_json)) as number[],
    durationMinutes: r.duration_minutes as number | null,
    rubric: JSON.parse(String(r.rubric_json)) as RubricScore[],
    score: r.score as number | null,
    pointsPossible: item ? (item.points_possible as number) : rubricTotal(presentationSettings(db)),
    feedback: r.feedback as string | null,
    itemId: item ? (r.item_id as number) : null,
  };
}

const presentationRows = (db: Db, where = 'session_id IS NOT NULL', ...args: unknown[]) =>
  db.prepare(`SELECT * FROM presentation WHERE ${where} ORDER BY week, date, id`).all(...args) as Row[];

export function listPresentations(db: Db, filter: { sessionId?: number; teamId?: number } = {}): Presentation[] {
  return presentationRows(db, 'session_id IS NOT NULL AND (@s IS NULL OR session_id = @s) AND (@t IS NULL OR team_id = @t)', {
    s: filter.sessionId ?? null,
    t: filter.teamId ?? null,
  }).map((r) => toPresentation(db, r));
}

export function requirePresentation(db: Db, id: number): Presentation {
  const row = db.prepare('SELECT * FROM presentation WHERE id = ? AND session_id IS NOT NULL').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no recorded presentation with id ${id} in this course.`);
  return toPresentation(db, row);
}

export function presentationDraft(db: Db, sessionId: number, teamId: number): PresentationDraft {
  const session = requireSession(db, sessionId);
  const team = requireTeamRow(db, teamId);
  const members = membersAt(db, session).get(teamId) ?? [];
  const existing = db.prepare('SELECT * FROM presentation WHERE session_id = ? AND team_id = ?').get(sessionId, teamId) as Row | undefined;
  return {
    session,
    teamId,
    teamName: String(team.name),
    members,
    presenterIds: defaultPresenters(session.rollTaken, members),
    readings: weekReadings(db, session.id, session.week),
    rubric: presentationSettings(db).rubric,
    existing: existing ? toPresentation(db, existing) : null,
  };
}

/** The members marked present or late; everyone on the team when the roll was not taken. */
const defaultPresenters = (rollTaken: boolean, members: readonly Member[]) =>
  (rollTaken ? members.filter(isPresent) : members).map((m) => m.studentId);

const weekReadings = (db: Db, sessionId: number, week: number) => [
  ...listReadings(db, { sessionId }),
  ...listReadings(db, { week }).filter((r) => r.sessionId === null),
];

/** The rubric's sum, or null for no scores; refuses scores that do not fit the course's rubric. */
function rubricScore(scores: readonly RubricScore[], settings: PresentationPolicy): number | null {
  if (scores.length === 0) return null;
  const criteria = settings.rubric.map((c) => `${c.name} ${fmtPoints(c.points)}`).join(', ');
  const byName = new Map(settings.rubric.map((c) => [c.name.toLowerCase(), c]));
  const seen = new Set<string>();
  for (const s of scores) {
    const c = byName.get(s.criterion.toLowerCase());
    if (!c) throw new ApiError('validation_failed', `Rubric: "${s.criterion}" is not a criterion of this course's rubric (${criteria}).`);
    if (seen.has(c.name)) throw new ApiError('validation_failed', `Rubric: "${c.name}" is scored twice; give each criterion one score.`);
    seen.add(c.name);
    if (s.points > c.points) {
      throw new ApiError(
        'validation_failed',
        `Rubric: ${fmtPoints(s.points)} for "${c.name}" is more than its ${fmtPoints(c.points)} points.`,
      );
    }
  }
  const missing = settings.rubric.filter((c) => !seen.has(c.name));
  if (missing.length) {
    throw new ApiError(
      'validation_failed',
      `Rubric: ${missing.map((c) => `"${c.name}"`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no score. Score every criterion (${criteria}) or none.`,
    );
  }
  return scores.reduce((sum, s) => sum + s.points, 0);
}

interface Target {
  session: ReturnType<typeof requireSession>;
  teamId: number;
  teamName: string;
  members: Member[];
}

/** The columns a record's fields set, checked against the team, the readings and the rubric. */
function recordColumns(db: Db, t: Target, f: PresentationFields): Row {
  const row: Row = {};
  if (f.readingIds !== undefined) {
    for (const id of f.readingIds) requireReading(db, id);
    row.readings_json = JSON.stringify([...new Set(f.readingIds)]);
  }
  if (f.presenterIds !== undefined) {
    const onTeam = new Set(t.members.map((m) => m.studentId));
    const stranger = f.presenterIds.find((id) => !onTeam.has(id));
    if (stranger !== undefined) {
      const s = db.prepare('SELECT * FROM student WHERE id = ?').get(stranger) as Row | undefined;
      throw new ApiError(
        s ? 'validation_failed' : 'not_found',
        s
          ? `${studentName(toStudent(s))} is not on ${t.teamName} on ${t.session.date}; choose presenters among its members.`
          : `There is no student with id ${stranger} in this course.`,
      );
    }
    row.presenters_json = JSON.stringify([...new Set(f.presenterIds)]);
  }
  if (f.durationMinutes !== undefined) row.duration_minutes = f.durationMinutes;
  if (f.rubric !== undefined) {
    const settings = presentationSettings(db);
    row.score = rubricScore(f.rubric, settings);
    // Stored in the rubric's order and spelling, whatever order the scores came in.
    const points = new Map(f.rubric.map((s) => [s.criterion.toLowerCase(), s.points]));
    row.rubric_json = JSON.stringify(
      f.rubric.length ? settings.rubric.map((c) => ({ criterion: c.name, points: points.get(c.name.toLowerCase())! })) : [],
    );
  }
  if (f.feedback !== undefined) row.feedback = f.feedback || null;
  return row;
}

function target(db: Db, sessionId: number, teamId: number): Target {
  const session = requireSession(db, sessionId);
  const teamName = String(requireTeamRow(db, teamId).name);
  return { session, teamId, teamName, members: membersAt(db, session).get(teamId) ?? [] };
}

/** The standing draw of the session that drew the team, or the one named (checked). */
function drawFor(db: Db, t: Target, drawId: number | null | undefined): number | null {
  const draws = listDraws(db, t.session.id);
  if (drawId == null) return draws.find((d) => !d.withdrawnAt && d.teams.some((x) => x.teamId === t.teamId))?.id ?? null;
  const d = draws.find((x) => x.id === drawId);
  if (!d) throw new ApiError('not_found', `There is no draw with id ${drawId} in the session of ${sessionLabel(t.session)}.`);
  if (!d.teams.some((x) => x.teamId === t.teamId)) {
    throw new ApiError('validation_failed', `Draw ${drawId} drew ${d.teams.map((x) => x.name).join(', ')}, not ${t.teamName}.`);
  }
  return d.id;
}

export interface RecordInput extends PresentationFields {
  sessionId: number;
  teamId: number;
  drawId?: number | null;
}

function checkNotRecorded(db: Db, t: Target): void {
  const existing = db.prepare('SELECT id FROM presentation WHERE session_id = ? AND team_id = ?').get(t.session.id, t.teamId);
  if (existing) {
    throw new ApiError(
      'conflict',
      `${t.teamName}'s presentation in the session of ${sessionLabel(t.session)} is already recorded; edit that record instead.`,
    );
  }
}

function writeRecord(cs: ChangeSet, db: Db, t: Target, input: RecordInput): number {
  const id = cs.insert('presentation', {
    readings_json: '[]',
    presenters_json: JSON.stringify(defaultPresenters(t.session.rollTaken, t.members)),
    rubric_json: '[]',
    ...recordColumns(db, t, input),
    draw_id: drawFor(db, t, input.drawId),
    session_id: t.session.id,
    team_id: t.teamId,
    week: t.session.week,
    date: t.session.date,
  });
  syncWeekGrades(cs, db, t.session.week);
  return id;
}

export function recordPresentation(db: Db, input: RecordInput): Presentation {
  const t = target(db, input.sessionId, input.teamId);
  checkNotRecorded(db, t);
  const id = change(db, `Record ${t.teamName}'s presentation (week ${t.session.week})`, (cs) => writeRecord(cs, db, t, input));
  return requirePresentation(db, id);
}

/** A record inside a larger change (the demo class): checked and written exactly as recordPresentation does. */
export function recordWithin(cs: ChangeSet, db: Db, input: RecordInput): number {
  const t = target(db, input.sessionId, input.teamId);
  checkNotRecorded(db, t);
  return writeRecord(cs, db, t, input);
}

export function updatePresentation(db: Db, id: number, patch: PresentationFields): Presentation {
  const p = requirePresentation(db, id);
  const t = target(db, p.sessionId, p.teamId);
  const columns = recordColumns(db, t, patch);
  change(db, `Edit ${t.teamName}'s presentation (week ${p.week})`, (cs) => {
    cs.put('presentation', { id }, columns);
    syncWeekGrades(cs, db, p.week);
  });
  return requirePresentation(db, id);
}

/** Removes the record; its team's grade for the week goes with it (undo brings both back). */
export function deletePresentation(db: Db, id: number): void {
  const p = requirePresentation(db, id);
  change(db, `Delete ${p.teamName}'s presentation (week ${p.week})`, (cs) => {
    cs.put('presentation', { id }, null);
    syncWeekGrades(cs, db, p.week);
  });
}

function readingCategory(db: Db): number {
  const cats = db.prepare("SELECT id, name FROM category WHERE kind = 'items' ORDER BY position").all() as { id: number; name: string }[];
  const cat = cats.find((c) => READING_CATEGORY.test(c.name.trim()));
  if (!cat) {
    throw new ApiError(
      'validation_failed',
      'The course has no "Reading assignments" category to hold presentation grades. Add it (or rename the category that should hold them) in Settings, then record the grade.',
    );
  }
  return cat.id;
}

/**
 * Puts a week's presentation grades in its team-graded "Presentation week N" item (created
 * when the first grade of the week is recorded): each presenting team gets its rubric total,
 * every other team is excused for the week (it did not present, so the item does not count
 * for it), and a member who did not present gets what the course's setting says: the team's
 * grade, an individual 0, or excused. Member cells the record set earlier and no longer
 * needs are cleared; cells the instructor wrote are left alone.
 */
function syncWeekGrades(cs: ChangeSet, db: Db, week: number): void {
  const records = presentationRows(db, 'session_id IS NOT NULL AND week = ?', week);
  const linked = records
    .map((r) => r.item_id as number | null)
    .find((id) => id !== null && db.prepare('SELECT 1 FROM item WHERE id = ?').get(id));
  const settings = presentationSettings(db);
  let itemId =
    linked ??
    (db.prepare('SELECT id FROM item WHERE name = ? AND team_graded = 1 ORDER BY id LIMIT 1').get(weekItemName(week)) as Row | undefined)
      ?.id;
  if (itemId === undefined) {
    if (!records.some((r) => r.score !== null)) return;
    const first = records.map((r) => String(r.date)).sort()[0]!;
    const fields = {
      categoryId: readingCategory(db),
      name: weekItemName(week),
      pointsPossible: rubricTotal(settings),
      dueDate: first,
      teamGraded: true,
    };
    itemId = insertItem(cs, fields, nextPosition(db));
  }
  const item = itemId as number;
  const now = new Date().toISOString();
  for (const r of records) cs.put('presentation', { id: r.id as number }, { item_id: item });

  const byTeam = new Map(records.map((r) => [r.team_id as number, r]));
  for (const { id } of db.prepare('SELECT id FROM team').all() as { id: number }[]) {
    const r = byTeam.get(id);
    const cell = r ? { value: r.score, status: null, comment: null } : { value: null, status: 'excused', comment: notPresenting(week) };
    cs.put('team_score', { team_id: id, item_id: item }, { ...cell, updated_at: now });
  }

  const absent: Row =
    settings.absentPresenter === 'zero'
      ? { adjust_mode: 'replace', adjust_value: 0, status: null, comment: ABSENT_NOTE }
      : { adjust_mode: null, adjust_value: null, status: 'excused', comment: ABSENT_NOTE };
  const wanted = new Map<number, Row>();
  if (settings.absentPresenter !== 'team') {
    for (const r of records) {
      const presenters = new Set(JSON.parse(String(r.presenters_json)) as number[]);
      const members = membersAt(db, requireSession(db, r.session_id as number)).get(r.team_id as number) ?? [];
      for (const m of members) if (!presenters.has(m.studentId)) wanted.set(m.studentId, absent);
    }
  }
  for (const [studentId, cell] of wanted) cs.put('score', { student_id: studentId, item_id: item }, { ...cell, updated_at: now });
  const ours = db.prepare('SELECT * FROM score WHERE item_id = ? AND comment = ?').all(item, ABSENT_NOTE) as Row[];
  for (const s of ours) {
    if (wanted.has(s.student_id as number)) continue;
    const key = { student_id: s.student_id as number, item_id: item };
    const blank = [s.value, s.submitted_at, s.days_late, s.extension_days, s.waiver_reason, s.integrity_date].every((v) => v === null);
    cs.put('score', key, blank ? null : { adjust_mode: null, adjust_value: null, status: null, comment: null, updated_at: now });
  }
}

/** The end-of-term review: weeks x teams, counts, who has not presented, every draw verified. */
export function presentationReview(db: Db): Review {
  const sessions = listSessions(db);
  const weeks = [...new Set(sessions.map((s) => s.week))].map((week) => ({
    week,
    sessions: sessions.filter((s) => s.week === week).map((s) => ({ id: s.id, date: s.date })),
  }));
  const records = listPresentations(db);
  const draws = listDraws(db);
  const turns = countTurns(draws.map((d) => ({ teams: d.teams.map((t) => t.teamId), withdrawn: d.withdrawnAt !== null })));
  const students = (db.prepare("SELECT * FROM student WHERE status = 'enrolled'").all() as Row[]).map(toStudent);
  const names = new Map(students.map((s) => [s.id, studentName(s)]));
  const readings = new Map(listReadings(db).map((r) => [r.id, r.title]));
  const teams = (db.prepare('SELECT id, name FROM team ORDER BY name, id').all() as { id: number; name: string }[]).map((t) => {
    const own = records.filter((r) => r.teamId === t.id);
    return {
      teamId: t.id,
      name: t.name,
      presented: own.length,
      lastDate:
        own
          .map((r) => r.date)
          .sort()
          .at(-1) ?? null,
      turns: turns.get(t.id) ?? 0,
    };
  });
  const timesPresented = new Map<number, number>();
  for (const r of records) for (const id of r.presenterIds) timesPresented.set(id, (timesPresented.get(id) ?? 0) + 1);
  const teamOf = currentTeams(db);
  const studentRows = students
    .map((s) => ({ studentId: s.id, name: names.get(s.id)!, teamName: teamOf.get(s.id) ?? null, presented: timesPresented.get(s.id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    weeks,
    teams,
    cells: records.map((r) => ({
      week: r.week,
      teamId: r.teamId,
      presentationId: r.id,
      date: r.date,
      readings: r.readingIds.map((id) => readings.get(id) ?? `reading ${id}`),
      presenters: r.presenterIds.map((id) => names.get(id) ?? `student ${id}`),
      score: r.score,
      pointsPossible: r.pointsPossible,
    })),
    students: studentRows,
    teamsNotPresented: teams.filter((t) => t.presented === 0).map((t) => t.teamId),
    studentsNotPresented: studentRows.filter((s) => s.presented === 0).map((s) => s.studentId),
    draws: draws.map((d) => ({ ...d, verification: verifyStoredDraw(d) })),
  };
}

/** Each student's team now (open membership). */
function currentTeams(db: Db): Map<number, string> {
  const rows = db
    .prepare('SELECT tm.student_id, t.name FROM team_member tm JOIN team t ON t.id = tm.team_id WHERE tm.to_at IS NULL')
    .all() as { student_id: number; name: string }[];
  return new Map(rows.map((r) => [r.student_id, r.name]));
}
