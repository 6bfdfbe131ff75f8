import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { newCourse, type TestCourse } from '../workspace/helpers';
import { setUpClass } from './helpers';

const wire = (name: string, bytes: Uint8Array | string) => ({ name, data: Buffer.from(bytes).toString('base64') });

async function xlsx(rows: (string | number | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Readings').addRows(rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const titles = async (c: TestCourse, filter: { week?: number; sessionId?: number } = {}) =>
  (await c.call('reading.list', filter)).map((r) => `${r.week ?? '-'} ${r.title}${r.link ? ` <${r.link}>` : ''}`);

describe('the reading list', () => {
  it('adds, edits and deletes readings; a reading of a session belongs to its week', async () => {
    const c = newCourse();
    const k = await setUpClass(c);
    const a = await c.call('reading.add', { title: 'Rules of Machine Learning', authors: 'Zinkevich', chapter: 1 });
    expect(a).toMatchObject({ week: null, sessionId: null, chapter: 1, authors: 'Zinkevich' });
    const b = await c.call('reading.add', { title: 'Data Validation for ML', sessionId: k.sessions[1]! });
    expect(b).toMatchObject({ week: 2, sessionId: k.sessions[1]! });
    expect(await c.call('reading.update', { id: a.id, patch: { week: 3, link: '10.1145/3292500' } })).toMatchObject({
      week: 3,
      link: '10.1145/3292500',
    });
    expect(await titles(c)).toEqual(['2 Data Validation for ML', '3 Rules of Machine Learning <10.1145/3292500>']);
    await c.call('reading.delete', { id: b.id });
    expect(await titles(c)).toEqual(['3 Rules of Machine Learning <10.1145/3292500>']);
    expect(await c.fail('reading.add', { title: 'x', sessionId: 999 })).toMatchObject({ code: 'not_found' });
    expect(await c.fail('reading.add', { title: '  ' })).toMatchObject({ code: 'invalid_input' });
  });

  it('refuses to delete a reading a recorded presentation names', async () => {
    const c = newCourse('ie7374');
    const k = await setUpClass(c);
    const r = await c.call('reading.add', { week: 1, title: 'Hidden Technical Debt' });
    await c.call('presentation.record', { sessionId: k.sessions[0]!, teamId: k.teams[0]!.id, readingIds: [r.id] });
    const refused = await c.fail('reading.delete', { id: r.id });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain('"Hidden Technical Debt" was presented (1 recorded presentation)');
  });

  it('pastes many titles and links at once as one undo step, or refuses the whole paste naming the line', async () => {
    const c = newCourse();
    const pasted = [
      'Hidden Technical Debt in Machine Learning Systems\thttps://papers.nips.cc/paper/5656',
      '',
      'The ML Test Score – https://research.google/pubs/pub46555/',
      'Challenges in Deploying Machine Learning\tPaleyes et al.\t10.1145/3533378',
      'Monitoring and explainability of models in production',
    ].join('\n');
    const preview = await c.call('reading.paste', { text: pasted, week: 4, dryRun: true });
    expect(preview.applied).toBe(false);
    expect(preview.readings.map((r) => [r.id, r.title, r.authors, r.link])).toEqual([
      [-1, 'Hidden Technical Debt in Machine Learning Systems', null, 'https://papers.nips.cc/paper/5656'],
      [-2, 'The ML Test Score', null, 'https://research.google/pubs/pub46555/'],
      [-3, 'Challenges in Deploying Machine Learning', 'Paleyes et al.', '10.1145/3533378'],
      [-4, 'Monitoring and explainability of models in production', null, null],
    ]);
    expect(await titles(c)).toEqual([]);
    const added = await c.call('reading.paste', { text: pasted, week: 4 });
    expect(added.readings.map((r) => r.week)).toEqual([4, 4, 4, 4]);
    await c.call('history.undo', {});
    expect(await titles(c)).toEqual([]);

    const bytes = c.fileBytes();
    const bad = await c.fail('reading.paste', { text: 'Good title\thttps://x.org\nhttps://only-a-link.org\nTitle\tnot a link' });
    expect(bad.code).toBe('validation_failed');
    expect(bad.message).toBe(
      '2 problems; no reading was added. Line 2: "https://only-a-link.org" has no title; put the title first, then the link. Line 3: "not a link" is not a link or DOI (https://… or 10.1234/…).',
    );
    expect((await c.fail('reading.paste', { text: '\n  \n' })).message).toContain('There is no reading in it');
    expect(c.fileBytes().equals(bytes)).toBe(true);
  });

  it('imports a .csv and an .xlsx with Title, Authors, Link, Week and Chapter columns', async () => {
    const c = newCourse();
    const csv =
      'Week,Title,Authors,DOI,Chapter\r\n1,Rules of ML,Zinkevich,,Scoping\r\n2,"Data Validation, at scale",Breck et al.,10.5555/1,2\r\n';
    const fromCsv = await c.call('reading.import', { file: wire('readings.csv', csv) });
    expect(fromCsv.readings.map((r) => [r.week, r.title, r.authors, r.link, r.chapter])).toEqual([
      [1, 'Rules of ML', 'Zinkevich', null, 1],
      [2, 'Data Validation, at scale', 'Breck et al.', '10.5555/1', 2],
    ]);
    const book = await xlsx([
      ['Reading list, fall term'],
      [],
      ['Reading', 'URL'],
      ['Monitoring ML', 'https://example.org/m'],
      [null, null],
    ]);
    const fromXlsx = await c.call('reading.import', { file: wire('readings.xlsx', book), week: 5 });
    expect(fromXlsx.readings.map((r) => [r.week, r.title, r.link])).toEqual([[5, 'Monitoring ML', 'https://example.org/m']]);
    expect((await c.call('history.state', {})).undoLabel).toBe('Import 1 reading from readings.xlsx');
  });

  it('refuses a file with bad rows, saying where, and changes nothing', async () => {
    const c = newCourse();
    const bytes = c.fileBytes();
    const book = await xlsx([
      ['Title', 'Week', 'Chapter'],
      ['Fine', 1, 1],
      [null, 2, null],
      ['Odd', 'three', 'Ethics'],
    ]);
    const refused = await c.fail('reading.import', { file: wire('bad.xlsx', book) });
    expect(refused.code).toBe('validation_failed');
    expect(refused.message).toContain("Sheet 'Readings', row 3, column A: a title is required.");
    expect(refused.message).toContain("row 4, column B: 'three' is not a week number (1 to 60).");
    const noTitle = await c.fail('reading.import', { file: wire('x.csv', 'Name,Link\r\nA,https://a.org\r\n') });
    expect(noTitle.message).toContain('No column is headed Title');
    expect(c.fileBytes().equals(bytes)).toBe(true);
  });
});
