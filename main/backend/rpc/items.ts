import type { itemMethods } from '../../../shared/api/items';
import { requireCourse } from '../services/course';
import { createItem, createSeries, deleteItem, reorderItems, updateItem } from '../services/items';
import type { Ctx, Handlers } from './context';

const db = (ctx: Ctx) => requireCourse(ctx.workspace.course).db;

export const itemHandlers: Handlers<keyof typeof itemMethods> = {
  'item.create': (input, ctx) => createItem(db(ctx), input),
  'item.update': ({ id, patch }, ctx) => updateItem(db(ctx), id, patch),
  'item.delete': ({ id }, ctx) => {
    deleteItem(db(ctx), id);
    return null;
  },
  'item.createSeries': (input, ctx) => createSeries(db(ctx), input),
  'item.reorder': ({ ids }, ctx) => {
    reorderItems(db(ctx), ids);
    return null;
  },
};
