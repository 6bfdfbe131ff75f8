import { afterAll, afterEach, beforeEach } from 'vitest';
import { plural } from '@shared/text/words';
import { openConnections, type Db } from '../../main/backend/db/open';

// Fails any test that leaves a course file open (a leaked handle keeps WAL files and locks
// around and hides a missing close in the code under test). Runs after the test's own hooks.
let before = new Set<Db>();

function closeLeaked(leaked: Db[], where: string): void {
  if (leaked.length === 0) return;
  for (const db of leaked) db.close();
  throw new Error(
    `${where} left ${plural(leaked.length, 'course file')} open: ${leaked.map((db) => db.name).join(', ')}. Close it in the test (afterEach, or the newCourse() helper).`,
  );
}

beforeEach(() => {
  before = new Set(openConnections());
});
afterEach(() =>
  closeLeaked(
    openConnections().filter((db) => !before.has(db)),
    'The test',
  ),
);
afterAll(() => closeLeaked(openConnections(), 'The test file'));
