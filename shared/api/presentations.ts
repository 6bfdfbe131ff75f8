/**
 * CONTRACT READY — reading presentations: the reading list, the fair seeded team draw, the
 * record of each presentation (graded on the course's rubric) and the end-of-term review.
 * Kept stable once committed; methods may be added.
 *
 * Weeks are numbered from the calendar week (Monday to Sunday) of the course's first class
 * session: that session's week is week 1.
 */
import { z } from 'zod';
import { Id, Instant, LocalDate, PresentationPolicy } from '../model';
import { method } from './define';
import { ExportedFile, FileBytes, ImportProblem } from './excel';

const Week = z.number().int().min(1).max(60);
const Reason = z.string().trim().min(1, 'a reason is required').max(2000);

/** Syllabus chapter: 1 Scoping, 2 Data, 3 Model development, 4 Deployment, 5 Monitoring. */
export const Chapter = z.number().int().min(1).max(5);

export const Reading = z.object({
  id: Id,
  /** The week the reading is assigned to (null: not scheduled yet). */
  week: Week.nullable(),
  /** A particular class session, when the reading belongs to one rather than to the week. */
  sessionId: Id.nullable(),
  title: z.string(),
  authors: z.string().nullable(),
  /** A URL or a DOI. */
  link: z.string().nullable(),
  chapter: Chapter.nullable(),
  position: z.number().int(),
});
export type Reading = z.infer<typeof Reading>;

export const ReadingFields = z.object({
  week: Week.nullable().optional(),
  sessionId: Id.nullable().optional(),
  title: z.string().trim().min(1, 'a title is required').max(500),
  authors: z.string().trim().max(500).nullable().optional(),
  link: z.string().trim().max(2000).nullable().optional(),
  chapter: Chapter.nullable().optional(),
});
export type ReadingFields = z.infer<typeof ReadingFields>;

/** Where pasted or imported readings go (each row may also name its own week and chapter). */
const ReadingTarget = {
  week: Week.nullable().optional(),
  sessionId: Id.nullable().optional(),
  chapter: Chapter.nullable().optional(),
  /** Check and preview only; nothing is written. */
  dryRun: z.boolean().optional(),
};

export const ReadingsAdded = z.object({
  /** The readings added (on a dry run: that would be added, with placeholder ids -1, -2, ...). */
  readings: z.array(Reading.extend({ id: z.number().int() })),
  problems: z.array(ImportProblem),
  /** True when the course was changed (one undo step). */
  applied: z.boolean(),
});
export type ReadingsAdded = z.infer<typeof ReadingsAdded>;

/** A class session as the draw sees it (the attendance register owns sessions and marks). */
export const DrawSession = z.object({
  id: Id,
  date: LocalDate,
  title: z.string().nullable(),
  week: Week,
  /** Some student has a mark in this session. */
  rollTaken: z.boolean(),
  /** Students marked present or late. */
  presentCount: z.number().int(),
  /** Draws in this session that were not withdrawn. */
  drawCount: z.number().int(),
});
export type DrawSession = z.infer<typeof DrawSession>;

/** The instructor excuses a team from this week's draw, saying why. */
export const Exclusion = z.object({ teamId: Id, reason: Reason }).strict();
export type Exclusion = z.infer<typeof Exclusion>;

/** A team in a draw's ordered candidate list, with its turns before the draw. */
export const Candidate = z.object({ teamId: Id, name: z.string(), turns: z.number().int() });
export type Candidate = z.infer<typeof Candidate>;

export const ExcludedTeam = z.object({
  teamId: Id,
  name: z.string(),
  turns: z.number().int(),
  /** absent: nobody on the team was marked present (or late); excused: the instructor's reason. */
  kind: z.enum(['absent', 'excused']),
  /** In words, e.g. "Nobody on the team was marked present." or the instructor's reason. */
  reason: z.string(),
});
export type ExcludedTeam = z.infer<typeof ExcludedTeam>;

export const DrawCandidates = z.object({
  session: DrawSession,
  /** Ordered by team name then id: the order a draw stores and draws from. */
  eligible: z.array(Candidate.extend({ membersPresent: z.number().int(), members: z.number().int() })),
  excluded: z.array(ExcludedTeam),
  /** Eligible teams the fairness rule allows now (those with the fewest turns). */
  fewestTurns: z.array(Id),
  /** Earlier draws in this session that were not withdrawn: a new one is a redraw and needs a reason. */
  earlierDraws: z.array(Id),
  /** Why no team can be drawn, when none can (null: a draw can run). */
  blocked: z.string().nullable(),
});
export type DrawCandidates = z.infer<typeof DrawCandidates>;

