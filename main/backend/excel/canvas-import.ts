import type { CanvasImportInput, CanvasReport } from '@shared/api/excel';
import { legalName } from '@shared/model';
import { toStudent } from '../db/rows';
import type { Course } from '../services/course';
import { IDLE, ROWS_PER_STEP, type Steps } from '../jobs/steps';
import { commitImport, courseVersion, importOutcome, type ImportFile } from './apply';
import { guessCategory, groupNames, nameKey } from './canvas-match';
import { normalizeHeader, splitName } from './detect';
import { fileError, Problems, refuseIfErrors } from './problems';
import { readSpreadsheetOffThread } from './read';
import { checkScoreRange, existingScores, readScoreCell, scorePatch } from './score-cells';
import { cellNumber, cellText } from './sheet';
import { plural } from '@shared/text/words';

export type CanvasOptions = Omit<CanvasImportInput, 'file'>;

const ASSIGNMENT = /^(.*\S)\s*\((\d+)\)$/;
const TEST_STUDENT = /^(student, test|test student)$/i;

interface StudentRow {
  id: number;
  registrar_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  section: string | null;
}

/**
 * Imports a Canvas gradebook CSV export (CLI: `gradebook import canvas`): the roster plus the
 * scores. Students are matched by SIS User ID, then SIS login (against email); a row matched by
 * its name only is uncertain and needs the instructor's decision (see canvas-match.ts).
 * Assignments ("Title (id)") match by their Canvas id, then name, or are created, each in the
 * category chosen for it or guessed from its title. Total columns and the Test Student are
 * skipped; EX is excused, N/A (not assigned) and blanks leave scores alone.
 */
