/**
 * The grading engine: a pure function of a CourseSnapshot. No I/O, no Node built-ins.
 *
 *   computeCourse(snapshot, { asOf })            every student, in snapshot order
 *   prepareCourse(snapshot) + computeStudent(…)  one student, for live edits
 *   preparePacked(packed)                        the same from the wire form (cells as columns), without a Score per cell
 *   withStudentScores(prepared, id, scores)      swap one student's scores without re-preparing
 *   withStudentMarks(prepared, id, marks)        the same for attendance marks
 *   validatePolicy(policy, categories)           policy problems: { code, message }
 */
export * from './types';
export { computeCourse, computePrepared, computeStudent } from './course';
export { prepareCourse, preparePacked, withStudentMarks, withStudentScores, type PreparedCourse } from './prepare';
export * as attendance from './attendance';
export { validatePolicy } from './validate';
export * as exact from './exact';
export { deadlineInstant, localToInstant, addCalendarDays } from './deadline';
export { applyLate, prepareLateRule, type LateRule, type LateOutcome } from './late';
export { chooseDrops, choosePercentDrops, type DropScores, type DropTotal, type DropGoal, type DropGroup } from './drop';
export { grade, applyRounding, prepareLetterScale, type LetterScale, type Graded } from './letter';
export { fmtPoints } from './format';
