/**
 * The Presentations review screen as rows to render: weeks x teams, each team's count and last
 * date, each student's count, who has not presented yet (marked in words, not only by colour),
 * the chart's data and every draw with its seed, candidates and verification.
 */
import type { Draw, Presentation, Review } from '../api/presentations';
import { fmtPoints } from '../grading/format';
import { formatDay, formatInstant } from '../time/format';
import { plural } from '../text/words';

/** "8/10", or "not graded" for a presentation recorded without a rubric grade. */
export function gradeText(score: number | null, pointsPossible: number): string {
  return score === null ? 'not graded' : `${fmtPoints(score)}/${fmtPoints(pointsPossible)}`;
}

export interface ReviewEntry {
  readonly presentationId: number;
  readonly date: string;
  readonly readings: string;
  readonly presenters: string;
  readonly grade: string;
}

export interface ReviewTeamRow {
  readonly teamId: number;
  readonly name: string;
  /** One list per column of `weeks` (a team may present in two sessions of a week). */
  readonly cells: readonly (readonly ReviewEntry[])[];
  readonly presented: number;
  readonly lastDate: string | null;
  readonly turns: number;
  readonly notPresented: boolean;
}

export interface ReviewStudentRow {
  readonly studentId: number;
  readonly name: string;
  readonly team: string;
  readonly presented: number;
  readonly notPresented: boolean;
}

export interface DrawRow {
  readonly id: number;
  readonly week: number;
  readonly session: string;
  readonly drawnAt: string;
  readonly seed: string;
  readonly algorithm: string;
  /** "Team A (0 turns), Team B (1 turn)", in the stored order. */
  readonly candidates: string;
  readonly excluded: string;
  readonly drawn: string;
  /** "Fairness rule applied", or that it was lifted and why. */
  readonly rule: string;
  readonly redrawReason: string | null;
  readonly withdrawn: string | null;
}

export interface ReviewDrawRow extends DrawRow {
  readonly verified: boolean;
  readonly verification: string;
}

export interface ReviewModel {
  /** Each week with its class days, e.g. ["Tue 8 Sep", "Thu 10 Sep"]. */
  readonly weeks: readonly { readonly week: number; readonly label: string; readonly dates: readonly string[] }[];
  readonly teams: readonly ReviewTeamRow[];
  readonly students: readonly ReviewStudentRow[];
  /** "Every team has presented." or which have not. */
  readonly teamSummary: string;
  readonly studentSummary: string;
  readonly chart: readonly { readonly name: string; readonly presented: number }[];
  readonly draws: readonly ReviewDrawRow[];
  readonly allVerified: boolean;
}

const turnsText = (n: number) => plural(n, 'turn');

/** Who has not presented, in one sentence that names them (up to `max`). */
function notYetSummary(total: number, missing: readonly string[], noun: string, nouns: string, max = 12): string {
  if (total === 0) return `No ${nouns} yet.`;
  if (missing.length === 0) return `Every ${noun} has presented.`;
  const shown = missing.slice(0, max).join(', ');
  const more = missing.length > max ? ` and ${missing.length - max} more` : '';
  const verb = missing.length === 1 ? 'has' : 'have';
  return `${missing.length} of ${plural(total, noun, nouns)} ${verb} not presented yet: ${shown}${more}.`;
}

/** A draw as the screens list it, every stored part in words. */
export function drawRow(d: Draw, timeZone: string): DrawRow {
  return {
    id: d.id,
    week: d.week,
    session: formatDay(d.sessionDate),
    drawnAt: formatInstant(d.drawnAt, timeZone),
    seed: d.seed,
    algorithm: d.algorithm,
    candidates: d.candidates.map((c) => `${c.name} (${turnsText(c.turns)})`).join(', ') || 'none',
    excluded: d.excluded.map((e) => `${e.name}: ${e.reason}`).join('; ') || 'none',
    drawn: d.teams.map((t) => t.name).join(', '),
    rule: d.rule === 'lifted' ? `Fairness rule lifted: ${d.liftReason ?? ''}` : 'Fairness rule applied (fewest turns first)',
    redrawReason: d.redrawReason,
    withdrawn: d.withdrawnAt
      ? `Withdrawn ${formatInstant(d.withdrawnAt, timeZone)}${d.withdrawReason ? `: ${d.withdrawReason}` : ''}`
      : null,
  };
}

