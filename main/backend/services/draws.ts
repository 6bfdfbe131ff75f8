import { randomBytes } from 'node:crypto';
import { ApiError } from '@shared/api/envelope';
import type { Draw, DrawCandidates, DrawSession, ExcludedTeam, Exclusion, ProjectorView, Verification } from '@shared/api/presentations';
import { countTurns, draw, DRAW_ALGORITHM, verifyDraw } from '@shared/draw';
import type { Row } from '../changes/tables';
import { change, type ChangeSet } from '../changes/tracker';
import type { Db } from '../db/open';
import { readCourseRow } from '../db/rows';
import { listReadings } from './readings';
import { isPresent, membersAt, requireSession, sessionLabel } from './presentation-sessions';
import { requireTeamRow } from './teams';
import { formatInstant } from '@shared/time/format';
import { plural } from '@shared/text/words';

interface DrawRow {
  id: number;
  session_id: number;
  session_date: string;
  week: number;
  drawn_at: string;
  seed: string;
  candidates_json: string;
  exclusions_json: string;
  result_json: string;
  teams_count: number;
  rule: Draw['rule'];
  algorithm: string;
  lift_reason: string | null;
  redraw_reason: string | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
}

function toDraw(r: DrawRow): Draw {
  const candidates = JSON.parse(r.candidates_json) as Draw['candidates'];
  const names = new Map(candidates.map((c) => [c.teamId, c.name]));
  const result = JSON.parse(r.result_json) as number[];
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionDate: r.session_date,
    week: r.week,
    drawnAt: r.drawn_at,
    seed: r.seed,
    algorithm: r.algorithm,
    teamsCount: r.teams_count,
    candidates,
    excluded: JSON.parse(r.exclusions_json) as ExcludedTeam[],
    rule: r.rule,
    liftReason: r.lift_reason,
    redrawReason: r.redraw_reason,
    teams: result.map((teamId) => ({ teamId, name: names.get(teamId) ?? `team ${teamId}` })),
    withdrawnAt: r.withdrawn_at,
    withdrawReason: r.withdraw_reason,
  };
}

const drawRows = (db: Db, sessionId?: number) =>
  db
    .prepare(
      `SELECT * FROM presentation_draw WHERE session_id IS NOT NULL ${sessionId === undefined ? '' : 'AND session_id = ?'} ORDER BY id`,
    )
    .all(...(sessionId === undefined ? [] : [sessionId])) as DrawRow[];

export function listDraws(db: Db, sessionId?: number): Draw[] {
  return drawRows(db, sessionId).map(toDraw);
}

export function requireDraw(db: Db, id: number): Draw {
  const row = db.prepare('SELECT * FROM presentation_draw WHERE id = ? AND session_id IS NOT NULL').get(id) as DrawRow | undefined;
  if (!row) throw new ApiError('not_found', `There is no draw with id ${id} in this course.`);
  return toDraw(row);
}

const teamNames = (teams: readonly { name: string }[]) => teams.map((t) => t.name).join(', ');

/**
 * Who can be drawn in a session: every team with a member marked present or late (any team
 * when the roll has not been taken), less the teams the instructor excuses. Turns count every
 * draw that stands, except those in `ignoring` (the draws a redraw replaces).
 */
function candidatesFor(db: Db, session: DrawSession, exclusions: readonly Exclusion[], ignoring: ReadonlySet<number>): DrawCandidates {
  const teams = db.prepare('SELECT id, name FROM team ORDER BY name, id').all() as { id: number; name: string }[];
  for (const e of exclusions) requireTeamRow(db, e.teamId);
  const draws = drawRows(db);
  const turns = countTurns(
    draws.map((d) => ({ teams: JSON.parse(d.result_json) as number[], withdrawn: d.withdrawn_at !== null || ignoring.has(d.id) })),
  );
  const members = membersAt(db, session);
  const excuses = new Map(exclusions.map((e) => [e.teamId, e.reason]));
  const eligible: DrawCandidates['eligible'] = [];
  const excluded: ExcludedTeam[] = [];
  for (const t of teams) {
    const onTeam = members.get(t.id) ?? [];
    const present = onTeam.filter(isPresent).length;
    const base = { teamId: t.id, name: t.name, turns: turns.get(t.id) ?? 0 };
    const excuse = excuses.get(t.id);
    if (onTeam.length === 0) excluded.push({ ...base, kind: 'absent', reason: `The team has no members on ${session.date}.` });
    else if (session.rollTaken && present === 0)
      excluded.push({ ...base, kind: 'absent', reason: 'Nobody on the team was marked present.' });
    else if (excuse !== undefined) excluded.push({ ...base, kind: 'excused', reason: excuse });
    else eligible.push({ ...base, membersPresent: present, members: onTeam.length });
  }
  const fewest = Math.min(...eligible.map((c) => c.turns));
  const earlierDraws = draws.filter((d) => d.session_id === session.id && d.withdrawn_at === null).map((d) => d.id);
  return {
    session,
    eligible,
    excluded,
    fewestTurns: eligible.filter((c) => c.turns === fewest).map((c) => c.teamId),
    earlierDraws,
    blocked: eligible.length > 0 ? null : whyNobody(session, teams.length, excluded),
  };
}

