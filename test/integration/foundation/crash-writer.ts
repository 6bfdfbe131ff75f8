/**
 * Child process for the crash test: score edits, score imports and undos in a seeded random mix
 * until it is killed. Before each action it prints `begin <json>` (the cells the action will
 * leave, from its own model of the course's undo steps) and after the backend answered, `ack <n>`.
 */
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';
import { seededRandom } from '@shared/util/random';
import { cellOf, type Begin, type Cell } from './crash-cells';

const [dataDir, file, seed] = process.argv.slice(2) as [string, string, string];
const workspace = new Workspace(dataDir);
workspace.open(file);
const db = workspace.course!.db;
const students = db.prepare('SELECT id, registrar_id FROM student').all() as { id: number; registrar_id: string }[];
const items = db.prepare('SELECT id, name FROM item WHERE team_graded = 0').all() as { id: number; name: string }[];
const random = seededRandom(Number(seed));
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

/** Every cell as the course holds it now, and the undo steps this writer made (the cells each changed, as before). */
const model = new Map<string, Cell>(
  (
    db.prepare('SELECT student_id, item_id, value, status FROM score').all() as {
      student_id: number;
      item_id: number;
      value: number | null;
      status: string | null;
    }[]
  ).map((r) => [`${r.student_id}:${r.item_id}`, cellOf(r)]),
);
const steps: Map<string, Cell>[] = [];

async function call(method: string, input: unknown) {
  const env = await dispatch({ workspace }, method, input);
  if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
}

/** Announces what `after` will leave, runs it, and records it as one undo step (when it changes anything). */
async function act(n: number, kind: Begin['kind'], after: Map<string, Cell>, run: () => Promise<void>) {
  const changed = [...after].filter(([k, c]) => (model.get(k) ?? 'none') !== c);
  process.stdout.write(`begin ${JSON.stringify({ n, kind, cells: changed } satisfies Begin)}\n`);
  await run();
  process.stdout.write(`ack ${n}\n`);
  return changed;
}

async function loop() {
  for (let n = 0; ; n++) {
    if (n === 5) process.stdout.write('writing\n');
    const roll = random();
    if (roll < 0.25 && steps.length > 0) {
      const before = steps.pop()!;
      const changed = await act(n, 'undo', before, () => call('history.undo', {}));
      for (const [k, c] of changed) model.set(k, c);
      continue;
    }
    const after = new Map<string, Cell>();
    let run: () => Promise<void>;
    if (roll < 0.6) {
      const edits = students.slice(0, 1 + Math.floor(random() * students.length)).map((s) => {
        const item = pick(items);
        const value = Math.floor(random() * 21) / 2;
        after.set(`${s.id}:${item.id}`, `v:${value}`);
        return { studentId: s.id, itemId: item.id, patch: { value, status: null } };
      });
      run = () => call('score.apply', { edits, label: `edit ${n}` });
    } else {
      const columns = [pick(items), pick(items)].filter((item, i, all) => all.indexOf(item) === i);
      const lines = [['Student ID', ...columns.map((c) => c.name)].join(',')];
      for (const s of students) {
        if (random() < 0.5) continue;
        const cells = columns.map((item) => {
          const excused = random() < 0.1;
          const value = Math.floor(random() * 21) / 2;
          after.set(`${s.id}:${item.id}`, excused ? 's:excused' : `v:${value}`);
          return excused ? 'EX' : String(value);
        });
        lines.push([s.registrar_id, ...cells].join(','));
      }
      const data = Buffer.from(lines.join('\n')).toString('base64');
      run = () => call('excel.importScores', { file: { name: `import-${n}.csv`, data } });
    }
    const before = new Map([...after.keys()].map((k) => [k, model.get(k) ?? 'none']));
    const changed = await act(n, roll < 0.6 ? 'edit' : 'import', after, run);
    for (const [k, c] of changed) model.set(k, c);
    if (changed.length) steps.push(new Map(changed.map(([k]) => [k, before.get(k)!])));
  }
}
void loop();
