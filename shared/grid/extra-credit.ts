import type { CellEdit } from '../api';
import { fmtPoints } from '../grading/format';
import { plural } from '../text/words';
import type { Item } from '../model';

/** A score above its item's points possible: kept as extra credit. */
export interface AboveMaximum {
  item: string;
  value: number;
  possible: number;
}

/** The edits that put a score above points possible, in edit order. */
export function aboveMaximum(edits: readonly CellEdit[], items: readonly Item[]): AboveMaximum[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: AboveMaximum[] = [];
  for (const e of edits) {
    const item = byId.get(e.itemId);
    const value = e.patch.value;
    if (item && value != null && value > item.pointsPossible) out.push({ item: item.name, value, possible: item.pointsPossible });
  }
  return out;
}

const one = (a: AboveMaximum) => `${fmtPoints(a.value)} on ${a.item} (out of ${fmtPoints(a.possible)})`;

/** The scores, the first three named: "15 on Homework 2 (out of 10), 12 on Quiz 1 (out of 10) and 2 more". */
function listed(over: readonly AboveMaximum[]): string {
  const more = over.length > 3 ? ` and ${over.length - 3} more` : '';
  return `${over.slice(0, 3).map(one).join(', ')}${more}`;
}

/** The notice after saving: "Kept as extra credit: 15 on Homework 2 (out of 10)." */
export function extraCreditNotice(over: readonly AboveMaximum[]): string {
  if (over.length === 1) return `Kept as extra credit: ${one(over[0]!)}.`;
  return `Kept as extra credit: ${plural(over.length, 'score')} above points possible (${listed(over)}).`;
}

/** The question before saving, when the course asks for it. */
export function extraCreditQuestion(over: readonly AboveMaximum[]): string {
  if (over.length === 1) return `${one(over[0]!)} is above points possible. Save it as extra credit?`;
  return `${plural(over.length, 'score')} are above points possible (${listed(over)}). Save them as extra credit?`;
}
