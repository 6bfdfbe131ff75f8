import { useCourse } from '../../../stores/course';

/** One empty list, so store selectors answer the same value while no course is loaded. */
export const NONE: never[] = [];

/** The course's categories that hold items, for new items. */
export function CategorySelect({ value, onChange, label }: { value: number | undefined; onChange: (id: number) => void; label?: string }) {
  const categories = useCourse((s) => s.snapshot?.categories ?? NONE).filter((c) => c.kind === 'items');
  return (
    <select aria-label={label} value={value ?? categories[0]?.id ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
      {categories.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
