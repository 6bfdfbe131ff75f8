import { z } from 'zod';
import { Id, Instant, Item, LocalDate, LocalTime } from '../model';
import { method } from './define';

export const ItemFields = z.object({
  categoryId: Id,
  name: z.string().trim().min(1).max(200),
  pointsPossible: z.number().min(0).max(100000),
  dueDate: LocalDate.nullable().optional(),
  dueTime: LocalTime.nullable().optional(),
  dueAt: Instant.nullable().optional(),
  teamGraded: z.boolean().optional(),
  neverDrop: z.boolean().optional(),
  omitFromFinal: z.boolean().optional(),
  muted: z.boolean().optional(),
});
export type ItemFields = z.infer<typeof ItemFields>;

export const SeriesSpec = z.object({
  categoryId: Id,
  prefix: z.string().trim().min(1).max(150),
  from: z.number().int().min(0).max(999),
  to: z.number().int().min(0).max(999),
  pointsPossible: z.number().min(0).max(100000),
  firstDueDate: LocalDate,
  everyDays: z.number().int().min(1).max(60),
  dueTime: LocalTime.nullable().optional(),
  teamGraded: z.boolean().optional(),
});
export type SeriesSpec = z.infer<typeof SeriesSpec>;

export const itemMethods = {
  'item.create': method(ItemFields.strict(), Item, true),
  'item.update': method(z.object({ id: Id, patch: ItemFields.partial().strict() }).strict(), Item, true),
  /** Deletes an item and its scores as one undoable step. */
  'item.delete': method(z.object({ id: Id }).strict(), z.null(), true),
  /** A weekly series, e.g. "Homework 1-12, due every Tuesday from 9 Sep". */
  'item.createSeries': method(
    SeriesSpec.strict().refine((s) => s.to >= s.from && s.to - s.from < 100, 'to must be at least from, and at most 100 items at once'),
    z.array(Item),
    true,
  ),
  /** Reorders items (ids in the new order). */
  'item.reorder': method(z.object({ ids: z.array(Id).min(1) }).strict(), z.null(), true),
};