export const Draw = z.object({
  id: Id,
  sessionId: Id,
  sessionDate: LocalDate,
  week: Week,
  drawnAt: Instant,
  seed: z.string(),
  /** The generator and selection, e.g. "sfc32/cyrb128 rejection-sampled, fewest-turns-first v1". */
  algorithm: z.string(),
  teamsCount: z.number().int(),
  candidates: z.array(Candidate),
  excluded: z.array(ExcludedTeam),
  /** fewest-turns: the fairness rule applied; lifted: any candidate could be drawn (liftReason says why). */
  rule: z.enum(['fewest-turns', 'lifted']),
  liftReason: z.string().nullable(),
  redrawReason: z.string().nullable(),
  /** The drawn teams, in the order drawn. */
  teams: z.array(z.object({ teamId: Id, name: z.string() })),
  /** A withdrawn draw stays listed but its turns no longer count. */
  withdrawnAt: Instant.nullable(),
  withdrawReason: z.string().nullable(),
});
export type Draw = z.infer<typeof Draw>;

export const Verification = z.object({
  drawId: Id,
  ok: z.boolean(),
  /** Team ids the stored seed, candidates and rule give now. */
  expected: z.array(Id),
  /** Team ids stored as the result. */
  actual: z.array(Id),
  /** In words: "Draw 4 (week 3) verifies: ..." or what does not match. */
  message: z.string(),
});
export type Verification = z.infer<typeof Verification>;

export const RubricScore = z.object({ criterion: z.string().trim().min(1).max(100), points: z.number().min(0).max(1000) }).strict();
export type RubricScore = z.infer<typeof RubricScore>;

export const Presentation = z.object({
  id: Id,
  drawId: Id.nullable(),
  sessionId: Id,
  date: LocalDate,
  week: Week,
  teamId: Id,
  teamName: z.string(),
  readingIds: z.array(Id),
  presenterIds: z.array(Id),
  durationMinutes: z.number().nullable(),
  /** One score per rubric criterion, in the rubric's order (empty: not graded yet). */
  rubric: z.array(RubricScore),
  /** Sum of the rubric scores (null: not graded yet) and the rubric's total. */
  score: z.number().nullable(),
  pointsPossible: z.number(),
  feedback: z.string().nullable(),
  /** The team-graded "Presentation week N" item of the Reading assignments category. */
  itemId: Id.nullable(),
});
export type Presentation = z.infer<typeof Presentation>;

export const PresentationFields = z.object({
  readingIds: z.array(Id).max(20).optional(),
  /** Absent on record: the members marked present (or late) that day. */
  presenterIds: z.array(Id).max(50).optional(),
  durationMinutes: z.number().min(0).max(600).nullable().optional(),
  /** Every criterion of the course's rubric, or none (not graded yet). */
  rubric: z.array(RubricScore).max(20).optional(),
  feedback: z.string().trim().max(10000).nullable().optional(),
});
export type PresentationFields = z.infer<typeof PresentationFields>;

/** What the record dialog starts from for a team in a session. */
export const PresentationDraft = z.object({
  session: DrawSession,
  teamId: Id,
  teamName: z.string(),
  /** Members on the team that day, with their mark (null: no mark). */
  members: z.array(z.object({ studentId: Id, name: z.string(), mark: z.enum(['present', 'late', 'absent', 'excused']).nullable() })),
  presenterIds: z.array(Id),
  /** Readings of the session, then of its week. */
  readings: z.array(Reading),
  rubric: PresentationPolicy.shape.rubric,
  /** The presentation already recorded for this team in this session, if any. */
  existing: Presentation.nullable(),
});
export type PresentationDraft = z.infer<typeof PresentationDraft>;

export const ReviewCell = z.object({
  week: Week,
  teamId: Id,
  presentationId: Id,
  date: LocalDate,
  readings: z.array(z.string()),
  presenters: z.array(z.string()),
  score: z.number().nullable(),
  pointsPossible: z.number(),
});

export const Review = z.object({
  weeks: z.array(z.object({ week: Week, sessions: z.array(z.object({ id: Id, date: LocalDate })) })),
  teams: z.array(
    z.object({
      teamId: Id,
      name: z.string(),
      presented: z.number().int(),
      lastDate: LocalDate.nullable(),
      /** Draws not withdrawn (the turns the fairness rule counts). */
      turns: z.number().int(),
    }),
  ),
  cells: z.array(ReviewCell),
  /** Enrolled students, by display name. */
  students: z.array(z.object({ studentId: Id, name: z.string(), teamName: z.string().nullable(), presented: z.number().int() })),
  teamsNotPresented: z.array(Id),
  studentsNotPresented: z.array(Id),
  draws: z.array(Draw.extend({ verification: Verification })),
});
export type Review = z.infer<typeof Review>;

/**
 * What the projector shows the class for a draw: team names, members' display names and the
 * readings. Nothing else (no grades, IDs, emails or accommodations) ever leaves in this shape.
 */
