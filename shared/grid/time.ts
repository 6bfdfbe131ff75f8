import { localToInstant, zoneOffsetMs } from '../grading/deadline';

/** An instant as the value of an <input type="datetime-local"> in the course's time zone. */
export function instantToLocalInput(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return new Date(t + zoneOffsetMs(timeZone, t)).toISOString().slice(0, 16);
}

/** A datetime-local value ("2026-09-15T23:59") read in the course's time zone, as an ISO instant. */
export function localInputToInstant(value: string, timeZone: string): string {
  const [date, time] = value.split('T');
  return new Date(localToInstant(date!, (time ?? '00:00').slice(0, 5), timeZone)).toISOString();
}
