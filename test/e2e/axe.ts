import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations.
 * The app's CSP forbids inline scripts, so axe is evaluated through the DevTools protocol
 * (what `page.evaluate` uses) instead of a script tag.
 */
export async function seriousViolations(page: Page, context = 'body'): Promise<AxeFinding[]> {
  await page.evaluate(axeSource);
  const found: AxeFinding[] = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<any> } }).axe;
    const result = await axe.run(selector, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
    }));
  }, context);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
