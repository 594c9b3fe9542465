// Runs axe-core (the npm package, a dev dependency of the repo root) inside a Playwright page and
// returns the serious and critical violations, each with the selectors of the offending nodes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Injects axe-core into the page and runs its WCAG 2.0/2.1 A and AA rules on the whole document,
 * or only inside the elements matching `scope` (e.g. one card of a page made by others).
 */
export async function seriousViolations(
  page: Page,
  scope?: string,
): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol: the app's Content-Security-Policy forbids inline scripts.
    await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  }
  const violations = await page.evaluate(async include => {
    const result = await (window as any).axe.run(
      include ? { include: [include] } : document,
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
        },
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map(
          (n: any) =>
            `${n.target.join(' ')} :: ${
              n.failureSummary?.split('\n')[1] ?? ''
            }`,
        ),
    }));
  }, scope ?? null);
  return (violations as AxeViolation[]).filter(
    v => v.impact === 'serious' || v.impact === 'critical',
  );
}
