/** The add/edit student form: text fields in, the API's StudentFields out, or messages per field. */
import type { StudentFields } from '../api/roster';
import type { Student } from '../model/course';
import { parseNumber, type FieldErrors } from './fields';

export interface StudentForm {
  registrarId: string;
  lastName: string;
  firstName: string;
  preferredName: string;
  email: string;
  section: string;
  extensionDays: string;
  accommodationNote: string;
}

export const EMPTY_STUDENT: StudentForm = {
  registrarId: '',
  lastName: '',
  firstName: '',
  preferredName: '',
  email: '',
  section: '',
  extensionDays: '0',
  accommodationNote: '',
};

export function studentToForm(s: Student): StudentForm {
  return {
    registrarId: s.registrarId,
    lastName: s.lastName,
    firstName: s.firstName,
    preferredName: s.preferredName ?? '',
    email: s.email ?? '',
    section: s.section ?? '',
    extensionDays: String(s.extensionDays),
    accommodationNote: s.accommodationNote ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function formToStudent(f: StudentForm): { ok: true; fields: StudentFields } | { ok: false; errors: FieldErrors<StudentForm> } {
  const errors: FieldErrors<StudentForm> = {};
  if (!f.registrarId.trim()) errors.registrarId = 'A registrar ID is required (the ID the registrar uses, e.g. 001234567).';
  if (!f.lastName.trim() && !f.firstName.trim()) errors.lastName = 'Type at least a last or a first name.';
  if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) {
    errors.email = `"${f.email.trim()}" is not an email address. Use the form name@example.edu, or leave it empty.`;
  }
  const ext = f.extensionDays.trim() === '' ? 0 : parseNumber(f.extensionDays);
  if (ext === null || ext < 0 || ext > 365) errors.extensionDays = 'Extension days must be a number from 0 to 365.';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      registrarId: f.registrarId.trim(),
      lastName: f.lastName.trim(),
      firstName: f.firstName.trim(),
      preferredName: orNull(f.preferredName),
      email: orNull(f.email),
      section: orNull(f.section),
      extensionDays: ext ?? 0,
      accommodationNote: orNull(f.accommodationNote),
    },
  };
}
