import { describe, expect, it } from 'vitest';
import { legalName, studentName } from '@shared/model';

describe('student names', () => {
  it('prints last name first and keeps accents', () => {
    expect(studentName({ firstName: 'José', lastName: 'Núñez' })).toBe('Núñez, José');
    expect(legalName({ firstName: 'Zoë', lastName: "O'Brien-Åberg" })).toBe("O'Brien-Åberg, Zoë");
  });
  it('shows a preferred name on screens only when it differs from the first name', () => {
    expect(studentName({ firstName: 'José', lastName: 'Núñez', preferredName: 'Pepe' })).toBe('Núñez, José (Pepe)');
    expect(studentName({ firstName: 'Ava', lastName: 'Kim', preferredName: 'Ava' })).toBe('Kim, Ava');
    expect(studentName({ firstName: 'Ava', lastName: 'Kim', preferredName: ' Ava ' })).toBe('Kim, Ava');
    expect(studentName({ firstName: 'Ava', lastName: 'Kim', preferredName: '  ' })).toBe('Kim, Ava');
  });
  it('never shows a preferred name in the legal name', () => {
    expect(legalName({ firstName: 'José', lastName: 'Núñez', preferredName: 'Pepe' })).toBe('Núñez, José');
  });
  it('trims each part and leaves out a missing one without a stray comma', () => {
    expect(legalName({ firstName: '  José ', lastName: ' Núñez  ' })).toBe('Núñez, José');
    expect(legalName({ firstName: 'Madonna', lastName: '' })).toBe('Madonna');
    expect(studentName({ firstName: ' ', lastName: 'Ng', preferredName: 'Kit' })).toBe('Ng (Kit)');
  });
  it('names a student with no name by registrar ID', () => {
    expect(legalName({ firstName: '', lastName: ' ', registrarId: '001234' })).toBe('student 001234');
    expect(legalName({ firstName: '', lastName: '' })).toBe('');
  });
});
