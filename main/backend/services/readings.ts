import { ApiError } from '@shared/api/envelope';
import type { ImportProblem } from '@shared/api/excel';
import type { Reading, ReadingFields, ReadingsAdded } from '@shared/api/presentations';
import type { Row } from '../changes/tables';
import { change, type ChangeSet } from '../changes/tracker';
import type { Db } from '../db/open';
import { patchColumns } from '../db/rows';
import { describeProblem } from '../excel/problems';
import { requireSession } from './presentation-sessions';
import { isLink } from '@shared/screens/presentationForm';
import { plural } from '@shared/text/words';

const toReading = (r: Row): Reading => ({
  id: r.id as number,
  week: r.week as number | null,
  sessionId: r.session_id as number | null,
  title: r.title as string,
  authors: r.authors as string | null,
  link: r.link as string | null,
  chapter: r.chapter as number | null,
  position: r.position as number,
});

const readingColumns = (f: Partial<ReadingFields>): Row =>
  patchColumns(f, { week: 'week', sessionId: 'session_id', title: 'title', authors: 'authors', link: 'link', chapter: 'chapter' });

/** Readings by week (unscheduled last) then position; filtered to a week and/or a session. */
export function listReadings(db: Db, filter: { week?: number; sessionId?: number } = {}): Reading[] {
  const rows = db
    .prepare(
      `SELECT * FROM reading WHERE (@week IS NULL OR week = @week) AND (@session IS NULL OR session_id = @session)
       ORDER BY week IS NULL, week, position, id`,
    )
    .all({ week: filter.week ?? null, session: filter.sessionId ?? null }) as Row[];
  return rows.map(toReading);
}

export function requireReading(db: Db, id: number): Reading {
  const row = db.prepare('SELECT * FROM reading WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no reading with id ${id} in this course.`);
  return toReading(row);
}

/** A reading of a session is of that session's week unless it says otherwise. */
function scheduled(db: Db, fields: Partial<ReadingFields>): Partial<ReadingFields> {
  if (fields.sessionId == null) return fields;
  const session = requireSession(db, fields.sessionId);
  return { ...fields, week: fields.week ?? session.week };
}

const nextPosition = (db: Db) => (db.prepare('SELECT coalesce(max(position), 0) + 1 AS p FROM reading').get() as { p: number }).p;

function insertReadings(cs: ChangeSet, db: Db, drafts: readonly ReadingFields[]): number[] {
  const start = nextPosition(db);
  const at = new Date().toISOString();
  return drafts.map((d, i) => cs.insert('reading', { ...readingColumns(d), position: start + i, created_at: at }));
}

export function addReading(db: Db, fields: ReadingFields): Reading {
  const draft = scheduled(db, fields) as ReadingFields;
  const [id] = change(db, `Add reading ${draft.title}`, (cs) => insertReadings(cs, db, [draft]));
  return requireReading(db, id!);
}

export function updateReading(db: Db, id: number, patch: Partial<ReadingFields>): Reading {
  const current = requireReading(db, id);
  change(db, `Edit reading ${current.title}`, (cs) => cs.put('reading', { id }, readingColumns(scheduled(db, patch))));
  return requireReading(db, id);
}

/** Refused while a recorded presentation names the reading, so the record keeps what was presented. */
export function deleteReading(db: Db, id: number): void {
  const reading = requireReading(db, id);
  const used = db.prepare('SELECT count(*) AS n FROM presentation p, json_each(p.readings_json) j WHERE j.value = ?').get(id) as {
    n: number;
  };
  if (used.n > 0) {
    throw new ApiError(
      'conflict',
      `"${reading.title}" was presented (${plural(used.n, 'recorded presentation')}) and cannot be deleted. Edit the presentation first, or keep the reading.`,
    );
  }
  change(db, `Delete reading ${reading.title}`, (cs) => cs.put('reading', { id }, null));
}

/** Where pasted or imported readings go when a row does not say. */
export interface ReadingTarget {
  week?: number | null;
  sessionId?: number | null;
  chapter?: number | null;
  dryRun?: boolean;
}

/**
 * Adds checked drafts through `write` (one undo step), or only previews them (dryRun). Any
 * error refuses the whole list: nothing is added and the message names the first problems.
 */
export function addReadings(
  db: Db,
  drafts: readonly ReadingFields[],
  problems: ImportProblem[],
  target: ReadingTarget,
  write: (insert: (cs: ChangeSet) => void) => void,
): ReadingsAdded {
  const base = { week: target.week ?? null, sessionId: target.sessionId ?? null, chapter: target.chapter ?? null };
  const placed = drafts.map((d) => scheduled(db, { ...base, ...withoutNulls(d) }) as ReadingFields);
  if (drafts.length === 0 && problems.length === 0) {
    problems.push({
      severity: 'error',
      sheet: null,
      row: null,
      column: null,
      message: 'There is no reading in it: give one title per line.',
    });
  }
  if (target.dryRun) {
    const readings = placed.map((d, i) => ({
      id: -1 - i,
      week: d.week ?? null,
      sessionId: d.sessionId ?? null,
      title: d.title,
      authors: d.authors ?? null,
      link: d.link ?? null,
      chapter: d.chapter ?? null,
      position: i + 1,
    }));
    return { readings, problems, applied: false };
  }
  const refused = problems.filter((p) => p.severity === 'error');
  if (refused.length > 0) {
    const first = refused.slice(0, 3).map(describeProblem).join(' ');
    const more = refused.length > 3 ? ` …and ${refused.length - 3} more.` : '';
    throw new ApiError('validation_failed', `${plural(refused.length, 'problem')}; no reading was added. ${first}${more}`, { problems });
  }
  let ids: number[] = [];
  write((cs) => {
    ids = insertReadings(cs, db, placed);
  });
  return { readings: ids.map((id) => requireReading(db, id)), problems, applied: true };
}

/** The fields a row sets: its blanks leave the target's week, session and chapter. */
const withoutNulls = (d: ReadingFields): Partial<ReadingFields> =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null && v !== undefined)) as Partial<ReadingFields>;

