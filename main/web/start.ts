import path from 'node:path';
import { startIdleWorker } from '../backend/jobs/off-thread';
import { dispatch } from '../backend/rpc/dispatch';
import { defaultDataDir } from '../backend/paths';
import { Workspace } from '../backend/workspace';
import { startWebServer } from './server';

/** `npm run web`: the whole app in a browser, against the same backend as the desktop shell. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.PORT ?? 7374);
  const workspace = new Workspace(defaultDataDir());
  workspace.openDefault();
  startIdleWorker();
  const staticDir = path.resolve(__dirname, '../../out/renderer');
  const opts = { staticDir, dispatch: (m: string, i: unknown) => dispatch({ workspace }, m, i) };
  const server = await startWebServer({ ...opts, port }).catch(() => startWebServer({ ...opts, port: 0 }));
  console.log(`Gradebook is running. Open this address in your browser:\n\n  ${server.url}\n`);
  console.log(`Course files: ${workspace.dataDir}`);
  const stop = () => {
    workspace.close();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`Could not start the gradebook: ${err.message}`);
  process.exit(1);
});
