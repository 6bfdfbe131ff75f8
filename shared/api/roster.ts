import { z } from 'zod';
import { Id, Instant, Student, Team } from '../model';
import { method } from './define';

/** Editable fields of a student (the registrar ID must stay unique in the course). */
export const StudentFields = z.object({
  registrarId: z.string().trim().min(1, 'a registrar ID is required').max(64),
  firstName: z.string().trim().max(200),
  lastName: z.string().trim().max(200),
  preferredName: z.string().trim().max(200).nullable().optional(),
  email: z.string().trim().max(320).nullable().optional(),
  section: z.string().trim().max(64).nullable().optional(),
  extensionDays: z.number().min(0).max(365).optional(),
  accommodationNote: z.string().max(2000).nullable().optional(),
});
export type StudentFields = z.infer<typeof StudentFields>;

export const rosterMethods = {
  'student.add': method(StudentFields.strict(), Student, true),
  'student.update': method(z.object({ id: Id, patch: StudentFields.partial().strict() }).strict(), Student, true),
  /** Withdrawn students keep their history but leave statistics and exports. */
  'student.setWithdrawn': method(z.object({ id: Id, withdrawn: z.boolean() }).strict(), Student, true),
  'team.create': method(z.object({ name: z.string().trim().min(1).max(200) }).strict(), Team, true),
  'team.rename': method(z.object({ id: Id, name: z.string().trim().min(1).max(200) }).strict(), Team, true),
  /** Only a team with no graded work can be deleted; its memberships end. */
  'team.delete': method(z.object({ id: Id }).strict(), z.null(), true),
  /**
   * Moves a student to a team (null: no team) from `from` (default now). The current
   * membership ends then, so past team grades keep their members.
   */
  'team.assign': method(z.object({ studentId: Id, teamId: Id.nullable(), from: Instant.optional() }).strict(), z.null(), true),
  /** Random balanced teams of `size` over enrolled students without a team (or all, when `reshuffle`). */
  'team.formRandom': method(
    z.object({ size: z.number().int().min(1).max(50), seed: z.number().int().optional(), reshuffle: z.boolean().optional() }).strict(),
    z.array(Team),
    true,
  ),
};
