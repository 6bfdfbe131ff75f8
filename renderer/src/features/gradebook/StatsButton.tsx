import { create } from 'zustand';

/** The grid column whose statistics are open. */
export type StatsTarget = { kind: 'item' | 'category'; id: number };

export const useStatistics = create<{ target: StatsTarget | null; show(target: StatsTarget | null): void }>((set) => ({
  target: null,
  show: (target) => set({ target }),
}));

/** A header's small button (its Σ is drawn by CSS, so the header's text stays the column's name) that opens its column's statistics (Enter or a click; it does not sort). */
export function StatsButton({ target, name, tabIndex }: { target: StatsTarget; name: string; tabIndex: number }) {
  return (
    <button
      type="button"
      className="gb-stats"
      aria-label={`Statistics for ${name}`}
      title={`Statistics for ${name}`}
      tabIndex={tabIndex}
      // The header sorts on a click, Enter and Space; this button's own keys and clicks are its own.
      onClick={(e) => {
        e.stopPropagation();
        useStatistics.getState().show(target);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
      }}
    />
  );
}
