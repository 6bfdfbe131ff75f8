import { useState } from 'react';
import { ApiError } from '@shared/api';
import type { Student } from '@shared/model';
import { EMPTY_STUDENT, formToStudent, studentToForm, type StudentForm } from '@shared/screens/studentForm';
import type { FieldErrors } from '@shared/screens/fields';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import { announce } from '../common/announce';
import { Field, FormDialog } from '../common/Dialog';

const FIELDS: { key: keyof StudentForm; label: string; type?: string }[] = [
  { key: 'registrarId', label: 'Registrar ID' },
  { key: 'lastName', label: 'Last name' },
  { key: 'firstName', label: 'First name' },
  { key: 'preferredName', label: 'Preferred name' },
  { key: 'email', label: 'Email', type: 'email' },
  { key: 'section', label: 'Section' },
  { key: 'extensionDays', label: 'Extension days' },
];

/** Add a student, or edit one; the backend's refusal (e.g. a duplicate ID) shows in the dialog. */
export function StudentDialog({ student, onClose }: { student: Student | null; onClose: () => void }) {
  const [form, setForm] = useState<StudentForm>(student ? studentToForm(student) : EMPTY_STUDENT);
  const [errors, setErrors] = useState<FieldErrors<StudentForm>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const reload = useCourse((s) => s.reload);

  const save = async () => {
    const parsed = formToStudent(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      if (student) await api('student.update', { id: student.id, patch: parsed.fields });
      else await api('student.add', parsed.fields);
      await reload();
      onClose();
      const name = `${parsed.fields.firstName ?? student?.firstName ?? ''} ${parsed.fields.lastName ?? student?.lastName ?? ''}`.trim();
      announce(student ? `Saved ${name}.` : `Added ${name} to the roster.`);
    } catch (err) {
      // Kept inside the dialog so the instructor can fix the field without retyping the rest.
      setFailure(err instanceof ApiError ? err.message : `Saving the student failed: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={student ? `Edit ${student.lastName}, ${student.firstName}` : 'Add a student'}
      onClose={onClose}
      onSubmit={() => void save()}
      failure={failure}
      submit={student ? 'Save student' : 'Add student'}
      busy={saving}
    >
      <div className="grid-2">
        {FIELDS.map((f) => (
          <Field key={f.key} label={f.label} error={errors[f.key]}>
            {(p) => (
              <input {...p} type={f.type ?? 'text'} value={form[f.key]} onChange={(e) => setForm({ ...form, [f.key]: e.target.value })} />
            )}
          </Field>
        ))}
      </div>
      <Field label="Accommodation note" error={errors.accommodationNote}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={form.accommodationNote}
            onChange={(e) => setForm({ ...form, accommodationNote: e.target.value })}
          />
        )}
      </Field>
    </FormDialog>
  );
}
