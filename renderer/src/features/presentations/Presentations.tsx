import { useEffect, useState } from 'react';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { DrawPanel } from './DrawPanel';
import { Readings } from './Readings';
import { Records } from './Records';
import { ReviewPanel } from './ReviewPanel';
import './presentations.css';

const PARTS = ['Draw', 'Readings', 'Records', 'Review'] as const;
type Part = (typeof PARTS)[number];

/** "Which team presents this week, and what have teams presented?" */
export function Presentations() {
  const [part, setPart] = useState<Part>(() => {
    const wanted = useApp.getState().part;
    return PARTS.find((p) => p === wanted) ?? 'Draw';
  });
  const reload = useCourse((s) => s.reload);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Presentations</h2>
      <div role="tablist" aria-label="Presentations parts">
        {PARTS.map((p) => (
          <button key={p} type="button" role="tab" aria-selected={p === part} onClick={() => setPart(p)}>
            {p}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={part}>
        {part === 'Draw' && <DrawPanel />}
        {part === 'Readings' && <Readings />}
        {part === 'Records' && <Records />}
        {part === 'Review' && <ReviewPanel />}
      </div>
    </section>
  );
}
