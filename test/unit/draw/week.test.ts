import { describe, expect, it } from 'vitest';
import { presentationWeek } from '@shared/draw';

describe('presentationWeek', () => {
  it.each([
    ['2026-09-08', 1], // the first session, a Tuesday
    ['2026-09-07', 1], // Monday of that week
    ['2026-09-13', 1], // its Sunday
    ['2026-09-14', 2],
    ['2026-11-03', 9], // across the end of daylight saving time
    ['2027-01-05', 18], // across the new year
    ['2026-09-01', 1], // before the first session
  ])('%s is week %i when the first session is on 2026-09-08', (date, week) => {
    expect(presentationWeek(date, '2026-09-08')).toBe(week);
  });
});
