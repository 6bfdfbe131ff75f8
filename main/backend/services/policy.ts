import type { CategoryDraft } from '@shared/api/policy';
import { ApiError } from '@shared/api/envelope';
import { computeCourse, fmtPoints, validatePolicy } from '@shared/grading';
import { studentName, type Category, type Policy } from '@shared/model';
import { plural } from '@shared/text/words';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { readSnapshot } from './course';
import { fromCategory, readCourseRow } from '../db/rows';

/**
 * Refuses drafts that would orphan or misfile items: an unknown category id, a category with
 * items left out of the list (deleted), or one with items turned into an attendance category.
 */
function checkCategories(db: Db, drafts: CategoryDraft[]): void {
  const existing = db
    .prepare('SELECT c.id, c.name, (SELECT count(*) FROM item i WHERE i.category_id = c.id) AS items FROM category c')
    .all() as {
    id: number;
    name: string;
    items: number;
  }[];
  const byId = new Map(existing.map((c) => [c.id, c]));
  const kept = new Set<number>();
  for (const d of drafts) {
    if (d.id === undefined) continue;
    const current = byId.get(d.id);
    if (!current)
      throw new ApiError('not_found', `There is no category with id ${d.id} in this course. Reload the settings and try again.`);
    if (kept.has(d.id)) throw new ApiError('validation_failed', `"${d.name}" appears twice in the list of categories.`);
    kept.add(d.id);
    if (d.kind === 'attendance' && current.items > 0) {
      throw new ApiError(
        'validation_failed',
        `"${current.name}" holds ${plural(current.items, 'item')} and cannot become an attendance category; move its items first.`,
      );
    }
  }
  for (const c of existing) {
    if (!kept.has(c.id) && c.items > 0) {
      throw new ApiError(
        'conflict',
        `"${c.name}" still holds ${plural(c.items, 'item')} and cannot be removed. Move its items to another category or delete them first.`,
      );
    }
  }
  const names = drafts.map((d) => d.name.toLowerCase());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new ApiError('validation_failed', `Two categories are named "${dup}"; give each category its own name.`);
}

/** Drafts as categories; new ones have no id yet, and the engine only needs distinct ones. */
const draftCategories = (drafts: CategoryDraft[]): Category[] =>
  drafts.map((d, position) => ({ ...d, id: d.id ?? -1 - position, position }));

/** The engine's findings, with the weights problem worded as the settings screen shows it. */
function policyProblems(policy: Policy, drafts: CategoryDraft[]): { message: string; problems: string[] } | null {
  const problems = validatePolicy(policy, draftCategories(drafts));
  if (problems.length === 0) return null;
  const weightsOff = problems.some((p) => p.code === 'weights_total');
  const total = drafts.reduce((s, d) => s + d.weight, 0);
  const weights = `Category weights total ${fmtPoints(total)}%; they must total 100%.`;
  const others = problems.filter((p) => p.code !== 'weights_total').map((p) => p.message);
  const message = [weightsOff ? weights : 'The policy was not saved:', ...others].join(' ');
  // The weights problem is in the message in the settings screen's words; list it only once.
  return { message, problems: weightsOff ? [weights, ...others] : others };
}

/** Saves the policy and the category list together, as one undo step. Nothing changes when refused. */
export function savePolicy(db: Db, policy: Policy, drafts: CategoryDraft[]): void {
  checkCategories(db, drafts);
  const refused = policyProblems(policy, drafts);
  if (refused) throw new ApiError('validation_failed', refused.message, refused.problems);
  // Presentation grading has its own settings screen: a policy saved without it keeps the course's.
  const presentations = policy.presentations ?? readCourseRow(db).policy.presentations;
  change(db, 'Save grading policy', (cs) => {
    cs.put('course', { id: 1 }, { policy_json: JSON.stringify({ ...policy, presentations }) });
    const kept = new Set(drafts.flatMap((d) => (d.id === undefined ? [] : [d.id])));
    for (const { id } of db.prepare('SELECT id FROM category').all() as { id: number }[]) {
      if (!kept.has(id)) cs.put('category', { id }, null);
    }
    drafts.forEach((d, position) => {
      const row = fromCategory({ ...d, position });
      if (d.id === undefined) cs.insert('category', row);
      else cs.put('category', { id: d.id }, row);
    });
  });
}

/**
 * What saving would change: every enrolled student whose final letter (after overrides, as of
 * now) differs under the draft. Checked like savePolicy; nothing is written.
 */
export function previewPolicy(db: Db, policy: Policy, drafts: CategoryDraft[]) {
  checkCategories(db, drafts);
  const refused = policyProblems(policy, drafts);
  if (refused) throw new ApiError('validation_failed', refused.message, refused.problems);
  const snapshot = readSnapshot(db);
  const asOf = new Date().toISOString();
  const before = computeCourse(snapshot, { asOf }).students;
  const after = computeCourse({ ...snapshot, policy, categories: draftCategories(drafts) }, { asOf }).students;
  const changed = snapshot.students.flatMap((s, i) =>
    s.status === 'enrolled' && before[i]!.letter !== after[i]!.letter
      ? [{ studentId: s.id, name: studentName(s), from: before[i]!.letter, to: after[i]!.letter }]
      : [],
  );
  return { students: snapshot.students.filter((s) => s.status === 'enrolled').length, changed };
}
