import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { count, newCourse, type TestCourse } from '../workspace/helpers';
import { setUpClass } from './helpers';

const bytesOf = (file: { data: string }) => Buffer.from(file.data, 'base64');

async function termSoFar(): Promise<TestCourse> {
  const c = newCourse('ie7374');
  const k = await setUpClass(c);
  const [falcons, hawks] = k.teams;
  const r = await c.call('reading.add', { week: 1, title: 'Hidden Technical Debt in ML Systems' });
  const d = await c.call('draw.run', {
    sessionId: k.sessions[0]!,
    seed: 'w1',
    exclusions: [
      { teamId: hawks!.id, reason: 'Away' },
      { teamId: k.teams[2]!.id, reason: 'Away' },
    ],
  });
  expect(d.teams[0]!.teamId).toBe(falcons!.id);
  await c.call('presentation.record', {
    sessionId: k.sessions[0]!,
    teamId: falcons!.id,
    readingIds: [r.id],
    rubric: [{ criterion: 'Score', points: 8.5 }],
    durationMinutes: 15,
    feedback: '=Good pacing',
  });
  const w2 = await c.call('draw.run', { sessionId: k.sessions[1]!, seed: 'w2' });
  await c.call('draw.withdraw', { id: w2.id, reason: 'Class cancelled' });
  return c;
}

describe('exporting presentations', () => {
  it('writes a CSV row per presentation and per draw without one, with seeds and verification', async () => {
    const c = await termSoFar();
    const file = await c.call('presentation.export', { format: 'csv' });
    expect(file).toMatchObject({ mime: 'text/csv', name: expect.stringMatching(/^IE-7374-presentations-\d{4}-\d{2}-\d{2}\.csv$/) });
    const rows = Papa.parse<string[]>(
      bytesOf(file)
        .toString('utf8')
        .replace(/^\ufeff/, ''),
    ).data.filter((r) => r.length > 1);
    expect(rows[0]).toEqual([
      'Week',
      'Date',
      'Team',
      'Readings',
      'Presenters',
      'Score',
      'Points possible',
      'Rubric',
      'Duration (min)',
      'Feedback',
      'Draw',
      'Drawn at',
      'Seed',
      'Verified',
    ]);
    expect(rows[1]!.slice(0, 10)).toEqual([
      '1',
      '2026-09-08',
      'Falcons',
      'Hidden Technical Debt in ML Systems',
      'Last1, First1; Last2, First2; Last3, First3',
      '8.5',
      '10',
      'Score 8.5',
      '15',
      "'=Good pacing",
    ]);
    expect(rows[1]!.slice(12)).toEqual(['w1', 'yes']);
    expect(rows[2]!.slice(0, 4)).toEqual(['2', '2026-09-15', expect.any(String), '(draw withdrawn: Class cancelled)']);
    expect(rows[2]!.slice(12)).toEqual(['w2', 'yes']);
  });

  it('fills the Presentations sheet of the workbook, and the workbook brings the draws back', async () => {
    const c = await termSoFar();
    for (const file of [await c.call('presentation.export', { format: 'xlsx' }), await c.call('excel.exportWorkbook', {})]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytesOf(file) as never);
      const sheet = wb.getWorksheet('Presentations')!;
      const values: unknown[][] = [];
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
      const header = values.findIndex((r) => r[0] === 'Week');
      expect(values.slice(header + 1).map((r) => [r[0], r[2], r[5], r[12]])).toEqual([
        [1, 'Falcons', 8.5, 'w1'],
        [2, expect.any(String), undefined, 'w2'],
      ]);
    }
    // The course's own workbook imported back over it matches it: nothing written, the draws stay, none erased.
    const workbook = await c.call('excel.exportWorkbook', {});
    const report = await c.call('excel.importWorkbook', { file: { name: workbook.name, data: workbook.data } });
    expect(report.applied).toBe(false);
    expect(count(c, 'SELECT * FROM presentation_draw')).toBe(2);
    expect(count(c, 'SELECT * FROM reading')).toBe(1);
    expect((await c.call('draw.verifyAll', {})).ok).toBe(true);
    expect((await c.call('presentation.review', {})).cells).toHaveLength(1);
  });
});
