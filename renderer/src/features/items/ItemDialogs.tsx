import { useState } from 'react';
import { ApiError } from '@shared/api';
import type { Category, Item } from '@shared/model';
import { emptyItem, formToItem, formToSeries, itemToForm, type ItemForm, type SeriesForm } from '@shared/screens/itemForm';
import type { FieldErrors } from '@shared/screens/fields';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';
import { announce } from '../common/announce';
import { Field, FormDialog } from '../common/Dialog';
import { plural } from '@shared/text/words';

/** Saves through the backend, keeping its refusal inside the dialog; says what was saved once it is. */
function useSave(onClose: () => void) {
  const reload = useCourse((s) => s.reload);
  const [failure, setFailure] = useState<string | null>(null);
  const save = async <T,>(action: () => Promise<T>, saved: (result: T) => string) => {
    try {
      const result = await action();
      await reload();
      onClose();
      announce(saved(result));
    } catch (err) {
      setFailure(err instanceof ApiError ? err.message : `Saving failed: ${(err as Error).message}`);
    }
  };
  return { failure, save };
}

function CategorySelect({
  categories,
  value,
  onChange,
}: {
  categories: readonly Category[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label="Category">
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {categories
            .filter((c) => c.kind === 'items')
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

export function ItemDialog({
  item,
  categoryId,
  categories,
  onClose,
}: {
  item: Item | null;
  categoryId: number;
  categories: readonly Category[];
  onClose: () => void;
}) {
  const [form, setForm] = useState<ItemForm>(item ? itemToForm(item) : emptyItem(categoryId));
  const [errors, setErrors] = useState<FieldErrors<ItemForm>>({});
  const { failure, save } = useSave(onClose);
  const set = (patch: Partial<ItemForm>) => setForm({ ...form, ...patch });
  const submit = () => {
    const r = formToItem(form);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok)
      void save(
        () => (item ? api('item.update', { id: item.id, patch: r.fields }) : api('item.create', r.fields)),
        () => (item ? `Saved ${r.fields.name ?? item.name}.` : `Added ${r.fields.name}.`),
      );
  };
  return (
    <FormDialog
      title={item ? `Edit ${item.name}` : 'Add an item'}
      onClose={onClose}
      onSubmit={submit}
      failure={failure}
      submit={item ? 'Save item' : 'Add item'}
    >
      <div className="grid-2">
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} value={form.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <CategorySelect categories={categories} value={form.categoryId} onChange={(categoryId) => set({ categoryId })} />
        <Field label="Points possible" error={errors.pointsPossible}>
          {(p) => (
            <input {...p} inputMode="decimal" value={form.pointsPossible} onChange={(e) => set({ pointsPossible: e.target.value })} />
          )}
        </Field>
        <Field label="Due date" error={errors.dueDate}>
          {(p) => <input {...p} type="date" value={form.dueDate} onChange={(e) => set({ dueDate: e.target.value })} />}
        </Field>
        <Field label="Due time (empty: the course default)" error={errors.dueTime}>
          {(p) => <input {...p} type="time" value={form.dueTime} onChange={(e) => set({ dueTime: e.target.value })} />}
        </Field>
        <Field label="Exact deadline, to the second (empty: the date and time above)" error={errors.dueAt}>
          {(p) => (
            <input {...p} placeholder="2026-09-15T23:59:59-04:00" value={form.dueAt} onChange={(e) => set({ dueAt: e.target.value })} />
          )}
        </Field>
      </div>
      {(
        [
          ['teamGraded', 'Team-graded (one score per team)'],
          ['neverDrop', 'Never drop (exempt from drop-lowest)'],
          ['muted', 'Muted (hidden from student-facing exports)'],
          ['omitFromFinal', 'Does not count toward the final grade (shown and kept)'],
        ] as const
      ).map(([key, label]) => (
        <label key={key} className="check">
          <input type="checkbox" checked={form[key]} onChange={(e) => set({ [key]: e.target.checked })} /> {label}
        </label>
      ))}
    </FormDialog>
  );
}

export function SeriesDialog({
  categoryId,
  categories,
  onClose,
}: {
  categoryId: number;
  categories: readonly Category[];
  onClose: () => void;
}) {
  const [form, setForm] = useState<SeriesForm>({
    categoryId: String(categoryId),
    prefix: '',
    from: '1',
    to: '12',
    pointsPossible: '10',
    firstDueDate: '',
    everyDays: '7',
    teamGraded: false,
  });
  const [errors, setErrors] = useState<FieldErrors<SeriesForm>>({});
  const { failure, save } = useSave(onClose);
  const set = (patch: Partial<SeriesForm>) => setForm({ ...form, ...patch });
  const text = (key: Exclude<keyof SeriesForm, 'teamGraded'>, label: string, type = 'text') => (
    <Field label={label} error={errors[key]}>
      {(p) => <input {...p} type={type} value={form[key]} onChange={(e) => set({ [key]: e.target.value })} />}
    </Field>
  );
  const submit = () => {
    const r = formToSeries(form);
    setErrors(r.ok ? {} : r.errors);
    if (r.ok)
      void save(
        () => api('item.createSeries', r.input),
        (items) => `Added ${plural(items.length, 'item')}: ${r.input.prefix} ${r.input.from}–${r.input.to}.`,
      );
  };
  return (
    <FormDialog title="Add a weekly series" onClose={onClose} onSubmit={submit} failure={failure} submit="Add series">
      <div className="grid-2">
        {text('prefix', 'Name prefix (e.g. Homework)')}
        <CategorySelect categories={categories} value={form.categoryId} onChange={(categoryId) => set({ categoryId })} />
        {text('from', 'Numbered from')}
        {text('to', 'to')}
        {text('pointsPossible', 'Points possible each')}
        {text('firstDueDate', 'First due date', 'date')}
        {text('everyDays', 'Every how many days')}
      </div>
      <label className="check">
        <input type="checkbox" checked={form.teamGraded} onChange={(e) => set({ teamGraded: e.target.checked })} /> Team-graded
      </label>
    </FormDialog>
  );
}
