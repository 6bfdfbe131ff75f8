/** The forms of the Sessions screen: the term's meeting pattern and one session, as text fields to API input. */
import type { MeetingPattern, SessionFields, SessionRow, SkippedDays } from '../api/attendance';
import type { FieldErrors } from './fields';

export interface PatternForm {
  /** ISO weekdays, 1 Monday ... 7 Sunday. */
  weekdays: number[];
  start: string;
  end: string;
  first: string;
  last: string;
  /** One line per day or range without class: "2027-03-08 to 2027-03-12 Spring break". */
  skip: string;
  title: string;
}

export const WEEKDAYS: readonly { day: number; short: string; name: string }[] = [
  { day: 1, short: 'Mon', name: 'Monday' },
  { day: 2, short: 'Tue', name: 'Tuesday' },
  { day: 3, short: 'Wed', name: 'Wednesday' },
  { day: 4, short: 'Thu', name: 'Thursday' },
  { day: 5, short: 'Fri', name: 'Friday' },
  { day: 6, short: 'Sat', name: 'Saturday' },
  { day: 7, short: 'Sun', name: 'Sunday' },
];

export function patternToForm(p: MeetingPattern | null): PatternForm {
  if (!p) return { weekdays: [], start: '', end: '', first: '', last: '', skip: '', title: 'Session {n}' };
  const skip = (p.skip ?? []).map((s) => [s.from, s.to && s.to !== s.from ? `to ${s.to}` : '', s.label ?? ''].filter(Boolean).join(' '));
  return {
    weekdays: [...p.weekdays],
    start: p.start,
    end: p.end,
    first: p.first,
    last: p.last,
    skip: skip.join('\n'),
    title: p.title ?? '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SKIP_LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:to|–|—|-)\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/i;

const isDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** The skipped-days text, one day or range per line with an optional label; each bad line is named. */
export function parseSkipped(text: string): { ok: true; skip: SkippedDays[] } | { ok: false; message: string } {
  const skip: SkippedDays[] = [];
  const bad: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = SKIP_LINE.exec(line);
    if (!m || !isDate(m[1]!) || (m[2] !== undefined && !isDate(m[2]))) {
      bad.push(`line ${i + 1} ('${line}') is not a date or a range such as 2027-03-08 to 2027-03-12`);
      return;
    }
    const [, from, to, label] = m as unknown as [string, string, string | undefined, string];
    if (to && to < from) {
      bad.push(`line ${i + 1} ends before it starts`);
      return;
    }
    skip.push({ from, ...(to ? { to } : {}), ...(label.trim() ? { label: label.trim() } : {}) });
  });
  return bad.length ? { ok: false, message: `Skipped days: ${bad.join('; ')}.` } : { ok: true, skip };
}

export function formToPattern(f: PatternForm): { ok: true; pattern: MeetingPattern } | { ok: false; errors: FieldErrors<PatternForm> } {
  const errors: FieldErrors<PatternForm> = {};
  if (f.weekdays.length === 0) errors.weekdays = 'Choose the weekdays the class meets.';
  if (!TIME.test(f.start)) errors.start = 'Give the start time, e.g. 09:50.';
  if (!TIME.test(f.end)) errors.end = 'Give the end time, e.g. 11:30.';
  else if (TIME.test(f.start) && f.end <= f.start) errors.end = 'The end time must be after the start time.';
  if (!isDate(f.first)) errors.first = 'Give the date of the first class.';
  if (!isDate(f.last)) errors.last = 'Give the date of the last class.';
  else if (isDate(f.first) && f.last < f.first) errors.last = 'The last date must be on or after the first date.';
  const skipped = parseSkipped(f.skip);
  if (!skipped.ok) errors.skip = skipped.message;
  if (Object.keys(errors).length || !skipped.ok) return { ok: false, errors };
  const weekdays = [...new Set(f.weekdays)].sort((a, b) => a - b);
  const title = f.title.trim();
  return {
    ok: true,
    pattern: { weekdays, start: f.start, end: f.end, first: f.first, last: f.last, skip: skipped.skip, ...(title ? { title } : {}) },
  };
}

export interface SessionForm {
  date: string;
  start: string;
  end: string;
  title: string;
  topic: string;
  note: string;
}

export const EMPTY_SESSION: SessionForm = { date: '', start: '', end: '', title: '', topic: '', note: '' };

export function sessionToForm(s: SessionRow): SessionForm {
  return { date: s.date, start: s.start ?? '', end: s.end ?? '', title: s.title ?? '', topic: s.topic ?? '', note: s.note ?? '' };
}

/** The session's fields; an empty text field clears it (no time: the session is held from the start of its day). */
export function formToSession(
  f: SessionForm,
): { ok: true; fields: SessionFields & { date: string } } | { ok: false; errors: FieldErrors<SessionForm> } {
  const errors: FieldErrors<SessionForm> = {};
  if (!isDate(f.date)) errors.date = 'Give the session date.';
  if (f.start && !TIME.test(f.start)) errors.start = 'Give the start time as HH:MM, or leave it empty.';
  if (f.end && !TIME.test(f.end)) errors.end = 'Give the end time as HH:MM, or leave it empty.';
  else if (f.end && !f.start) errors.end = 'Give a start time too, or leave both empty.';
  else if (f.end && TIME.test(f.start) && f.end <= f.start) errors.end = 'The end time must be after the start time.';
  if (Object.keys(errors).length) return { ok: false, errors };
  const text = (s: string) => s.trim() || null;
  return {
    ok: true,
    fields: { date: f.date, start: f.start || null, end: f.end || null, title: text(f.title), topic: text(f.topic), note: text(f.note) },
  };
}
