import { describe, expect, it } from 'vitest';
import { API } from '@shared/api';
import { HANDLERS } from '../../../main/backend/rpc/dispatch';

describe('API handlers', () => {
  it('every contract method has a handler', () => {
    expect(Object.keys(API).filter((m) => typeof (HANDLERS as Record<string, unknown>)[m] !== 'function')).toEqual([]);
  });

  it('no handler is registered for a method outside the contract', () => {
    expect(Object.keys(HANDLERS).filter((m) => !Object.hasOwn(API, m))).toEqual([]);
  });
});
