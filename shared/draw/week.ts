const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of the Monday starting the calendar week of `date` (YYYY-MM-DD). */
function mondayOf(date: string): number {
  const day = Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * The presentation week of a class on `date`: calendar weeks (Monday to Sunday) counted from the
 * week of the course's first session, which is week 1. Dates before it are week 1 too.
 */
export function presentationWeek(date: string, firstSessionDate: string): number {
  return Math.max(1, Math.round((mondayOf(date) - mondayOf(firstSessionDate)) / 7) + 1);
}