/** A URL, a "doi:" reference or a bare DOI (10.1234/...). */

/**
 * Pasted lines: a title, then optionally (tab- or " - "-separated) a link or DOI; with tabs, a
 * middle column holds the authors. Blank lines are skipped.
 */
export function parseReadingLines(text: string): { drafts: ReadingFields[]; problems: ImportProblem[] } {
  const drafts: ReadingFields[] = [];
  const problems: ImportProblem[] = [];
  const problem = (line: number, message: string) =>
    problems.push({ severity: 'error', sheet: null, row: null, column: null, message: `Line ${line}: ${message}` });
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let parts = line.includes('\t') ? line.split('\t').map((p) => p.trim()) : [line];
    if (parts.length === 1) {
      const dash = /^(.*\S)\s+[-–—]\s+(\S+)$/.exec(line);
      if (dash && isLink(dash[2]!)) parts = [dash[1]!, dash[2]!];
    }
    const [title = '', ...rest] = parts;
    const link = rest.length > 0 ? rest.at(-1)! : '';
    const authors = rest.length > 1 ? rest.slice(0, -1).join(', ') : '';
    if (!title || isLink(title)) return problem(i + 1, `"${line.slice(0, 60)}" has no title; put the title first, then the link.`);
    if (title.length > 500) return problem(i + 1, 'the title is longer than 500 characters.');
    if (link && !isLink(link)) return problem(i + 1, `"${link.slice(0, 60)}" is not a link or DOI (https://… or 10.1234/…).`);
    drafts.push({ title, authors: authors || null, link: link || null });
  });
  return { drafts, problems };
}

export function pasteReadings(db: Db, text: string, target: ReadingTarget): ReadingsAdded {
  const { drafts, problems } = parseReadingLines(text);
  return addReadings(db, drafts, problems, target, (insert) => change(db, `Paste ${plural(drafts.length, 'reading')}`, insert));
}
