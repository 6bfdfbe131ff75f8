/**
 * Who a Canvas row is, and where a new Canvas assignment goes. Rows are matched by SIS User ID,
 * then by SIS login against an email (whole or its local part); a row matched only by its name
 * is uncertain, and the instructor confirms it or adds a new student, so no import creates a
 * duplicate or merges two people without being told to.
 */

/** "=Núñez, José", "'José Núñez", "JOSE NUNEZ" → "jose nunez": accents, case, order and a formula guard ignored. */
export function nameKey(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/^[\s='"]+/, '')
    .toLowerCase();
  const comma = plain.indexOf(',');
  const ordered = comma >= 0 ? `${plain.slice(comma + 1)} ${plain.slice(0, comma)}` : plain;
  return ordered
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');
}

export interface CategoryChoice {
  id: number;
  name: string;
}

/** Words that point at a category beyond its own name: the syllabus's kinds of work. */
const SYNONYMS: Record<string, string[]> = {
  homework: ['hw', 'assignment', 'exercise', 'lab'],
  reading: ['summary', 'summaries', 'paper', 'article'],
  project: ['milestone', 'scoping', 'deliverable', 'deployment', 'monitoring'],
};

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1)
    .map((w) => w.replace(/s$/, ''));

/**
 * The category a new assignment most likely belongs to, from its title and the assignment
 * groups the file names ("Homeworks Current Score" columns): the category whose name, or the
 * group words that name it, share a word with the title. null when nothing points anywhere.
 */
export function guessCategory(title: string, categories: readonly CategoryChoice[], groups: readonly string[]): number | null {
  const t = new Set(words(title));
  let best: { id: number; score: number } | null = null;
  for (const c of categories) {
    const own = words(c.name);
    const related = [...own, ...own.flatMap((w) => SYNONYMS[w] ?? [])];
    const group = groups.find((g) => words(g).join(' ') === own.join(' '));
    const score = related.filter((w) => t.has(w)).length + (group && words(group).some((w) => t.has(w)) ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/** Assignment-group names from a Canvas export's "<Group> Current Score" columns. */
export function groupNames(header: readonly string[]): string[] {
  return header.flatMap((h) => {
    const m = /^(.+?) (Unposted )?Current Score$/.exec(h.trim());
    return m && !m[2] && m[1] !== 'Unposted' ? [m[1]!] : [];
  });
}
