import { ApiError } from '@shared/api/envelope';
import type { Draw, Exclusion } from '@shared/api/presentations';
import { readCourseRow } from '../backend/db/rows';
import type { Course } from '../backend/services/course';
import { projectorView, requireDraw, runDraw, verifyAllDraws, verifyStoredDraw } from '../backend/services/draws';
import { findSession } from '../backend/services/presentation-sessions';
import { onCourse, type Flags } from './open';
import { formatInstant } from '@shared/time/format';
import { plural } from '@shared/text/words';

/**
 * `gradebook draw`: runs and records a draw the way the app does, or verifies stored draws
 * (a draw that does not verify fails the command).
 */

/** "--exclude Owls" or "--exclude 'Owls=away at a conference'": a team by name or id, and why. */
function exclusion(course: Course, spec: string): Exclusion {
  const eq = spec.indexOf('=');
  const who = (eq < 0 ? spec : spec.slice(0, eq)).trim();
  const reason = eq < 0 ? 'Excused by the instructor' : spec.slice(eq + 1).trim();
  const team = course.db.prepare('SELECT id FROM team WHERE name = ? OR CAST(id AS TEXT) = ?').get(who, who) as { id: number } | undefined;
  if (!team) throw new ApiError('not_found', `There is no team named "${who}" in this course.`);
  if (!reason) throw new ApiError('invalid_input', `--exclude "${spec}": give a reason after "=", or leave out "=".`);
  return { teamId: team.id, reason };
}

function describeDraw(course: Course, d: Draw): string {
  const { policy } = readCourseRow(course.db);
  const view = projectorView(course.db, d.id);
  return [
    `Draw ${d.id}, week ${d.week} (${d.sessionDate}), ${formatInstant(d.drawnAt, policy.timeZone)}, seed ${d.seed}:`,
    ...view.teams.map(
      (t, i) =>
        `  ${i + 1}. ${t.name}${t.members.length ? `: ${t.members.map((m) => `${m.name}${m.absent ? ' (absent)' : ''}`).join('; ')}` : ''}`,
    ),
    `Candidates (${d.rule === 'lifted' ? `fairness rule lifted: ${d.liftReason}` : 'fewest turns first'}): ${d.candidates.map((c) => `${c.name} (${plural(c.turns, 'turn')})`).join(', ')}`,
    ...d.excluded.map((e) => `  not a candidate: ${e.name}: ${e.reason}`),
  ].join('\n');
}

export async function drawCommand(args: string[], flags: Flags, out: (s: string) => void, usage: (why: string) => Error): Promise<void> {
  if (args[0] === 'verify') {
    const [, file, id] = args;
    if (!file || args.length > 3 || (id === undefined) === !flags.all) throw usage('name the course file, then a draw id or --all');
    const results = await onCourse(file, (course) =>
      id === undefined ? verifyAllDraws(course.db).results : [verifyStoredDraw(requireDraw(course.db, Number(id)))],
    );
    for (const r of results) out(r.message);
    if (results.length === 0) out('The course has no draws yet.');
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0)
      throw new ApiError('validation_failed', `${plural(failed, 'draw does', 'draws do')} not verify (of ${results.length}).`);
    return;
  }
  if (args.length !== 1) throw usage('name one course file');
  if (typeof flags.session !== 'string') throw usage('--session <date|id> is required');
  const teams = flags.teams === undefined ? 1 : Number(flags.teams);
  if (!Number.isInteger(teams) || teams < 1) throw usage(`--teams "${String(flags.teams)}" is not a number of teams (1 or more)`);
  const excludes = (flags.exclude as string[] | undefined) ?? [];
  await onCourse(args[0]!, (course) => {
    const d = runDraw(course.db, {
      sessionId: findSession(course.db, flags.session as string).id,
      teams,
      seed: flags.seed as string | undefined,
      exclusions: excludes.map((e) => exclusion(course, e)),
      liftRule: flags.lift as string | undefined,
      redrawReason: flags.redraw as string | undefined,
    });
    out(describeDraw(course, d));
  });
}
