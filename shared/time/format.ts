/**
 * Dates, times and durations as the app shows them (UX.md): instants in the course's time zone,
 * naming the zone; the same clock and day words everywhere. Pure: Intl only.
 */
import { zoneFormatter } from './zone';

const MINUTE_MS = 60_000;

/**
 * A duration in started minutes, as hours and minutes: "38 h 59 min", "48 h", "5 min". Started
 * minutes, so a lateness is never shown as less than it is (work 1 ms late is "1 min" late) and
 * a lateness is shown past a whole-minute window exactly when it is past it.
 */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / MINUTE_MS));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const instantFormatter = zoneFormatter({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZoneName: 'short',
});

/**
 * "Tue 9 Sep, 11:59 pm EDT": an instant (ISO string or ms) in the course's time zone, naming the
 * zone (UX.md). The one formatter for dates and times everywhere.
 */
export function formatInstant(at: string | number, timeZone: string): string {
  const parts = instantFormatter(timeZone).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}, ${get('hour')}:${get('minute')} ${get('dayPeriod').toLowerCase()} ${get('timeZoneName')}`;
}

const dayFormatter = zoneFormatter({ weekday: 'short', day: 'numeric', month: 'short' })('UTC');

/** "Tue 8 Sep": a calendar date (YYYY-MM-DD, e.g. a class session's) in the same words as formatInstant. */
export function formatDay(date: string): string {
  const parts = dayFormatter.formatToParts(new Date(`${date}T12:00:00Z`));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')} ${get('day')} ${get('month')}`;
}

/** "13:05" as the app writes times: "1:05 pm" (the same clock as formatInstant). */
export function clockText(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}
