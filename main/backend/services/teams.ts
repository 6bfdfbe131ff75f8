import { randomInt } from 'node:crypto';
import { ApiError } from '@shared/api/envelope';
import { legalName, type Team } from '@shared/model';
import { seededRandom, shuffled } from '@shared/util/random';
import { plural } from '@shared/text/words';
import { change, type ChangeSet } from '../changes/tracker';
import type { Db } from '../db/open';
import { toStudent, toTeam } from '../db/rows';
import { requireStudentRow } from './roster';
import type { Row } from '../changes/tables';

export function requireTeamRow(db: Db, id: number): Row {
  const row = db.prepare('SELECT * FROM team WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no team with id ${id} in this course.`);
  return row;
}

function ensureNameFree(db: Db, name: string, exceptId?: number): void {
  if (db.prepare('SELECT 1 FROM team WHERE name = ? AND id IS NOT ?').get(name, exceptId ?? null)) {
    throw new ApiError('conflict', `A team named "${name}" already exists. Choose another name.`);
  }
}

export function createTeam(db: Db, name: string): Team {
  ensureNameFree(db, name);
  const id = change(db, `Create team ${name}`, (cs) => cs.insert('team', { name, created_at: new Date().toISOString() }));
  return toTeam(requireTeamRow(db, id));
}

export function renameTeam(db: Db, id: number, name: string): Team {
  const current = requireTeamRow(db, id);
  ensureNameFree(db, name, id);
  change(db, `Rename team ${current.name} to ${name}`, (cs) => cs.put('team', { id }, { name }));
  return toTeam(requireTeamRow(db, id));
}

export function deleteTeam(db: Db, id: number): void {
  const team = requireTeamRow(db, id);
  const graded = (db.prepare('SELECT count(*) AS n FROM team_score WHERE team_id = ?').get(id) as { n: number }).n;
  if (graded > 0) {
    throw new ApiError('conflict', `${team.name} has ${plural(graded, 'graded team score')} and cannot be deleted; rename it instead.`);
  }
  const presented = (
    db
      .prepare(
        'SELECT (SELECT count(*) FROM presentation WHERE team_id = ?) + (SELECT count(*) FROM presentation_draw WHERE team_id = ?) AS n',
      )
      .get(id, id) as {
      n: number;
    }
  ).n;
  if (presented > 0) throw new ApiError('conflict', `${team.name} has presentations on record and cannot be deleted; rename it instead.`);
  change(db, `Delete team ${team.name}`, (cs) => {
    // Memberships are removed through the change set (not by the foreign-key cascade) so undo restores them.
    const members = db.prepare('SELECT id FROM team_member WHERE team_id = ?').all(id) as { id: number }[];
    for (const m of members) cs.put('team_member', { id: m.id }, null);
    cs.put('team', { id }, null);
  });
}

const toIso = (instant: string) => new Date(instant).toISOString();

/**
 * Ends the student's open membership at `from` and starts the new one then, so team items due
 * earlier still count for the team the student was on at the time. An open membership that
 * starts at or after `from` never took effect and is replaced outright.
 */
function moveStudent(db: Db, cs: ChangeSet, studentId: number, teamId: number | null, from: string): void {
  const open = db.prepare('SELECT * FROM team_member WHERE student_id = ? AND to_at IS NULL').all(studentId) as Row[];
  if (teamId !== null && open.length === 1 && open[0]!.team_id === teamId) return;
  for (const m of open) cs.put('team_member', { id: m.id }, Date.parse(m.from_at) >= Date.parse(from) ? null : { to_at: from });
  if (teamId !== null) cs.insert('team_member', { team_id: teamId, student_id: studentId, from_at: from, to_at: null });
}

export function assignTeam(db: Db, studentId: number, teamId: number | null, from?: string): void {
  const student = requireStudentRow(db, studentId);
  const team = teamId === null ? null : requireTeamRow(db, teamId);
  const at = toIso(from ?? new Date().toISOString());
  // A move dated before recorded team history would rewrite who was on a team for past grades.
  const ended = db.prepare('SELECT max(to_at) AS t FROM team_member WHERE student_id = ? AND to_at IS NOT NULL').get(studentId) as {
    t: string | null;
  };
  if (ended.t && Date.parse(ended.t) > Date.parse(at)) {
    throw new ApiError(
      'validation_failed',
      `${legalName(toStudent(student))} has team history until ${ended.t.slice(0, 10)}; a team move must start on or after that date. Nothing was changed.`,
    );
  }
  const label = team ? `Move ${legalName(toStudent(student))} to ${team.name}` : `Remove ${legalName(toStudent(student))} from their team`;
  change(db, label, (cs) => moveStudent(db, cs, studentId, teamId, at));
}

/** The next free "Team N" names, so new teams never collide with existing ones. */
function freeTeamNames(db: Db, count: number): string[] {
  const taken = new Set((db.prepare('SELECT name FROM team').all() as { name: string }[]).map((t) => t.name));
  const names: string[] = [];
  for (let n = 1; names.length < count; n++) if (!taken.has(`Team ${n}`)) names.push(`Team ${n}`);
  return names;
}

/**
 * Random balanced teams: ceil(n / size) teams, so no team is larger than `size` and sizes differ
 * by at most one. Students are dealt round-robin from a seeded shuffle of the candidates in id
 * order; the seed is recorded in the history label, so the same seed and roster give the same teams.
 */
export function formRandomTeams(db: Db, opts: { size: number; seed?: number; reshuffle?: boolean }): Team[] {
  const seed = opts.seed ?? randomInt(0, 2 ** 31);
  const candidates = (
    db
      .prepare(
        opts.reshuffle
          ? "SELECT id FROM student WHERE status = 'enrolled' ORDER BY id"
          : `SELECT id FROM student WHERE status = 'enrolled'
             AND id NOT IN (SELECT student_id FROM team_member WHERE to_at IS NULL) ORDER BY id`,
      )
      .all() as { id: number }[]
  ).map((s) => s.id);
  if (candidates.length === 0) {
    throw new ApiError(
      'validation_failed',
      'Every enrolled student is already on a team. Tick "Reshuffle everyone" to form all teams again.',
    );
  }
  const order = shuffled(candidates, seededRandom(seed));
  const count = Math.ceil(order.length / opts.size);
  const now = new Date().toISOString();
  const ids = change(
    db,
    `Form ${plural(count, 'random team')} of up to ${opts.size} (seed ${seed})`,
    (cs) => {
      const teamIds = freeTeamNames(db, count).map((name) => cs.insert('team', { name, created_at: now }));
      order.forEach((studentId, i) => moveStudent(db, cs, studentId, teamIds[i % count]!, now));
      return teamIds;
    },
    { reason: `random seed ${seed}` },
  );
  return ids.map((id) => toTeam(requireTeamRow(db, id)));
}
