/** What every form module shares: reading a typed field and naming what is wrong, field by field. */

/** A message for each field that is wrong; a field with none is fine. */
export type FieldErrors<F> = Partial<Record<keyof F, string>>;

/** A number typed in a field; null when it is not one (empty counts as not a number). */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(/%$/, '').trim();
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return Number(t);
}