function whyNobody(session: DrawSession, teams: number, excluded: ExcludedTeam[]): string {
  const where = `in the session of ${sessionLabel(session)}`;
  if (teams === 0) return 'The course has no teams yet. Form teams in Roster, then draw.';
  if (session.rollTaken && session.presentCount === 0) {
    return `Nobody was marked present ${where}, so no team can be drawn. Take the roll in Attendance first.`;
  }
  const excused = excluded.filter((e) => e.kind === 'excused');
  const absent = excluded.length - excused.length;
  return `No team can be drawn ${where}: ${[
    absent > 0 && `${plural(absent, 'team has', 'teams have')} nobody present`,
    excused.length > 0 &&
      `${plural(excused.length, 'team is', 'teams are')} excused (${excused.map((e) => `${e.name}: ${e.reason}`).join('; ')})`,
  ]
    .filter(Boolean)
    .join(' and ')}. Take back an exclusion to draw.`;
}

export function drawCandidates(db: Db, sessionId: number, exclusions: readonly Exclusion[] = []): DrawCandidates {
  return candidatesFor(db, requireSession(db, sessionId), exclusions, new Set());
}

export interface DrawRequest {
  sessionId: number;
  teams: number;
  seed?: string;
  exclusions?: Exclusion[];
  liftRule?: string;
  redrawReason?: string;
}

/**
 * A checked draw, not yet written. A redraw withdraws the session's standing draws (their turns
 * stop counting before the new candidates are listed), in the same step so undo brings them back.
 */
interface PlannedDraw {
  req: DrawRequest;
  session: DrawSession;
  earlier: number[];
  row: Row;
  label: string;
}

function planDraw(db: Db, req: DrawRequest, now: string): PlannedDraw {
  const session = requireSession(db, req.sessionId);
  const { policy } = readCourseRow(db);
  const earlier = drawRows(db, session.id).filter((d) => d.withdrawn_at === null);
  if (earlier.length > 0 && !req.redrawReason) {
    const last = toDraw(earlier.at(-1)!);
    throw new ApiError(
      'conflict',
      `The session of ${sessionLabel(session)} already has a draw (${teamNames(last.teams)}, drawn ${formatInstant(last.drawnAt, policy.timeZone)}). ` +
        'A new draw is a redraw: give the reason for it. The earlier draw is then withdrawn and stays listed.',
    );
  }
  const found = candidatesFor(db, session, req.exclusions ?? [], new Set(earlier.map((d) => d.id)));
  if (found.blocked) throw new ApiError('validation_failed', found.blocked);
  if (req.teams > found.eligible.length) {
    throw new ApiError(
      'validation_failed',
      `Only ${plural(found.eligible.length, 'team')} can be drawn in the session of ${sessionLabel(session)} (${teamNames(found.eligible)}), ` +
        `not ${req.teams}. Draw fewer teams, or take back an exclusion.`,
    );
  }
  const seed = req.seed ?? randomBytes(8).toString('hex');
  const rule = req.liftRule ? 'lifted' : 'fewest-turns';
  const candidates = found.eligible.map(({ teamId, name, turns }) => ({ teamId, name, turns }));
  const result = draw({ seed, candidates, teamsCount: req.teams, rule });
  const names = new Map(candidates.map((c) => [c.teamId, c.name]));
  return {
    req,
    session,
    earlier: earlier.map((d) => d.id),
    label: `${earlier.length ? 'Redraw' : 'Draw'} ${result.map((t) => names.get(t)).join(', ')} for ${sessionLabel(session)}`,
    row: {
      session_id: session.id,
      session_date: session.date,
      week: session.week,
      drawn_at: now,
      seed,
      candidates_json: JSON.stringify(candidates),
      exclusions_json: JSON.stringify(found.excluded),
      allow_repeat: rule === 'lifted' ? 1 : 0,
      teams_count: req.teams,
      result_json: JSON.stringify(result),
      rule,
      algorithm: DRAW_ALGORITHM,
      lift_reason: req.liftRule ?? null,
      redraw_reason: req.redrawReason ?? null,
    },
  };
}

