import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startIdleWorker } from '../../main/backend/jobs/off-thread';
import { dispatch } from '../../main/backend/rpc/dispatch';
import { Workspace } from '../../main/backend/workspace';
import { startWebServer, type WebServer } from '../../main/web/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const ARTIFACTS = path.resolve('test-results/screenshots');

export interface Harness {
  dataDir: string;
  workspace: Workspace;
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Saves a screenshot under test-results/screenshots (a test artifact to look at). */
  screenshot(name: string): Promise<string>;
  /** Opens a screen from the navigation and waits for its title. */
  openScreen(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real app end to end: the web transport over a real backend on a fresh data folder,
 * opened in Debian's headless Chromium. `setup` can fill the course before the page loads.
 */
export async function startApp(setup?: (workspace: Workspace) => void): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gradebook-e2e-'));
  const workspace = new Workspace(dataDir);
  workspace.openDefault();
  startIdleWorker(); // as the app does at start
  setup?.(workspace);
  const server = await startWebServer({
    staticDir: path.resolve('out/renderer'),
    dispatch: (m, i) => dispatch({ workspace }, m, i),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return {
    dataDir,
    workspace,
    server,
    browser,
    page,
    screenshot: async (name) => {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    openScreen: async (name) => {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
      await page.locator('main h2#screen-title', { hasText: name }).waitFor();
    },
    close: async () => {
      await browser.close();
      await server.close();
      workspace.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}
