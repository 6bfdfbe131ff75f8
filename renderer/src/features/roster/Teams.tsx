import { useState } from 'react';
import type { Team } from '@shared/model';
import { api } from '../../api/client';
import { useCourse } from '../../stores/course';

/** Create, rename and randomly form teams; assignment is the per-student select in the table. */
export function Teams({ teams, sizes }: { teams: readonly Team[]; sizes: ReadonlyMap<number, number> }) {
  const mutate = useCourse((s) => s.mutate);
  const [name, setName] = useState('');
  const [size, setSize] = useState('5');
  const [reshuffle, setReshuffle] = useState(false);
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);

  const create = async () => {
    if (!name.trim()) return;
    if (await mutate('Creating the team', () => api('team.create', { name: name.trim() }))) setName('');
  };
  const rename = async () => {
    if (!renaming || !renaming.name.trim()) return;
    if (await mutate('Renaming the team', () => api('team.rename', { id: renaming.id, name: renaming.name.trim() }))) setRenaming(null);
  };
  const formRandom = async () => {
    const n = Number(size);
    await mutate('Forming random teams', () => api('team.formRandom', { size: n, reshuffle }));
  };

  return (
    <section className="panel" aria-labelledby="teams-title">
      <h3 id="teams-title">Teams</h3>
      {teams.length === 0 ? (
        <p className="muted">No teams yet. Create one, or form random teams from the students without a team.</p>
      ) : (
        <ul className="team-list">
          {teams.map((t) =>
            renaming?.id === t.id ? (
              <li key={t.id}>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void rename();
                  }}
                >
                  <input
                    aria-label={`New name for ${t.name}`}
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: t.id, name: e.target.value })}
                  />
                  <button type="submit">Save name</button>
                  <button type="button" onClick={() => setRenaming(null)}>
                    Cancel
                  </button>
                </form>
              </li>
            ) : (
              <li key={t.id}>
                <span>
                  {t.name} <span className="muted">({sizes.get(t.id) ?? 0})</span>
                </span>
                <button type="button" aria-label={`Rename ${t.name}`} onClick={() => setRenaming({ id: t.id, name: t.name })}>
                  Rename
                </button>
              </li>
            ),
          )}
        </ul>
      )}
      <div className="toolbar">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <label>
            New team name <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>{' '}
          <button type="submit" disabled={!name.trim()}>
            Create team
          </button>
        </form>
        <span className="spacer" />
        <label>
          Team size <input type="number" min={1} max={50} value={size} onChange={(e) => setSize(e.target.value)} style={{ width: 60 }} />
        </label>
        <label>
          <input type="checkbox" checked={reshuffle} onChange={(e) => setReshuffle(e.target.checked)} /> Reshuffle everyone
        </label>
        <button type="button" onClick={() => void formRandom()} disabled={!(Number(size) >= 1)}>
          Form random teams
        </button>
      </div>
    </section>
  );
}