function writeDraw(cs: ChangeSet, plan: PlannedDraw): number {
  const withdrawn = { withdrawn_at: plan.row.drawn_at, withdraw_reason: `Redrawn: ${plan.req.redrawReason}` };
  for (const id of plan.earlier) cs.put('presentation_draw', { id }, withdrawn);
  return cs.insert('presentation_draw', plan.row);
}

/** Draws and records, as one undo step. */
export function runDraw(db: Db, req: DrawRequest, now = new Date().toISOString()): Draw {
  const plan = planDraw(db, req, now);
  const id = change(db, plan.label, (cs) => writeDraw(cs, plan), { reason: req.redrawReason ?? req.liftRule ?? null });
  return requireDraw(db, id);
}

/** A draw inside a larger change (the demo class): checked and written exactly as runDraw does. */
export const drawWithin = (cs: ChangeSet, db: Db, req: DrawRequest, now: string): number => writeDraw(cs, planDraw(db, req, now));

export function withdrawDraw(db: Db, id: number, reason: string, now = new Date().toISOString()): Draw {
  const d = requireDraw(db, id);
  if (d.withdrawnAt) {
    const { policy } = readCourseRow(db);
    throw new ApiError(
      'conflict',
      `The draw of ${teamNames(d.teams)} (week ${d.week}) was already withdrawn ${formatInstant(d.withdrawnAt, policy.timeZone)}.`,
    );
  }
  change(
    db,
    `Withdraw the draw of ${teamNames(d.teams)} (week ${d.week})`,
    (cs) => cs.put('presentation_draw', { id }, { withdrawn_at: now, withdraw_reason: reason }),
    {
      reason,
    },
  );
  return requireDraw(db, id);
}

export function verifyStoredDraw(d: Draw): Verification {
  const check = verifyDraw({
    algorithm: d.algorithm,
    seed: d.seed,
    candidates: d.candidates,
    teamsCount: d.teamsCount,
    rule: d.rule,
    result: d.teams.map((t) => t.teamId),
  });
  const names = new Map(d.candidates.map((c) => [c.teamId, c.name]));
  const named = (ids: number[]) => (ids.length ? ids.map((t) => names.get(t) ?? `team ${t}`).join(', ') : 'nothing');
  const what = `Draw ${d.id} (week ${d.week}, ${d.sessionDate})`;
  const message = check.ok
    ? `${what} verifies: seed "${d.seed}" and its ${plural(d.candidates.length, 'candidate')} give ${named(check.expected)}.`
    : `${what} does NOT verify: ${check.problem}. Stored: ${named(check.actual)}; recomputed: ${named(check.expected)}.`;
  return { drawId: d.id, ok: check.ok, expected: check.expected, actual: check.actual, message };
}

export const verifyAllDraws = (db: Db): { ok: boolean; results: Verification[] } => {
  const results = listDraws(db).map(verifyStoredDraw);
  return { ok: results.every((r) => r.ok), results };
};

/**
 * What the class sees: team names, members' names (those not in class marked absent) and each
 * team's readings: the ones its record names, else the session's and week's readings no other
 * team's record took. Nothing else is read out.
 */
export function projectorView(db: Db, id: number): ProjectorView {
  const d = requireDraw(db, id);
  if (d.withdrawnAt)
    throw new ApiError('conflict', `The draw of ${teamNames(d.teams)} (week ${d.week}) was withdrawn; show a draw that stands.`);
  const session = requireSession(db, d.sessionId);
  const members = membersAt(db, session);
  const readings = [
    ...listReadings(db, { sessionId: session.id }),
    ...listReadings(db, { week: d.week }).filter((r) => r.sessionId === null),
  ];
  const recorded = new Map(
    (db.prepare('SELECT team_id, readings_json FROM presentation WHERE session_id = ?').all(session.id) as Row[]).map((r) => [
      r.team_id as number,
      JSON.parse(String(r.readings_json)) as number[],
    ]),
  );
  const takenByOthers = (teamId: number) => new Set([...recorded].filter(([t]) => t !== teamId).flatMap(([, ids]) => ids));
  const readingsOf = (teamId: number) => {
    const own = recorded.get(teamId) ?? [];
    if (own.length) return readings.filter((r) => own.includes(r.id));
    const taken = takenByOthers(teamId);
    return readings.filter((r) => !taken.has(r.id));
  };
  return {
    week: d.week,
    teams: d.teams.map((t) => ({
      name: String(requireTeamRow(db, t.teamId).name),
      members: (members.get(t.teamId) ?? []).map((m) => ({ name: m.name, absent: m.mark === 'absent' || m.mark === 'excused' })),
      readings: readingsOf(t.teamId).map((r) => ({ title: r.title, authors: r.authors })),
    })),
  };
}
