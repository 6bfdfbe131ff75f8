import { categoryStatistics, itemStatistics } from '@shared/charts/stats';
import type { GradesTable } from './grades-table';
import { GRADES_FOOTER, GRADES_FOOTER_TITLE } from './workbook-format';

/**
 * The Grades sheet's statistics rows, one per figure, with each item and category column's figure under it
 * (the same function and numbers as the grid's Statistics dialog), after a blank row and a title.
 */
export function gradesFooterRows(
  table: Pick<GradesTable, 'snapshot' | 'results' | 'columnItems' | 'columnCategories'>,
): (string | number | null)[][] {
  const { snapshot, results } = table;
  const entries = snapshot.students.map((student, i) => ({ student, result: results.students[i]! }));
  const items = new Map(snapshot.items.map((i) => [i.id, i]));
  const stats = table.columnItems.map((id, c) => {
    if (id !== null) return itemStatistics(entries, items.get(id)!);
    const category = table.columnCategories[c];
    // The category columns hold final-view percentages, so their figures are of the final view.
    return category == null ? null : categoryStatistics(entries, category, 'final');
  });
  return [[], [GRADES_FOOTER_TITLE], ...GRADES_FOOTER.map(([label, key]) => stats.map((s, c) => (c === 0 ? label : (s?.[key] ?? null))))];
}
