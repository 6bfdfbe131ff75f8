import { useState } from 'react';
import type { Item } from '@shared/model';
import { itemDue } from '@shared/screens/due';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import { step } from '../../stores/undo';
import { ItemDialog, SeriesDialog } from './ItemDialogs';
import { ColumnHeads } from '../common/ColumnHeads';
import { plural } from '@shared/text/words';

type Editing = { kind: 'item'; item: Item | null; categoryId: number } | { kind: 'series'; categoryId: number } | null;

/** The graded items of each category: add, edit, delete (undoable) and weekly series. */
export function Items() {
  const { snapshot, mutate } = useCourse();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  if (!snapshot) return null;
  const categories = [...snapshot.categories].sort((a, b) => a.position - b.position);

  const remove = async (item: Item) => {
    if ((await mutate(`Deleting ${item.name}`, () => api('item.delete', { id: item.id }))) !== undefined) setDeleted(item.name);
  };
  const undoDelete = async () => {
    await step('undo');
    setDeleted(null);
  };

  return (
    <section aria-labelledby="items-title">
      <h3 id="items-title" className="visually-hidden">
        Items
      </h3>
      {deleted && (
        <div role="status" className="message notice">
          <span>Deleted “{deleted}” and its scores.</span>
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
        </div>
      )}
      {categories
        .filter((c) => c.kind === 'items')
        .map((c) => {
          const items = snapshot.items.filter((i) => i.categoryId === c.id).sort((a, b) => a.position - b.position);
          return (
            <section key={c.id} className="panel" aria-labelledby={`cat-${c.id}`}>
              <div className="toolbar">
                <h3 id={`cat-${c.id}`}>
                  {c.name} <span className="muted">({plural(items.length, 'item')})</span>
                </h3>
                <span className="spacer" />
                <button type="button" onClick={() => setEditing({ kind: 'item', item: null, categoryId: c.id })}>
                  Add item to {c.name}
                </button>
                <button type="button" onClick={() => setEditing({ kind: 'series', categoryId: c.id })}>
                  Add a weekly series to {c.name}
                </button>
              </div>
              {items.length === 0 ? (
                <p className="muted">No items in {c.name} yet. Add one, or a weekly series.</p>
              ) : (
                <table className="data" aria-label={`Items in ${c.name}`}>
                  <ColumnHeads columns={['Name', { label: 'Points', num: true }, 'Due', 'Options', 'Actions']} />
                  <tbody>
                    {items.map((i) => (
                      <tr key={i.id}>
                        <td>{i.name}</td>
                        <td className="num">{i.pointsPossible}</td>
                        <td>
                          {itemDue(i, snapshot.policy) ?? <span className="muted">no due date</span>}
                          {i.dueAt && ' (exact)'}
                        </td>
                        <td>
                          {i.teamGraded && <span className="badge">team</span>}
                          {i.neverDrop && <span className="badge">never drop</span>}
                          {i.muted && <span className="badge">muted</span>}
                          {i.omitFromFinal && <span className="badge">does not count</span>}
                        </td>
                        <td>
                          <button
                            type="button"
                            aria-label={`Edit ${i.name}`}
                            onClick={() => setEditing({ kind: 'item', item: i, categoryId: c.id })}
                          >
                            Edit
                          </button>{' '}
                          <button type="button" className="danger" aria-label={`Delete ${i.name}`} onClick={() => void remove(i)}>
                            Delete
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          );
        })}
      {editing?.kind === 'item' && (
        <ItemDialog item={editing.item} categoryId={editing.categoryId} categories={categories} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'series' && (
        <SeriesDialog categoryId={editing.categoryId} categories={categories} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
