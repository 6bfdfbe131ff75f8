import { describe, expect, it } from 'vitest';
import { decodeReport, isMeetingReport, readMeetingReport, reportMinutes, reportTime } from '../../../main/backend/excel/meeting-report';

const TZ = 'America/New_York';

describe('meeting participant reports', () => {
  it.each([
    ['11/02/2026 09:58:31 AM', '2026-11-02', '2026-11-02T14:58:31.000Z'], // Zoom, EST
    ['10/28/26, 9:59:12 AM', '2026-10-28', '2026-10-28T13:59:12.000Z'], // Teams, EDT
    ['10/28/26, 12:05:00 PM', '2026-10-28', '2026-10-28T16:05:00.000Z'],
    ['10/28/26, 12:05 AM', '2026-10-28', '2026-10-28T04:05:00.000Z'],
    ['2026-10-28 10:00:00', '2026-10-28', '2026-10-28T14:00:00.000Z'],
  ])('reads the time %s in the course zone', (text, date, instant) => {
    const t = reportTime(text, TZ)!;
    expect(t.date).toBe(date);
    expect(new Date(t.at).toISOString()).toBe(instant);
  });

  it('refuses times that are not times', () => {
    for (const bad of ['13/02/2026 09:00 AM', '10/28/26, 13:05 PM', 'yesterday', '']) expect(reportTime(bad, TZ)).toBeNull();
  });

  it.each([
    ['76', 76],
    ['1h 15m 59s', 75 + 59 / 60],
    ['45m 3s', 45.05],
    ['59s', 59 / 60],
    ['2h', 120],
    ['soon', null],
    ['', null],
  ])('reads the duration %s', (text, minutes) => {
    const m = reportMinutes(text);
    if (minutes === null) expect(m).toBeNull();
    else expect(m).toBeCloseTo(minutes, 6);
  });

  it('decodes UTF-16 with or without a byte-order mark, and UTF-8', () => {
    const text = 'Name\tEmail\nJosé\tj@x\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeReport(new Uint8Array([0xff, 0xfe, ...le]))).toBe(text);
    expect(decodeReport(new Uint8Array(le))).toBe(text);
    expect(decodeReport(new Uint8Array(Buffer.from(`\ufeff${text}`)))).toBe(text);
  });

  it('adds up the stays of someone who rejoined, and tells a report from a sign-in sheet', () => {
    const zoom = [
      'Meeting ID,Topic,Start Time,End Time',
      '1,Class,11/02/2026 10:00:00 AM,11/02/2026 11:00:00 AM',
      '',
      'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)',
      'Ana,ana@x,11/02/2026 10:05:00 AM,11/02/2026 10:20:00 AM,15',
      'Ana,ana@x,11/02/2026 10:25:00 AM,11/02/2026 11:00:00 AM,35',
    ].join('\n');
    expect(isMeetingReport(zoom)).toBe(true);
    expect(isMeetingReport('Student ID,2026-10-19\n001,P\n')).toBe(false);
    const report = readMeetingReport(zoom, TZ, 'zoom.csv');
    expect(report.date).toBe('2026-11-02');
    expect(new Date(report.start).toISOString()).toBe('2026-11-02T15:00:00.000Z');
    expect(report.participants).toEqual([{ row: 4, name: 'Ana', email: 'ana@x', joined: Date.parse('2026-11-02T15:05:00Z'), minutes: 50 }]);
    expect(() => readMeetingReport(zoom.replace('10:25:00 AM', 'later'), TZ, 'zoom.csv')).toThrow(
      /the join time or duration cannot be read on line 6 \(Ana\)/,
    );
  });
});
