/**
 * Deadlines: a local date and time in the course's time zone, turned into a UTC instant with
 * Intl.DateTimeFormat (no date library). A deadline is the END of its minute: work stamped any
 * time within 23:59 is on time, so the instant is hh:mm:59.999 local. An exact deadline (an
 * instant with seconds, from an LMS export) is taken as it is: one second later is late.
 */

import { zoneFormatter } from '../time/zone';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The last millisecond of the due minute. */
const MINUTE_END_MS = 59_999;

const formatter = zoneFormatter({
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock time minus UTC at instant t, in ms (e.g. −4 h in New York in summer). */
export function zoneOffsetMs(timeZone: string, t: number): number {
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0;
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    const v = Number(p.value);
    switch (p.type) {
      case 'year':
        y = v;
        break;
      case 'month':
        mo = v;
        break;
      case 'day':
        d = v;
        break;
      case 'hour':
        h = v === 24 ? 0 : v;
        break;
      case 'minute':
        mi = v;
        break;
      case 'second':
        s = v;
        break;
    }
  }
  const wholeSecond = t - (((t % 1000) + 1000) % 1000);
  return Date.UTC(y, mo - 1, d, h, mi, s) - wholeSecond;
}

function parseDate(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/**
 * The instant at which local `date` `time` (HH:MM) begins in `timeZone`. The candidates are the
 * wall time read with the offset in force a day before and a day after, which covers a DST
 * change in between. An ambiguous fall-back time resolves to its first occurrence; a time in a
 * spring-forward gap (which never shows on a clock) to the instant the clock jumps past it.
 */
export function localToInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = parseDate(date);
  const wall = Date.UTC(y, mo - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const before = wall - zoneOffsetMs(timeZone, wall - DAY_MS);
  const after = wall - zoneOffsetMs(timeZone, wall + DAY_MS);
  if (before === after) return before;
  const beforeValid = zoneOffsetMs(timeZone, before) === wall - before;
  const afterValid = zoneOffsetMs(timeZone, after) === wall - after;
  if (beforeValid && afterValid) return Math.min(before, after);
  if (beforeValid) return before;
  if (afterValid) return after;
  return Math.max(before, after);
}

/** The calendar date `days` after `date` (proleptic Gregorian, no time zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const [y, mo, d] = parseDate(date);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The deadline instant (end of the due minute) of work due on local `dueDate` at `dueTime`,
 * moved by `extensionDays`. Whole extension days are calendar days in local time, so an
 * 11:59 pm deadline stays 11:59 pm across a DST change; a fractional remainder is added as
 * elapsed time (0.5 day = 12 h).
 */
export function deadlineInstant(dueDate: string, dueTime: string, timeZone: string, extensionDays = 0): number {
  const whole = Math.floor(extensionDays);
  const local = whole > 0 ? addCalendarDays(dueDate, whole) : dueDate;
  return localToInstant(local, dueTime, timeZone) + MINUTE_END_MS + Math.round((extensionDays - whole) * DAY_MS);
}

/**
 * An exact deadline (to the second, as Canvas's due_at) moved by `extensionDays`: whole days
 * as calendar days at the same local wall-clock time, the remainder as elapsed time.
 */
export function exactDeadline(dueAt: number, timeZone: string, extensionDays = 0): number {
  const whole = Math.floor(extensionDays);
  const fraction = Math.round((extensionDays - whole) * DAY_MS);
  if (whole === 0) return dueAt + fraction;
  const wall = new Date(dueAt + zoneOffsetMs(timeZone, dueAt)).toISOString();
  const withinMinute = ((dueAt % 60_000) + 60_000) % 60_000;
  return localToInstant(addCalendarDays(wall.slice(0, 10), whole), wall.slice(11, 16), timeZone) + withinMinute + fraction;
}

export { HOUR_MS, DAY_MS };