export const ProjectorView = z
  .object({
    week: Week,
    teams: z.array(
      z.object({
        name: z.string(),
        /** Display names; `absent`: marked absent or excused in the session's roll. */
        members: z.array(z.object({ name: z.string(), absent: z.boolean() }).strict()),
        readings: z.array(z.object({ title: z.string(), authors: z.string().nullable() }).strict()),
      }),
    ),
  })
  .strict();
export type ProjectorView = z.infer<typeof ProjectorView>;

export const presentationMethods = {
  /** Readings, by week then position; filtered to a week and/or a session. */
  'reading.list': method(z.object({ week: Week.optional(), sessionId: Id.optional() }).strict(), z.array(Reading)),
  'reading.add': method(ReadingFields.strict(), Reading, true),
  'reading.update': method(z.object({ id: Id, patch: ReadingFields.partial().strict() }).strict(), Reading, true),
  /** Refused while a recorded presentation names the reading. */
  'reading.delete': method(z.object({ id: Id }).strict(), z.null(), true),
  /**
   * Many readings at once, one per line: a title, then optionally (tab- or " - "-separated) the
   * link or DOI. One undo step; refused as a whole when a line has a problem.
   */
  'reading.paste': method(z.object({ text: z.string().max(200_000), ...ReadingTarget }).strict(), ReadingsAdded, true),
  /** A .csv or .xlsx with a Title column and optional Authors, Link (or URL/DOI), Week, Chapter. */
  'reading.import': method(z.object({ file: FileBytes, ...ReadingTarget }).strict(), ReadingsAdded, true),

  /** Class sessions (from the attendance register), oldest first, with what a draw needs. */
  'draw.sessions': method(z.object({}).strict(), z.array(DrawSession)),
  /** Who can be drawn in a session given these exclusions, who cannot and why. Writes nothing. */
  'draw.candidates': method(z.object({ sessionId: Id, exclusions: z.array(Exclusion).max(200).optional() }).strict(), DrawCandidates),
  /**
   * Draws `teams` teams in a session and records the draw (seed, ordered candidates, rule,
   * result). A session that already has a draw needs `redrawReason`; `liftRule` (a reason)
   * lets any candidate be drawn. Undo marks the draw withdrawn; it stays listed.
   */
  'draw.run': method(
    z
      .object({
        sessionId: Id,
        teams: z.number().int().min(1).max(50).default(1),
        seed: z.string().trim().min(1).max(200).optional(),
        exclusions: z.array(Exclusion).max(200).optional(),
        liftRule: Reason.optional(),
        redrawReason: Reason.optional(),
      })
      .strict(),
    Draw,
    true,
  ),
  /** Marks a draw withdrawn (its turns stop counting); it stays listed. One undo step. */
  'draw.withdraw': method(z.object({ id: Id, reason: Reason }).strict(), Draw, true),
  /** Every draw (withdrawn ones too), oldest first; or those of one session. */
  'draw.list': method(z.object({ sessionId: Id.optional() }).strict(), z.array(Draw)),
  /** Re-computes a stored draw from its seed, candidates and rule, and compares the result. */
  'draw.verify': method(z.object({ id: Id }).strict(), Verification),
  'draw.verifyAll': method(z.object({}).strict(), z.object({ ok: z.boolean(), results: z.array(Verification) })),
  /** Team names, members' display names and readings of a draw, for the class to see. */
  'draw.projector': method(z.object({ id: Id }).strict(), ProjectorView),

  /** The record dialog's starting point for a team in a session. */
  'presentation.draft': method(z.object({ sessionId: Id, teamId: Id }).strict(), PresentationDraft),
  /**
   * Records a team's presentation in a session (one per team and session) and puts its grade
   * into the week's team-graded "Presentation week N" item of Reading assignments.
   */
  'presentation.record': method(
    PresentationFields.extend({ sessionId: Id, teamId: Id, drawId: Id.nullable().optional() }).strict(),
    Presentation,
    true,
  ),
  'presentation.update': method(z.object({ id: Id, patch: PresentationFields.strict() }).strict(), Presentation, true),
  /** Removes a record and its grade, as one undo step (the draw stays). */
  'presentation.delete': method(z.object({ id: Id }).strict(), z.null(), true),
  'presentation.list': method(z.object({ sessionId: Id.optional(), teamId: Id.optional() }).strict(), z.array(Presentation)),
  /** The end-of-term review: weeks x teams, counts, who has not presented, every draw verified. */
  'presentation.review': method(z.object({}).strict(), Review),
  /** The rubric and the absent-presenter rule (the preset when the course has none). */
  'presentation.settings': method(z.object({}).strict(), PresentationPolicy),
  'presentation.saveSettings': method(PresentationPolicy.strict(), PresentationPolicy, true),
  /** Every presentation as CSV or as a workbook's Presentations sheet. */
  'presentation.export': method(z.object({ format: z.enum(['csv', 'xlsx']) }).strict(), ExportedFile),
};
