import { describe, expect, it } from 'vitest';
import { aboveMaximum, extraCreditNotice, extraCreditQuestion } from '@shared/grid';
import { item } from '../grading/helpers';

const items = [item(1, 1, 10, { name: 'Homework 2' }), item(2, 1, 5, { name: 'Quiz 1' }), item(3, 1, 0, { name: 'Bonus' })];
const edit = (itemId: number, value: number | null, teamId?: number) =>
  teamId ? { teamId, itemId, patch: { value } } : { studentId: 1, itemId, patch: { value } };

describe('scores above points possible', () => {
  it('finds only values above the item’s points possible, team scores included', () => {
    expect(aboveMaximum([edit(1, 10), edit(1, 15), edit(2, 5.5, 4), edit(1, null), edit(3, 2), edit(99, 50)], items)).toEqual([
      { item: 'Homework 2', value: 15, possible: 10 },
      { item: 'Quiz 1', value: 5.5, possible: 5 },
      { item: 'Bonus', value: 2, possible: 0 },
    ]);
  });

  it('says what was kept, and asks first in the same words', () => {
    const one = aboveMaximum([edit(1, 15)], items);
    expect(extraCreditNotice(one)).toBe('Kept as extra credit: 15 on Homework 2 (out of 10).');
    expect(extraCreditQuestion(one)).toBe('15 on Homework 2 (out of 10) is above points possible. Save it as extra credit?');
    const many = aboveMaximum([edit(1, 11), edit(1, 12), edit(2, 6), edit(1, 13), edit(2, 7)], items);
    expect(extraCreditNotice(many)).toBe(
      'Kept as extra credit: 5 scores above points possible (11 on Homework 2 (out of 10), 12 on Homework 2 (out of 10), 6 on Quiz 1 (out of 5) and 2 more).',
    );
    expect(extraCreditQuestion(many.slice(0, 2))).toBe(
      '2 scores are above points possible (11 on Homework 2 (out of 10), 12 on Homework 2 (out of 10)). Save them as extra credit?',
    );
  });
});
