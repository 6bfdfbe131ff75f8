import type { StudentFields } from '@shared/api/roster';
import { ApiError } from '@shared/api/envelope';
import { legalName, type Student } from '@shared/model';
import { change } from '../changes/tracker';
import type { Db } from '../db/open';
import { toStudent } from '../db/rows';
import type { Row } from '../changes/tables';

export function requireStudentRow(db: Db, id: number): Row {
  const row = db.prepare('SELECT * FROM student WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new ApiError('not_found', `There is no student with id ${id} in this course.`);
  return row;
}

function ensureRegistrarIdFree(db: Db, registrarId: string, exceptId?: number): void {
  const other = db.prepare('SELECT * FROM student WHERE registrar_id = ? AND id IS NOT ?').get(registrarId, exceptId ?? null) as
    Row | undefined;
  if (other) throw new ApiError('conflict', `Registrar ID ${registrarId} is already used by ${legalName(toStudent(other))}.`);
}

/** Only the fields present in `patch` become columns, so an update leaves the others alone. */
function studentColumns(patch: Partial<StudentFields>): Row {
  const columns: Record<keyof StudentFields, string> = {
    registrarId: 'registrar_id',
    firstName: 'first_name',
    lastName: 'last_name',
    preferredName: 'preferred_name',
    email: 'email',
    section: 'section',
    extensionDays: 'extension_days',
    accommodationNote: 'accommodation_note',
  };
  const row: Row = {};
  for (const [field, column] of Object.entries(columns)) {
    const value = patch[field as keyof StudentFields];
    // Blank optional text is stored as "not set", so lists and exports don't show empty strings.
    if (value !== undefined) row[column] = value === '' && field !== 'firstName' && field !== 'lastName' ? null : value;
  }
  return row;
}

export function addStudent(db: Db, fields: StudentFields): Student {
  ensureRegistrarIdFree(db, fields.registrarId);
  const row = studentColumns(fields);
  const id = change(db, `Add student ${legalName(toStudent(row))}`, (cs) =>
    cs.insert('student', { status: 'enrolled', extension_days: 0, ...row, created_at: new Date().toISOString() }),
  );
  return toStudent(requireStudentRow(db, id));
}

export function updateStudent(db: Db, id: number, patch: Partial<StudentFields>): Student {
  const current = requireStudentRow(db, id);
  if (patch.registrarId !== undefined) ensureRegistrarIdFree(db, patch.registrarId, id);
  change(db, `Edit student ${legalName(toStudent(current))}`, (cs) => cs.put('student', { id }, studentColumns(patch)));
  return toStudent(requireStudentRow(db, id));
}

export function setWithdrawn(db: Db, id: number, withdrawn: boolean): Student {
  const current = requireStudentRow(db, id);
  const label = `${withdrawn ? 'Withdraw' : 'Re-enroll'} ${legalName(toStudent(current))}`;
  change(db, label, (cs) => cs.put('student', { id }, { status: withdrawn ? 'withdrawn' : 'enrolled' }));
  return toStudent(requireStudentRow(db, id));
}
