import { z } from 'zod';
import { CategoryKind, Id, Policy } from '../model';
import { CourseSummary } from './course';
import { method } from './define';

export const CategoryDraft = z.object({
  /** Absent: a new category. Existing categories left out of the list are deleted (only when they have no items). */
  id: Id.optional(),
  name: z.string().trim().min(1).max(200),
  weight: z.number().min(0).max(100),
  dropLowest: z.number().int().min(0).max(50),
  dropHighest: z.number().int().min(0).max(50),
  equalWeightItems: z.boolean(),
  kind: CategoryKind,
});
export type CategoryDraft = z.infer<typeof CategoryDraft>;

const PolicyDraft = z.object({ policy: Policy, categories: z.array(CategoryDraft).min(1) }).strict();

export const policyMethods = {
  /**
   * Saves the course policy and categories together as one undoable step. A policy the engine
   * reports problems with (weights not totalling 100, bands out of order) is refused with
   * validation_failed and the list of problems.
   */
  'policy.save': method(PolicyDraft, CourseSummary, true),
  /**
   * What saving this policy would change, before it is saved: the students whose final letter
   * (as of now, after overrides) would differ. Refused like policy.save when the engine reports problems.
   */
  'policy.preview': method(
    PolicyDraft,
    z.object({
      students: z.number().int(),
      changed: z.array(z.object({ studentId: z.number().int(), name: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
    }),
  ),
};
