/**
 * Formula injection: a spreadsheet evaluates a cell whose text starts with one of these (and
 * LibreOffice also a leading tab or carriage return), e.g. a student "named" =HYPERLINK(...).
 */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

export const isFormulaLike = (text: string): boolean => text.length > 0 && TRIGGERS.has(text[0]!);

/**
 * Text for a CSV field that no spreadsheet evaluates: a leading apostrophe, which Excel and
 * LibreOffice show as a plain-text marker. (In .xlsx every string is written as a text cell,
 * never a formula, so names there are kept exactly as they are.)
 */
export const csvSafeText = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);
