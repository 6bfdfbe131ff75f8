import { ApiError } from '@shared/api/envelope';
import { ExportProfileConfig, type ExportProfile } from '@shared/api/excel';
import { change } from '../changes/tracker';
import { readCourseRow } from '../db/rows';
import type { Course } from '../services/course';

type Builtin = Omit<ExportProfileConfig, 'allowedLetters'>;

/** A grade roster uploaded as xlsx with a header row: the shape Banner and PeopleSoft share. */
const gradeRoster = (
  name: string,
  columns: [ExportProfileConfig['columns'][number]['field'], string][],
  fileNamePattern: string,
  lastAttendLetters: string[],
): Builtin => ({
  name,
  columns: columns.map(([field, header]) => ({ field, header })),
  header: true,
  format: 'xlsx',
  fileNamePattern,
  lastAttendLetters,
  dateFormat: 'MM/DD/YYYY',
});

/** Registrars differ: the common layouts, letters taken from the course's own bands. */
const BUILTINS: Record<string, Builtin> = {
  banner: gradeRoster(
    'Banner grade entry',
    [
      ['termCode', 'Term Code'],
      ['crn', 'CRN'],
      ['studentId', 'Student ID'],
      ['grade', 'Final Grade'],
      ['lastAttendDate', 'Last Attend Date'],
    ],
    '{code}-{termCode}-{crn}-final-grades',
    ['F'],
  ),
  peoplesoft: gradeRoster(
    'PeopleSoft grade roster',
    [
      ['termCode', 'Term'],
      ['classNumber', 'Class Number'],
      ['studentId', 'ID'],
      ['grade', 'Grade'],
    ],
    '{code}-{termCode}-{classNumber}-grade-roster',
    [],
  ),
  'id-grade': {
    name: 'ID and grade only, no header',
    columns: [
      { field: 'studentId', header: 'ID' },
      { field: 'grade', header: 'Grade' },
    ],
    header: false,
    format: 'csv',
    fileNamePattern: '{code}-final-grades',
    lastAttendLetters: [],
    dateFormat: 'YYYY-MM-DD',
  },
};

/** Built-in profiles plus the custom ones saved with the course (CLI: `--profile <key>`). */
export function listProfiles(course: Course): ExportProfile[] {
  const letters = readCourseRow(course.db).policy.bands.map((b) => b.letter);
  const builtins = Object.entries(BUILTINS).map(([key, p]) => ({ key, builtin: true, config: { ...p, allowedLetters: letters } }));
  const saved = (
    course.db.prepare('SELECT id, config_json FROM export_profile ORDER BY name').all() as { id: number; config_json: string }[]
  ).map((r) => ({
    key: `custom:${r.id}`,
    builtin: false,
    config: ExportProfileConfig.parse(JSON.parse(r.config_json)),
  }));
  return [...builtins, ...saved];
}

export function findProfile(course: Course, key: string): ExportProfile {
  const profile = listProfiles(course).find((p) => p.key === key);
  if (!profile)
    throw new ApiError(
      'not_found',
      `There is no export profile '${key}'. Choose Banner, PeopleSoft, ID and grade, or a saved custom profile.`,
    );
  return profile;
}

/** Saves a custom profile with the course (one undo step). */
export function saveProfile(course: Course, config: ExportProfileConfig, id?: number): ExportProfile {
  const clash = course.db.prepare('SELECT id FROM export_profile WHERE name = ? AND id IS NOT ?').get(config.name, id ?? null);
  if (clash) throw new ApiError('conflict', `An export profile named '${config.name}' already exists. Choose another name.`);
  const saved = change(course.db, `Save export profile ${config.name}`, (cs) => {
    if (id === undefined) return cs.insert('export_profile', { name: config.name, config_json: JSON.stringify(config) });
    if (!cs.get('export_profile', { id })) throw new ApiError('not_found', `Export profile ${id} does not exist.`);
    cs.put('export_profile', { id }, { name: config.name, config_json: JSON.stringify(config) });
    return id;
  });
  return { key: `custom:${saved}`, builtin: false, config };
}

export function deleteProfile(course: Course, id: number): void {
  change(course.db, 'Delete export profile', (cs) => cs.put('export_profile', { id }, null));
}
