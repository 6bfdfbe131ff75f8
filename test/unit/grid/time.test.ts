import { describe, expect, it } from 'vitest';
import { instantToLocalInput, localInputToInstant } from '@shared/grid';
import { formatInstant } from '@shared/time/format';

describe('submission times in the course time zone', () => {
  it('reads a local time in New York as the right instant, across DST', () => {
    expect(localInputToInstant('2026-09-15T23:59', 'America/New_York')).toBe('2026-09-16T03:59:00.000Z');
    expect(localInputToInstant('2026-11-10T23:59', 'America/New_York')).toBe('2026-11-11T04:59:00.000Z');
  });
  it('shows an instant back as the same local time', () => {
    expect(instantToLocalInput('2026-09-16T03:59:00.000Z', 'America/New_York')).toBe('2026-09-15T23:59');
  });
  it('formats with the zone named', () => {
    expect(formatInstant('2026-09-10T03:59:00Z', 'America/New_York')).toBe('Wed 9 Sep, 11:59 pm EDT');
  });
});
