import type { itemMethods } from '@shared/api/items';
import { createItem, createSeries, deleteItem, reorderItems, updateItem } from '../services/items';
import { dbOf, type Handlers } from './context';

export const itemHandlers: Handlers<keyof typeof itemMethods> = {
  'item.create': (input, ctx) => createItem(dbOf(ctx), input),
  'item.update': ({ id, patch }, ctx) => updateItem(dbOf(ctx), id, patch),
  'item.delete': ({ id }, ctx) => {
    deleteItem(dbOf(ctx), id);
    return null;
  },
  'item.createSeries': (input, ctx) => createSeries(dbOf(ctx), input),
  'item.reorder': ({ ids }, ctx) => {
    reorderItems(dbOf(ctx), ids);
    return null;
  },
};
