/** The item and weekly-series forms: text fields in, the API's input out, or messages per field. */
import type { ItemFields, SeriesSpec } from '../api/items';
import { Instant, type Item } from '../model/course';
import { parseNumber, type FieldErrors } from './fields';

export interface ItemForm {
  categoryId: string;
  name: string;
  pointsPossible: string;
  dueDate: string;
  /** Empty: the course's default due time. */
  dueTime: string;
  /** An exact deadline with seconds (ISO with zone); empty: the date and time above. */
  dueAt: string;
  teamGraded: boolean;
  neverDrop: boolean;
  muted: boolean;
  omitFromFinal: boolean;
}

export const emptyItem = (categoryId: number): ItemForm => ({
  categoryId: String(categoryId),
  name: '',
  pointsPossible: '10',
  dueDate: '',
  dueTime: '',
  dueAt: '',
  teamGraded: false,
  neverDrop: false,
  muted: false,
  omitFromFinal: false,
});

export const itemToForm = (i: Item): ItemForm => ({
  categoryId: String(i.categoryId),
  name: i.name,
  pointsPossible: String(i.pointsPossible),
  dueDate: i.dueDate ?? '',
  dueTime: i.dueTime ?? '',
  dueAt: i.dueAt ?? '',
  teamGraded: i.teamGraded,
  neverDrop: i.neverDrop,
  muted: i.muted,
  omitFromFinal: i.omitFromFinal,
});

const points = (s: string): number | null => {
  const n = parseNumber(s);
  return n === null || n < 0 ? null : n;
};
const POINTS_MESSAGE = 'Points possible must be a number, 0 or more (e.g. 10).';

export function formToItem(f: ItemForm): { ok: true; fields: ItemFields } | { ok: false; errors: FieldErrors<ItemForm> } {
  const errors: FieldErrors<ItemForm> = {};
  if (!f.name.trim()) errors.name = 'A name is required, e.g. "Homework 3".';
  const p = points(f.pointsPossible);
  if (p === null) errors.pointsPossible = POINTS_MESSAGE;
  if (f.dueTime && !f.dueDate) errors.dueDate = 'A due time needs a due date too.';
  if (f.dueAt.trim() && !Instant.safeParse(f.dueAt.trim()).success)
    errors.dueAt = `"${f.dueAt.trim()}" is not an exact deadline. Type a date-time with seconds and zone, e.g. 2026-09-15T23:59:59-04:00, or leave it empty.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      categoryId: Number(f.categoryId),
      name: f.name.trim(),
      pointsPossible: p!,
      dueDate: f.dueDate || null,
      dueTime: f.dueTime || null,
      dueAt: f.dueAt.trim() || null,
      teamGraded: f.teamGraded,
      neverDrop: f.neverDrop,
      muted: f.muted,
      omitFromFinal: f.omitFromFinal,
    },
  };
}

export interface SeriesForm {
  categoryId: string;
  prefix: string;
  from: string;
  to: string;
  pointsPossible: string;
  firstDueDate: string;
  everyDays: string;
  teamGraded: boolean;
}

export function formToSeries(f: SeriesForm): { ok: true; input: SeriesSpec } | { ok: false; errors: FieldErrors<SeriesForm> } {
  const errors: FieldErrors<SeriesForm> = {};
  const whole = (s: string) => {
    const n = parseNumber(s);
    return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
  };
  if (!f.prefix.trim()) errors.prefix = 'A name prefix is required, e.g. "Homework".';
  const from = whole(f.from);
  const to = whole(f.to);
  if (from === null) errors.from = 'Type a whole number, e.g. 1.';
  if (to === null) errors.to = 'Type a whole number, e.g. 12.';
  else if (from !== null && to < from) errors.to = `"To" must be at least "from" (${from}).`;
  else if (from !== null && to - from >= 100) errors.to = 'At most 100 items at once.';
  const p = points(f.pointsPossible);
  if (p === null) errors.pointsPossible = POINTS_MESSAGE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.firstDueDate)) errors.firstDueDate = 'Choose the first due date.';
  const every = whole(f.everyDays);
  if (every === null || every < 1 || every > 60) errors.everyDays = 'Every how many days: a whole number from 1 to 60 (7 = weekly).';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      categoryId: Number(f.categoryId),
      prefix: f.prefix.trim(),
      from: from!,
      to: to!,
      pointsPossible: p!,
      firstDueDate: f.firstDueDate,
      everyDays: every!,
      teamGraded: f.teamGraded,
    },
  };
}
