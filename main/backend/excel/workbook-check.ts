import type { z } from 'zod';
import { toAttendance, toCategory, toItem, toMembership, toOverride, toScore, toSession, toStudent, toTeam, toTeamScore } from '../db/rows';
import { CourseSnapshot } from '@shared/model';
import type { Row } from '../changes/tables';
import type { Problems } from './problems';
import { DATA_SHEET, type DataTable } from './workbook-format';

/** The data sheet's rows per table, and the sheet row (0-based) each came from. */
export interface DataRows {
  rows: Map<DataTable, Row[]>;
  at: Map<Row, number>;
}

/** Column B of the data sheet holds each row's JSON. */
const JSON_COLUMN = 1;
const AGAIN = 'The data sheet was edited; export the workbook again from the gradebook.';

/** The snapshot part each table becomes, read with the mapper the app reads the course with. */
const PARTS = {
  category: ['categories', toCategory],
  student: ['students', toStudent],
  team: ['teams', toTeam],
  team_member: ['memberships', toMembership],
  item: ['items', toItem],
  score: ['scores', toScore],
  team_score: ['teamScores', toTeamScore],
  attendance_session: ['attendanceSessions', toSession],
  attendance_mark: ['attendance', toAttendance],
  grade_override: ['overrides', toOverride],
} as const satisfies Partial<Record<DataTable, readonly [keyof CourseSnapshot, (r: Row) => unknown]>>;
type Part = keyof typeof PARTS;

/**
 * Checks the workbook's course as the course it would become: SQLite keeps 'ten' in a REAL
 * column or an unknown status without complaint, and such a course then fails every grade
 * computation. Each table row goes through the same row→model mapper as the app's reads and the
 * whole through the CourseSnapshot schema; every bad field is an error at its data-sheet row.
 */
export function checkCourseRows({ rows, at }: DataRows, problems: Problems): void {
  const courseRows = rows.get('course')!;
  const courseRow = courseRows[0];
  if (!courseRow) {
    problems.error(DATA_SHEET, null, null, `The workbook has no course settings row. ${AGAIN}`);
    return;
  }
  for (const extra of courseRows.slice(1))
    problems.error(DATA_SHEET, at.get(extra)!, 0, `The workbook has a second course settings row. ${AGAIN}`);
  let policy: unknown;
  try {
    policy = JSON.parse(String(courseRow.policy_json));
  } catch {
    problems.error(
      DATA_SHEET,
      at.get(courseRow)!,
      JSON_COLUMN,
      `The grading policy (policy_json) is damaged: it is not readable data. ${AGAIN}`,
    );
    return;
  }

  const snapshot: Record<string, unknown> = {
    course: { name: courseRow.name, code: courseRow.code, term: courseRow.term },
    policy,
  };
  for (const [table, [key, toModel]] of Object.entries(PARTS) as [Part, (typeof PARTS)[Part]][])
    snapshot[key] = rows.get(table)!.map((r) => toModel(r));
  const checked = CourseSnapshot.safeParse(snapshot);
  if (checked.success) return;

  const tableOf = new Map(Object.entries(PARTS).map(([table, [key]]) => [key as string, table as Part]));
  for (const issue of checked.error.issues) {
    const [part, index, ...field] = issue.path.map(String);
    if (part === 'course' || part === 'policy') {
      const column = part === 'policy' ? 'policy_json' : field[0]!;
      const inPolicy = [index, ...field].filter((p) => p !== undefined).join('.');
      const where = part === 'policy' ? `The grading policy${inPolicy && ` (${inPolicy})`}` : `The course ${column}`;
      problems.error(DATA_SHEET, at.get(courseRow)!, JSON_COLUMN, `${where} ${reason(issue)}. ${AGAIN}`);
      continue;
    }
    const table = tableOf.get(part!)!;
    const row = rows.get(table)![Number(index)]!;
    const column = columnOf(row, field);
    const shown = column in row ? ` is ${JSON.stringify(row[column])}:` : '';
    problems.error(DATA_SHEET, at.get(row)!, JSON_COLUMN, `This ${table} row's ${column}${shown} ${reason(issue)}. ${AGAIN}`);
  }
}

/** The table column a model field comes from: registrarId -> registrar_id, integrity.date -> integrity_date. */
function columnOf(row: Row, field: string[]): string {
  const snake = field.join('_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return snake in row ? snake : field.join('.');
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  object: 'a record',
  array: 'a list',
};

/** A zod issue as a person would say it: "must be a number", "must be one of excused, missing, exempt". */
function reason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // zod reports a field the row lacks as "received undefined"; the input itself is not kept.
      if (issue.message.endsWith('received undefined')) return 'is missing';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must have at least ${issue.minimum} characters`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `must have at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'custom':
    case 'invalid_format':
      return `must be ${issue.message}`;
    default:
      return `is not valid (${issue.message})`;
  }
}
