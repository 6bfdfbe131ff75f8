/** How a due date reads on the screens: the deadline in the course's time zone, naming the zone. */
import { localToInstant } from '../grading';
import type { Item, Policy } from '../model';
import { formatInstant } from '../time/format';

/** "Tue 8 Sep, 11:59 pm EDT" for work due on local `date` at `time` (the course's default time when null). */
export function formatDue(date: string, time: string | null, policy: Pick<Policy, 'timeZone' | 'defaultDueTime'>): string {
  const instant = localToInstant(date, time ?? policy.defaultDueTime, policy.timeZone);
  return formatInstant(new Date(instant).toISOString(), policy.timeZone);
}

/** When an item is due, in the course's words, or null when it has no due date: its exact deadline if set. */
export function itemDue(
  item: Pick<Item, 'dueAt' | 'dueDate' | 'dueTime'>,
  policy: Pick<Policy, 'timeZone' | 'defaultDueTime'>,
): string | null {
  if (item.dueAt) return formatInstant(item.dueAt, policy.timeZone);
  return item.dueDate ? formatDue(item.dueDate, item.dueTime, policy) : null;
}
