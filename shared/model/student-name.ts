/**
 * How a student's name is printed. Screens, messages and history use `studentName`; the
 * registrar and other official records use `legalName`, which never shows a preferred name.
 */

export interface NameParts {
  readonly firstName: string;
  readonly lastName: string;
  readonly preferredName?: string | null;
  /** Names the student when both names are empty (an imported row with only an ID). */
  readonly registrarId?: string;
}

/** "Núñez, José": the legal name, last name first, without the preferred name. */
export function legalName(s: NameParts): string {
  const name = [s.lastName, s.firstName]
    .map((part) => (part ?? '').trim())
    .filter(Boolean)
    .join(', ');
  return name || (s.registrarId ? `student ${s.registrarId}` : '');
}

/** "Núñez, José (Pepe)": the legal name with the preferred name when it differs from the first name. */
export function studentName(s: NameParts): string {
  const preferred = (s.preferredName ?? '').trim();
  const base = legalName(s);
  return preferred && preferred !== (s.firstName ?? '').trim() ? `${base} (${preferred})` : base;
}
