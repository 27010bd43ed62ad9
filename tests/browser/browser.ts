import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it with apt when missing); CHROMIUM_PATH points elsewhere if needed. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A page of its own browser context (own cookies: one person), recording every console error and uncaught page
 * error. `expectErrorStatus` lets a step that deliberately gets a 4xx page say so: Chromium logs the document's
 * status as a console error.
 */
export class PersonPage {
  readonly errors: string[] = [];
  private expected: RegExp[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (this.expected.some((pattern) => pattern.test(text))) return;
      this.errors.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: uncaught ${error.message}`));
  }

  /** A page of a context made elsewhere (another viewport, a copied session). */
  static async adopt(page: Page): Promise<PersonPage> {
    return new PersonPage(page);
  }

  static async open(browser: Browser, baseURL: string, locale = 'zh-CN'): Promise<PersonPage> {
    const context = await browser.newContext({ baseURL, locale, viewport: { width: 1280, height: 900 } });
    return new PersonPage(await context.newPage());
  }

  async expectErrorStatus<T>(status: number, step: () => Promise<T>): Promise<T> {
    const pattern = new RegExp(`status of ${status}`);
    this.expected.push(pattern);
    try {
      return await step();
    } finally {
      this.expected = this.expected.filter((p) => p !== pattern);
    }
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async close(): Promise<void> {
    // A context the test already closed (or a browser that went away) has nothing left to close.
    if (this.page.isClosed()) return;
    await this.page.context().close();
  }
}

/** Reloads until `check` passes: the workflow moves on its own time, and pages show it on the next load. */
export async function reloadUntil(
  page: Page,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline)
      throw new Error(`reloadUntil: still not there after ${timeoutMs} ms at ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await page.reload();
  }
}

/** A person signed in through the login form (zh-CN), on `next`. */
export async function signInAs(
  browser: Browser,
  baseURL: string,
  user: { email: string; password: string },
  next = '/',
): Promise<PersonPage> {
  const person = await PersonPage.open(browser, baseURL);
  await person.page.goto(`/login?next=${encodeURIComponent(next)}`);
  await person.page.getByLabel('邮箱').fill(user.email);
  await person.page.getByLabel('密码').fill(user.password);
  await person.page.getByRole('button', { name: '登录', exact: true }).click();
  await person.page.waitForURL((url) => url.pathname !== '/login');
  return person;
}
