import { useEffect, useState } from 'react';
import { useApp } from '../../stores/app';
import { useCourse } from '../../stores/course';
import '../common/screens.css';
import { Items } from '../items/Items';
import { PolicyEditor } from './PolicyEditor';

const TABS = ['Course policy', 'Items'] as const;

/** "What are the rules?" The policy form, and the graded items of each category. */
export function Settings() {
  // A button elsewhere (e.g. the grid's "No items yet") can lead straight to a part.
  const [tab, setTab] = useState<(typeof TABS)[number]>(() => (useApp.getState().part === 'Items' ? 'Items' : 'Course policy'));
  const reload = useCourse((s) => s.reload);
  const course = useApp((s) => s.app?.course);
  useEffect(() => {
    void reload();
  }, [reload]);
  return (
    <section aria-labelledby="screen-title">
      <h2 id="screen-title">Settings</h2>
      <div role="tablist" aria-label="Settings parts">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === tab} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab}>
        {/* Keyed by the saved policy so an undo elsewhere refills the form. */}
        {tab === 'Course policy' ? <PolicyEditor key={JSON.stringify([course?.policy, course?.categories, course?.info])} /> : <Items />}
      </div>
    </section>
  );
}
