import { describe, expect, it } from 'vitest';
import { API } from '../../../shared/api';
import { HANDLERS, missingHandlers } from '../../../main/backend/rpc/dispatch';

describe('API handlers', () => {
  it('every contract method has a handler', () => {
    expect(missingHandlers()).toEqual([]);
  });

  it('no handler is registered for a method outside the contract', () => {
    expect(Object.keys(HANDLERS).filter((m) => !Object.hasOwn(API, m))).toEqual([]);
  });
});
