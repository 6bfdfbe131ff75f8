import type { CellEdit, CellPatch } from '@shared/api/scores';
import { ApiError, type ErrorCode } from '@shared/api/envelope';
import { legalName, type Score, type TeamScore } from '@shared/model';
import { plural } from '@shared/text/words';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { patchColumns, toScore, toStudent, toTeamScore } from '../db/rows';
import type { Row } from '../changes/tables';

/** The columns a cell patch sets; fields absent from the patch are left out so they keep their value. */
function cellColumns(patch: CellPatch): Row {
  const { integrity, adjustment, ...cell } = patch;
  const row = patchColumns(cell, {
    value: 'value',
    status: 'status',
    submittedAt: 'submitted_at',
    daysLate: 'days_late',
    extensionDays: 'extension_days',
    waiverReason: 'waiver_reason',
    comment: 'comment',
  });
  if (integrity !== undefined) {
    row.integrity_date = integrity?.date ?? null;
    row.integrity_note = integrity?.note ?? null;
  }
  if (adjustment !== undefined) {
    row.adjust_mode = adjustment?.mode ?? null;
    row.adjust_value = adjustment?.value ?? null;
  }
  return row;
}

interface Lookup {
  students: Map<number, string>;
  teams: Map<number, string>;
  items: Map<number, { name: string; teamGraded: boolean }>;
}

function lookup(db: Db): Lookup {
  const students = db.prepare('SELECT id, first_name, last_name, registrar_id FROM student').all() as Row[];
  const teams = db.prepare('SELECT id, name FROM team').all() as { id: number; name: string }[];
  const items = db.prepare('SELECT id, name, team_graded FROM item').all() as { id: number; name: string; team_graded: number }[];
  return {
    students: new Map(students.map((s) => [s.id as number, legalName(toStudent(s))])),
    teams: new Map(teams.map((t) => [t.id, t.name])),
    items: new Map(items.map((i) => [i.id, { name: i.name, teamGraded: i.team_graded === 1 }])),
  };
}

interface Problem {
  code: ErrorCode;
  message: string;
}

/** Why this edit cannot be saved, in the instructor's words; null when it can. */
function checkEdit(edit: CellEdit, at: Lookup): Problem | null {
  const item = at.items.get(edit.itemId);
  const isTeam = 'teamId' in edit;
  const who = isTeam ? at.teams.get(edit.teamId) : at.students.get(edit.studentId);
  if (!who) {
    const id = isTeam ? edit.teamId : edit.studentId;
    return { code: 'not_found', message: `There is no ${isTeam ? 'team' : 'student'} with id ${id} in this course.` };
  }
  if (!item) return { code: 'not_found', message: `${who}: there is no item with id ${edit.itemId} in this course.` };
  const cell = `${who} · ${item.name}`;
  if (isTeam && !item.teamGraded) {
    return { code: 'validation_failed', message: `${cell}: ${item.name} is not team-graded; enter a score for each student.` };
  }
  if (!isTeam && item.teamGraded && edit.patch.value != null) {
    return {
      code: 'validation_failed',
      message: `${cell}: ${item.name} is graded per team. Enter the score in the team's row, or give ${who} an individual adjustment (replace the team score or add/subtract points).`,
    };
  }
  if (!isTeam && !item.teamGraded && edit.patch.adjustment) {
    return { code: 'validation_failed', message: `${cell}: adjustments apply only to team-graded items; enter the score itself.` };
  }
  return null;
}

const cellSubject = (edit: CellEdit, at: Lookup) =>
  `${'teamId' in edit ? at.teams.get(edit.teamId) : at.students.get(edit.studentId)} · ${at.items.get(edit.itemId)?.name}`;

export interface AppliedCells {
  scores: Score[];
  teamScores: TeamScore[];
}

/**
 * Saves cell edits as one transaction and one undo step (a whole paste is one call). Every cell
 * is checked first; if any cannot be saved, nothing is and the error names the first such cell.
 * A student's cell on a team-graded item carries only the member's adjustment and notes: its
 * score comes from the team's cell, so a plain value there is refused rather than silently ignored.
 */
export function applyEdits(db: Db, edits: CellEdit[], opts: { label?: string; reason?: string } = {}): AppliedCells {
  const at = lookup(db);
  const problems = edits.flatMap((edit, i) => {
    const p = checkEdit(edit, at);
    return p ? [{ ...p, cell: i }] : [];
  });
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (${plural(problems.length - 1, 'more cell has', 'more cells have')} problems too.)` : '';
    throw new ApiError(first.code, `${first.message} Nothing was saved.${more}`, problems.slice(0, 50));
  }
  const now = new Date().toISOString();
  const label = opts.label ?? (edits.length === 1 ? `Edit ${cellSubject(edits[0]!, at)}` : `Edit ${edits.length} cells`);
  change(
    db,
    label,
    (cs) => {
      for (const edit of edits) {
        const columns = { ...cellColumns(edit.patch), updated_at: now };
        if ('teamId' in edit) cs.put('team_score', { team_id: edit.teamId, item_id: edit.itemId }, columns);
        else cs.put('score', { student_id: edit.studentId, item_id: edit.itemId }, columns);
      }
    },
    { reason: opts.reason ?? null },
  );
  return readCells(db, edits);
}

function readCells(db: Db, edits: CellEdit[]): AppliedCells {
  const score = db.prepare('SELECT * FROM score WHERE student_id = ? AND item_id = ?');
  const teamScore = db.prepare('SELECT * FROM team_score WHERE team_id = ? AND item_id = ?');
  const seen = new Set<string>();
  const out: AppliedCells = { scores: [], teamScores: [] };
  for (const edit of edits) {
    const isTeam = 'teamId' in edit;
    const owner = isTeam ? edit.teamId : edit.studentId;
    const key = `${isTeam ? 't' : 's'}${owner}:${edit.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = (isTeam ? teamScore : score).get(owner, edit.itemId) as Row | undefined;
    if (!row) continue;
    if (isTeam) out.teamScores.push(toTeamScore(row));
    else out.scores.push(toScore(row));
  }
  return out;
}
