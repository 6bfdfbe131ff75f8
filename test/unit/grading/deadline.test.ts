import { describe, expect, it } from 'vitest';
import { addCalendarDays, deadlineInstant, localToInstant } from '@shared/grading';

const NY = 'America/New_York';
const iso = (t: number) => new Date(t).toISOString();

describe('deadlines in the course time zone', () => {
  it('is the end of the due minute, local time', () => {
    expect(iso(deadlineInstant('2024-10-01', '23:59', NY))).toBe('2024-10-02T03:59:59.999Z'); // EDT, UTC−4
    expect(iso(deadlineInstant('2024-12-01', '23:59', NY))).toBe('2024-12-02T04:59:59.999Z'); // EST, UTC−5
    expect(iso(deadlineInstant('2024-07-01', '09:30', 'Europe/Berlin'))).toBe('2024-07-01T07:30:59.999Z');
  });

  it('stays 23:59 in the week daylight saving ends (first Sunday of November)', () => {
    expect(iso(deadlineInstant('2024-11-02', '23:59', NY))).toBe('2024-11-03T03:59:59.999Z'); // Saturday, still EDT
    expect(iso(deadlineInstant('2024-11-03', '23:59', NY))).toBe('2024-11-04T04:59:59.999Z'); // Sunday, EST
    // the ambiguous 01:30 on the change night resolves to its first occurrence (EDT)
    expect(iso(localToInstant('2024-11-03', '01:30', NY))).toBe('2024-11-03T05:30:00.000Z');
  });

  it('stays 23:59 in the week daylight saving starts (second Sunday of March)', () => {
    expect(iso(deadlineInstant('2024-03-09', '23:59', NY))).toBe('2024-03-10T04:59:59.999Z'); // EST
    expect(iso(deadlineInstant('2024-03-10', '23:59', NY))).toBe('2024-03-11T03:59:59.999Z'); // EDT
    // 02:30 does not exist that night; it resolves to the instant the clock jumps past it
    expect(iso(localToInstant('2024-03-10', '02:30', NY))).toBe('2024-03-10T07:30:00.000Z');
  });

  it('extends by calendar days, so 23:59 stays 23:59 across a DST change', () => {
    expect(iso(deadlineInstant('2024-11-01', '23:59', NY, 3))).toBe('2024-11-05T04:59:59.999Z'); // Nov 4, 23:59 EST
    expect(iso(deadlineInstant('2024-11-01', '23:59', NY, 0.5))).toBe('2024-11-02T15:59:59.999Z'); // + 12 h elapsed
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});
