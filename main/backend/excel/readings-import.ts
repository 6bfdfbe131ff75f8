import type { ReadingFields, ReadingsAdded } from '@shared/api/presentations';
import { SYLLABUS_CHAPTERS } from '@shared/model';
import type { Course } from '../services/course';
import { isLink } from '@shared/screens/presentationForm';
import { addReadings, type ReadingTarget } from '../services/readings';
import { commitImport, courseVersion, type ImportFile } from './apply';
import { detectHeaderRow, pickSheet } from './detect';
import { Problems } from './problems';
import { readSpreadsheet } from './read';
import { cellNumber, cellText, type CellValue } from './sheet';
import { plural } from '@shared/text/words';

type Field = 'title' | 'authors' | 'link' | 'week' | 'chapter';

const HEADERS: Record<Field, RegExp> = {
  title: /^(title|reading|paper|article)s?$/i,
  authors: /^authors?$/i,
  link: /^(link|url|doi|link or doi)$/i,
  week: /^week$/i,
  chapter: /^(chapter|syllabus chapter)$/i,
};

function columnsOf(header: readonly CellValue[]): Partial<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  header.forEach((h, c) => {
    const field = (Object.keys(HEADERS) as Field[]).find((f) => HEADERS[f].test(cellText(h)));
    if (field && found[field] === undefined) found[field] = c;
  });
  return found;
}

/** A chapter cell: its number (1-5) or its name ("Data", "Model development"). */
function chapterOf(text: string): number | null {
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= SYLLABUS_CHAPTERS.length) return n;
  const i = SYLLABUS_CHAPTERS.findIndex((c) => c.toLowerCase() === text.toLowerCase());
  return i >= 0 ? i + 1 : null;
}

/**
 * A reading list from .csv or .xlsx: a Title column (or Reading, Paper) and optional Authors,
 * Link (URL, DOI), Week and Chapter. Checked whole, then one undo step after a backup.
 */
export async function importReadings(course: Course, file: ImportFile, target: ReadingTarget): Promise<ReadingsAdded> {
  const book = await readSpreadsheet(file.bytes, file.name);
  const sheet = pickSheet(book, undefined);
  const headerRow = detectHeaderRow(sheet, (row) => (columnsOf(row).title === undefined ? 0 : 2));
  const col = columnsOf(sheet.rows[headerRow] ?? []);
  const problems = new Problems();
  const drafts: ReadingFields[] = [];
  if (col.title === undefined) {
    problems.error(sheet.name, headerRow, null, 'No column is headed Title (or Reading, Paper). Name the column that holds the titles.');
  }
  for (let r = headerRow + 1; col.title !== undefined && r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const text = (f: Field) => (col[f] === undefined ? '' : cellText(row[col[f]]));
    if (row.every((c) => cellText(c) === '')) continue;
    const title = text('title');
    let ok = true;
    const bad = (f: Field, message: string) => {
      problems.error(sheet.name, r, col[f]!, message);
      ok = false;
    };
    if (!title) bad('title', 'a title is required.');
    if (title.length > 500) bad('title', 'the title is longer than 500 characters.');
    const link = text('link');
    if (link && !isLink(link)) bad('link', `'${link.slice(0, 60)}' is not a link or DOI (https://… or 10.1234/…).`);
    const weekText = text('week');
    const week = weekText === '' ? null : cellNumber(row[col.week!], book.decimalComma);
    if (week !== null && !(Number.isInteger(week) && week >= 1 && week <= 60)) bad('week', `'${weekText}' is not a week number (1 to 60).`);
    const chapterText = text('chapter');
    const chapter = chapterText === '' ? null : chapterOf(chapterText);
    if (chapterText && chapter === null) {
      bad('chapter', `'${chapterText}' is not a syllabus chapter: give 1 to 5 or one of ${SYLLABUS_CHAPTERS.join(', ')}.`);
    }
    if (ok) drafts.push({ title, authors: text('authors') || null, link: link || null, week, chapter });
  }
  const readAt = courseVersion(course);
  const label = `Import ${plural(drafts.length, 'reading')} from ${file.name || 'a file'}`;
  return addReadings(course.db, drafts, problems.list, target, (insert) => commitImport(course, readAt, label, file, insert));
}
