/** Child process for the crash test: writes score edits in a loop until it is killed. */
import { dispatch } from '../../../main/backend/rpc/dispatch';
import { Workspace } from '../../../main/backend/workspace';

const [dataDir, file] = process.argv.slice(2) as [string, string];
const workspace = new Workspace(dataDir);
workspace.open(file);
const db = workspace.course!.db;
const students = (db.prepare('SELECT id FROM student').all() as { id: number }[]).map((r) => r.id);
const items = (db.prepare('SELECT id FROM item WHERE team_graded = 0').all() as { id: number }[]).map((r) => r.id);

async function loop() {
  for (let n = 0; ; n++) {
    const edits = students.map((studentId, i) => ({ studentId, itemId: items[(n + i) % items.length]!, patch: { value: (n % 10) + 0.5 } }));
    const env = await dispatch({ workspace }, 'score.apply', { edits, label: `edit ${n}` });
    if (!env.ok) throw new Error(env.error.message);
    if (n === 5) process.stdout.write('writing\n');
  }
}
void loop();
