import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PersonPage } from './browser';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core over the page as it stands: the violations of impact serious or critical. The script is evaluated through
 * the DevTools protocol, so the page's strict CSP (script-src 'self') stays exactly as users get it.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: these test files compile without the DOM's types.
  const result = await page.evaluate("axe.run(document, { resultTypes: ['violations'] })");
  const violations = (
    result as {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    }
  ).violations;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}

/** How far the page scrolls sideways beyond the viewport (0: it fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface ScreenReport {
  name: string;
  variant: string;
  overflow: number;
  violations: AxeViolation[];
}

/**
 * One screen the way every reader gets it: zh-CN and English, desktop and phone width (390 px), each screenshotted
 * under test-artifacts/screenshots/, scanned by axe and measured for sideways scroll. The person's own session is
 * copied into fresh contexts, so their page stays where the walk left it.
 */
export async function checkScreen(
  browser: Browser,
  person: PersonPage,
  name: string,
  path: string,
): Promise<ScreenReport[]> {
  const state = await person.page.context().storageState();
  const reports: ScreenReport[] = [];
  for (const lang of ['zh', 'en'] as const)
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const context: BrowserContext = await browser.newContext({
        baseURL: new URL(person.page.url()).origin,
        viewport,
        storageState: state,
        locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
      });
      const checker = await PersonPage.adopt(await context.newPage());
      try {
        const separator = path.includes('?') ? '&' : '?';
        const [pathPart, hash] = path.split('#');
        await checker.page.goto(`${pathPart}${separator}lang=${lang}${hash ? `#${hash}` : ''}`);
        const variant = `${lang}-${size}`;
        await checker.screenshot(`${name}-${variant}`);
        reports.push({
          name,
          variant,
          overflow: await horizontalOverflow(checker.page),
          violations: await seriousAxeViolations(checker.page),
        });
        if (checker.errors.length > 0)
          throw new Error(`console errors on ${name} ${variant}: ${checker.errors.join('; ')}`);
      } finally {
        await context.close();
      }
    }
  return reports;
}