export function reviewModel(review: Review, timeZone: string): ReviewModel {
  const weeks = [...review.weeks].sort((a, b) => a.week - b.week);
  const column = new Map(weeks.map((w, i) => [w.week, i]));
  const notTeams = new Set(review.teamsNotPresented);
  const notStudents = new Set(review.studentsNotPresented);
  const byTeam = new Map<number, ReviewEntry[][]>(review.teams.map((t) => [t.teamId, weeks.map(() => [])]));
  for (const c of [...review.cells].sort((a, b) => a.date.localeCompare(b.date))) {
    const i = column.get(c.week);
    const row = byTeam.get(c.teamId);
    if (i === undefined || !row) throw new Error(`Review cell of week ${c.week}, team ${c.teamId} has no row or column.`);
    row[i]!.push({
      presentationId: c.presentationId,
      date: formatDay(c.date),
      readings: c.readings.join('; ') || 'no reading named',
      presenters: c.presenters.join('; ') || 'nobody named',
      grade: gradeText(c.score, c.pointsPossible),
    });
  }
  const teams = review.teams.map((t) => ({
    teamId: t.teamId,
    name: t.name,
    cells: byTeam.get(t.teamId)!,
    presented: t.presented,
    lastDate: t.lastDate && formatDay(t.lastDate),
    turns: t.turns,
    notPresented: notTeams.has(t.teamId),
  }));
  const students = review.students.map((s) => ({
    studentId: s.studentId,
    name: s.name,
    team: s.teamName ?? 'no team',
    presented: s.presented,
    notPresented: notStudents.has(s.studentId),
  }));
  const draws = review.draws.map((d) => ({ ...drawRow(d, timeZone), verified: d.verification.ok, verification: d.verification.message }));
  return {
    weeks: weeks.map((w) => ({ week: w.week, label: `Week ${w.week}`, dates: w.sessions.map((x) => formatDay(x.date)) })),
    teams,
    students,
    teamSummary: notYetSummary(
      teams.length,
      teams.filter((t) => t.notPresented).map((t) => t.name),
      'team',
      'teams',
    ),
    studentSummary: notYetSummary(
      students.length,
      students.filter((s) => s.notPresented).map((s) => s.name),
      'student',
      'students',
    ),
    chart: teams.map((t) => ({ name: t.name, presented: t.presented })),
    draws,
    allVerified: draws.every((d) => d.verified),
  };
}

/**
 * The warning shown before a draw is withdrawn when presentations are recorded for it: the
 * records and their grades stay, so the instructor knows to delete them if they should go.
 */
export function recordedForDraw(
  draw: Pick<Draw, 'id' | 'teams'>,
  presentations: readonly Pick<Presentation, 'drawId' | 'teamId' | 'teamName'>[],
): string | null {
  const drawn = new Set(draw.teams.map((t) => t.teamId));
  const names = presentations.filter((p) => p.drawId === draw.id || (p.drawId === null && drawn.has(p.teamId))).map((p) => p.teamName);
  if (names.length === 0) return null;
  const whose = names.length === 1 ? `The presentation of ${names[0]} is` : `The presentations of ${names.join(', ')} are`;
  return `${whose} recorded for this draw. Withdrawing the draw keeps ${names.length === 1 ? 'the record and its grade' : 'the records and their grades'}; delete ${names.length === 1 ? 'it' : 'them'} under Records if ${names.length === 1 ? 'it' : 'they'} should go too.`;
}