export async function importCanvas(course: Course, file: ImportFile, opts: CanvasOptions = {}, work: Steps = IDLE): Promise<CanvasReport> {
  await work.step(0, 'Reading the file');
  const book = await readSpreadsheetOffThread(file, work);
  await work.step(0.3, 'Checking rows');
  const sheet = book.sheets[0]!;
  const headerRow = sheet.rows.findIndex((r, i) => i < 10 && normalizeHeader(r[0]) === 'student');
  if (headerRow < 0) throw fileError(`'${file.name}' is not a Canvas gradebook export: its first column should be headed 'Student'.`);
  const header = (sheet.rows[headerRow] ?? []).map((h) => cellText(h));
  const col = (name: string) => header.findIndex((h) => normalizeHeader(h) === name);
  const c = { name: 0, canvasId: col('id'), sis: col('sis user id'), login: col('sis login id'), section: col('section') };
  const problems = new Problems();
  const assignments = header
    .map((h, column) => ({ column, m: ASSIGNMENT.exec(h) }))
    .filter((a): a is { column: number; m: RegExpExecArray } => a.m !== null)
    .map((a) => ({ column: a.column, name: a.m[1]!, canvasId: a.m[2]!, points: NaN }));

  let firstStudentRow = headerRow + 1;
  for (let r = headerRow + 1; r < Math.min(sheet.rows.length, headerRow + 4); r++) {
    const cells = sheet.rows[r] ?? [];
    const first = cellText(cells[0]);
    if (/^points possible$/i.test(first)) {
      for (const a of assignments) a.points = cellNumber(cells[a.column], book.decimalComma) ?? NaN;
      firstStudentRow = r + 1;
    } else if (first === '' && cells.some((x) => /^(manual posting|muted)$/i.test(cellText(x)))) firstStudentRow = r + 1;
  }

  const readAt = courseVersion(course);
  const items = course.db.prepare('SELECT id, name, points_possible, external_id, category_id FROM item WHERE team_graded = 0').all() as {
    id: number;
    name: string;
    points_possible: number;
    external_id: string | null;
    category_id: number;
  }[];
  const itemCategories = course.db.prepare("SELECT id, name FROM category WHERE kind = 'items' ORDER BY position, id").all() as {
    id: number;
    name: string;
  }[];
  const known = (id: number) => itemCategories.some((k) => k.id === id);
  for (const id of [opts.categoryId, ...(opts.categories ?? []).map((k) => k.categoryId)]) {
    if (id !== undefined && !known(id))
      problems.error(null, null, null, `Category ${id} does not exist or does not hold items. Choose another.`);
  }
  const groups = groupNames(header);
  const categoryFor = (a: { name: string; canvasId: string }): number | undefined =>
    opts.categories?.find((k) => k.canvasId === a.canvasId)?.categoryId ??
    opts.categoryId ??
    guessCategory(a.name, itemCategories, groups) ??
    itemCategories[0]?.id;
  const itemPlan = assignments.map((a) => {
    const categoryId = categoryFor(a);
    const item = items.find((i) => i.external_id === a.canvasId) ?? items.find((i) => i.name.trim().toLowerCase() === a.name.toLowerCase());
    if (!item && !(Number.isFinite(a.points) && a.points >= 0))
      problems.error(
        sheet.name,
        headerRow,
        a.column,
        `'${a.name}' has no points possible (the 'Points Possible' row is missing or not a number).`,
      );
    if (!item && categoryId === undefined)
      problems.error(sheet.name, headerRow, a.column, 'The course has no category for items to put new assignments in.');
    return { ...a, item, possible: item?.points_possible ?? a.points, categoryId: item?.category_id ?? categoryId ?? null };
  });
  if (assignments.length === 0)
    problems.warning(sheet.name, headerRow, null, 'No assignment columns ("Title (id)") were found; only the roster is imported.');

  const roster = course.db.prepare('SELECT id, registrar_id, first_name, last_name, email, section FROM student').all() as StudentRow[];
  const bySis = new Map(roster.map((s) => [s.registrar_id, s]));
  const byLogin = new Map<string, StudentRow>();
  for (const s of roster) {
    if (!s.email) continue;
    byLogin.set(s.email.toLowerCase(), s);
    byLogin.set(s.email.toLowerCase().split('@')[0]!, s);
  }
  const byName = new Map<string, StudentRow | null>();
  for (const s of roster) {
    const k = nameKey(`${s.last_name}, ${s.first_name}`);
    byName.set(k, byName.has(k) ? null : s); // ambiguous names do not match
  }
  const decisions = new Map((opts.decisions ?? []).map((d) => [d.row, d.studentId]));
  const scores = existingScores(course.db);

  const report: CanvasReport = {
    ...importOutcome(book, problems),
    students: { new: 0, updated: 0, unchanged: 0, skipped: [] },
    items: itemPlan.map((a) => ({
      canvasId: a.canvasId,
      name: a.name,
      pointsPossible: Number.isFinite(a.possible) ? a.possible : null,
      itemId: a.item?.id ?? null,
      action: a.item ? 'matched' : 'create',
      categoryId: a.categoryId,
    })),
    uncertain: [],
    scores: { set: 0, unchanged: 0, statuses: 0, notAssigned: 0 },
  };
  type Plan = {
    existing: StudentRow | null;
    draft: Omit<StudentRow, 'id'>;
    scores: { assignment: number; value: number | null; status: string | null }[];
  };
  const plans: Plan[] = [];
  const seen = new Map<string, number>();
  for (let r = firstStudentRow; r < sheet.rows.length; r++) {
    if (r % ROWS_PER_STEP === 0) await work.step(0.3 + (0.6 * r) / sheet.rows.length, 'Checking rows');
    const cells = sheet.rows[r] ?? [];
    const name = cellText(cells[c.name]);
    if (cells.every((x) => cellText(x) === '')) continue;
    if (TEST_STUDENT.test(name)) {
      report.students.skipped.push(name);
      continue;
    }
    const sis = c.sis >= 0 ? cellText(cells[c.sis]) : '';
    const login = c.login >= 0 ? cellText(cells[c.login]) : '';
    const canvasId = c.canvasId >= 0 ? cellText(cells[c.canvasId]) : '';
    const key = sis || `canvas-${canvasId}`;
    if (!sis && !canvasId) {
      problems.error(sheet.name, r, c.name, `${name || 'This student'} has neither an SIS User ID nor a Canvas ID.`);
      continue;
    }
    if (seen.has(key))
      problems.error(sheet.name, r, c.sis >= 0 ? c.sis : c.canvasId, `Student ${key} appears twice (also on row ${seen.get(key)! + 1}).`);
    seen.set(key, r);
    const { firstName, lastName } = splitName(name);
    const certain = (sis ? bySis.get(sis) : undefined) ?? (login ? byLogin.get(login.toLowerCase()) : undefined) ?? bySis.get(key);
    const alike = certain || sis ? undefined : byName.get(nameKey(name));
    let existing = certain ?? null;
    if (alike) {
      const decided = decisions.get(r + 1);
      report.uncertain.push({
        row: r + 1,
        name,
        login,
        studentId: alike.id,
        studentName: legalName(toStudent(alike)),
        registrarId: alike.registrar_id,
        email: alike.email,
        decision: decided === undefined ? null : decided === null ? 'create' : 'match',
      });
      if (decided === undefined)
        problems.error(
          sheet.name,
          r,
          c.name,
          `${name} has no SIS User ID and may be ${alike.first_name} ${alike.last_name} (${alike.registrar_id}). Confirm that it is, or add a new student.`,
        );
      else if (decided !== null && decided !== alike.id)
        problems.error(
          sheet.name,
          r,
          c.name,
          `Row ${r + 1} can be matched to ${alike.registrar_id} or added as a new student, nothing else.`,
        );
      else if (decided === alike.id) existing = alike;
    }
    // Canvas sections are course-section names; a registrar section already on file wins.
    const section = c.section >= 0 ? cellText(cells[c.section]) || null : null;
    const draft = {
      registrar_id: existing?.registrar_id ?? key,
      first_name: firstName,
      last_name: lastName,
      email: existing?.email ?? (login.includes('@') ? login : null),
      section: existing?.section ?? section,
    };
    // A row still waiting for the instructor's answer is counted once it has one.
    if (alike === undefined || decisions.has(r + 1)) {
      if (!existing) report.students.new++;
      else if (existing.section !== draft.section) report.students.updated++;
      else report.students.unchanged++;
    }
    const plan: Plan = { existing, draft, scores: [] };
    itemPlan.forEach((a, index) => {
      const cell = readScoreCell(cells[a.column], book.decimalComma);
      if (cell.kind === 'not-assigned') return void report.scores.notAssigned++;
      if (cell.kind === 'invalid')
        return problems.error(sheet.name, r, a.column, `'${cell.text}' is not a score. Canvas writes numbers, EX or N/A here.`);
      const outOfRange = cell.kind === 'value' ? checkScoreRange(cell.value, a.possible, a.name) : null;
      if (outOfRange) return problems.error(sheet.name, r, a.column, outOfRange);
      const old = existing && a.item ? scores.get(`${existing.id}:${a.item.id}`) : undefined;
      const patch = scorePatch(cell, old, false);
      if (!patch) {
        if (cell.kind !== 'blank') report.scores.unchanged++;
        return;
      }
      if (patch.status) report.scores.statuses++;
      else report.scores.set++;
      plan.scores.push({ assignment: index, ...patch });
    });
    plans.push(plan);
  }
  if (plans.length === 0 && report.students.skipped.length === 0)
    problems.error(sheet.name, firstStudentRow, null, 'There are no students in the file.');
  report.problems = problems.list;
  if (opts.dryRun) return report;
  refuseIfErrors(problems);
  await work.step(0.9, 'Writing');
  report.backup = commitImport(course, readAt, `Import Canvas gradebook (${plural(plans.length, 'student')})`, file, (cs, now) => {
    let position = (course.db.prepare('SELECT coalesce(max(position), 0) AS p FROM item').get() as { p: number }).p;
    const itemIds = itemPlan.map((a) => {
      if (a.item) {
        if (a.item.external_id !== a.canvasId) cs.put('item', { id: a.item.id }, { external_id: a.canvasId });
        return a.item.id;
      }
      return cs.insert('item', {
        category_id: a.categoryId,
        name: a.name,
        points_possible: a.possible,
        external_id: a.canvasId,
        position: ++position,
        created_at: now,
      });
    });
    for (const p of plans) {
      const studentId = p.existing
        ? (cs.put('student', { id: p.existing.id }, { section: p.draft.section }), p.existing.id)
        : cs.insert('student', { ...p.draft, status: 'enrolled', extension_days: 0, created_at: now });
      for (const s of p.scores)
        cs.put('score', { student_id: studentId, item_id: itemIds[s.assignment]! }, { value: s.value, status: s.status, updated_at: now });
    }
  });
  report.applied = true;
  return report;
}
