import type { Category, Policy, PresentationPolicy } from './policy';

/** Presentation grading of a course whose policy has none: one 10-point score; an absent member gets the team's grade. */
export const PRESENTATION_PRESET: PresentationPolicy = { rubric: [{ name: 'Score', points: 10 }], absentPresenter: 'team' };
import type { CourseInfo } from './course';

/** The syllabus of IE 7374 (../shared/docs/COURSE-POLICY.md) as course data. */
export const IE7374_POLICY: Policy = {
  grading: 'weighted',
  timeZone: 'America/New_York',
  defaultDueTime: '23:59',
  rounding: { mode: 'half-up', decimals: 2 },
  bands: [
    { letter: 'A', min: 94 },
    { letter: 'A-', min: 88 },
    { letter: 'B+', min: 82 },
    { letter: 'B', min: 76 },
    { letter: 'B-', min: 70 },
    { letter: 'C+', min: 64 },
    { letter: 'C', min: 58 },
    { letter: 'C-', min: 52 },
    { letter: 'F', min: 0 },
  ],
  // Up to 48 h late: 10% of the points earned; later: not accepted.
  late: { basis: 'earned', steps: [{ upToHours: 48, deduction: 10, per: 'flat' }], floorPercent: null, cutoffHours: 48 },
  attendance: {
    present: 1,
    late: 0.5,
    absent: 0,
    excusedCounts: false,
    freeAbsences: 0,
    lowThreshold: 80,
    scope: 'to-date',
    unmarked: 'not-counted',
  },
  borderlineDistance: 1,
  missingWork: { enabled: false, percent: 0 },
  confirmExtraCredit: false,
};

export type CategoryPreset = Omit<Category, 'id' | 'position'>;

export const IE7374_CATEGORIES: CategoryPreset[] = [
  { name: 'Homeworks', weight: 25, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'items' },
  { name: 'Reading assignments', weight: 10, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'items' },
  { name: 'Final project', weight: 60, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'items' },
  { name: 'Attendance', weight: 5, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'attendance' },
];

export const IE7374_COURSE: CourseInfo = { name: 'IE 7374 Machine Learning Operations', code: 'IE 7374', term: null };

/** The syllabus chapters readings belong to (chapter n is SYLLABUS_CHAPTERS[n - 1]). */
export const SYLLABUS_CHAPTERS = ['Scoping', 'Data', 'Model development', 'Deployment', 'Monitoring'] as const;

/** Team-graded milestones of the final project, one per syllabus chapter, plus the final delivery. */
export const IE7374_MILESTONES = [
  'Milestone 1: Scoping',
  'Milestone 2: Data',
  'Milestone 3: Model development',
  'Milestone 4: Deployment',
  'Milestone 5: Monitoring',
  'Final delivery and presentation',
] as const;

/** A blank course: one category, the same bands and rules, so it can be graded at once. */
export const BLANK_CATEGORIES: CategoryPreset[] = [
  { name: 'Assignments', weight: 100, dropLowest: 0, dropHighest: 0, equalWeightItems: false, kind: 'items' },
];
