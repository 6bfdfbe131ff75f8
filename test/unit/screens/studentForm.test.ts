import { describe, expect, it } from 'vitest';
import { EMPTY_STUDENT, formToStudent } from '@shared/screens/studentForm';

describe('student form', () => {
  it('requires a registrar ID and a name, and says so per field', () => {
    const r = formToStudent(EMPTY_STUDENT);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.registrarId).toMatch(/registrar ID is required/);
    expect(r.errors.lastName).toMatch(/last or a first name/);
  });
  it('refuses a malformed email and a negative extension', () => {
    const r = formToStudent({ ...EMPTY_STUDENT, registrarId: '1', lastName: 'X', email: 'nope', extensionDays: '-1' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.email).toContain('"nope" is not an email address');
    expect(r.errors.extensionDays).toMatch(/0 to 365/);
  });
  it('trims fields and turns empty optional ones into null', () => {
    const r = formToStudent({ ...EMPTY_STUDENT, registrarId: ' 0042 ', lastName: ' Kim ', firstName: 'Wei', extensionDays: '2' });
    expect(r).toEqual({
      ok: true,
      fields: {
        registrarId: '0042',
        lastName: 'Kim',
        firstName: 'Wei',
        preferredName: null,
        email: null,
        section: null,
        extensionDays: 2,
        accommodationNote: null,
      },
    });
  });
});
