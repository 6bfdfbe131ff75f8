import type { CellMark } from '@shared/grid';

/** Inline SVG so the marks draw the same everywhere (no emoji font needed). */
type Mark = CellMark | 'override' | 'omitted';

const PATHS: Partial<Record<Mark, { d: string; label: string }>> = {
  override: { d: 'M6 1h4v1.5L9 3v4l2.5 2.5V11H8.75v4h-1.5v-4H4.5V9.5L7 7V3L6 2.5z', label: 'overridden' },
  late: {
    d: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.5a5 5 0 1 1 0 10A5 5 0 0 1 8 3zm-.75 1.5v4.1l3 1.8.75-1.25-2.25-1.35V4.5z',
    label: 'late',
  },
  integrity: { d: 'M8 1 2.5 3v4.5c0 3.3 2.3 6.2 5.5 7.5 3.2-1.3 5.5-4.2 5.5-7.5V3z', label: 'integrity finding' },
  team: {
    d: 'M5.5 3a2.25 2.25 0 1 1 0 4.5 2.25 2.25 0 0 1 0-4.5zm5.5.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM1 13c0-2.5 2-4 4.5-4S10 10.5 10 13zm10.5 0c0-1.4-.4-2.6-1.2-3.5.3-.1.5-.1.7-.1 2.2 0 4 1.3 4 3.6z',
    label: 'team score',
  },
  adjusted: { d: 'M8 5a3 3 0 1 1 0 6 3 3 0 0 1 0-6z', label: 'individually adjusted' },
  'extra-credit': { d: 'M6.75 2.5h2.5v4.25h4.25v2.5H9.25v4.25h-2.5V9.25H2.5v-2.5h4.25z', label: 'extra credit' },
  comment: { d: 'M2 2.5h12v8H6l-3.5 3v-3H2z', label: 'comment' },
  'auto-missing': {
    d: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM7.25 4h1.5v5h-1.5zm0 6.5h1.5V12h-1.5z',
    label: 'missing by the missing-work policy',
  },
  omitted: {
    d: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.5c1.1 0 2.1.35 2.9.95L3.95 10.9A5 5 0 0 1 8 3zm4.05 2.1A5 5 0 0 1 5.1 12.05z',
    label: 'does not count toward the final grade',
  },
  dropped: { d: 'M7 2h2v8.5l2.8-2.8 1.4 1.4L8 14.3 2.8 9.1l1.4-1.4L7 10.5z', label: 'dropped' },
};

export function MarkIcon({ mark }: { mark: Mark }) {
  const p = PATHS[mark];
  if (!p) return null;
  return (
    <svg className={`gb-icon gb-icon-${mark}`} viewBox="0 0 16 16" width="11" height="11" role="img" aria-label={p.label}>
      <path d={p.d} fill="currentColor" />
    </svg>
  );
}
