import type { Browser, Page } from 'playwright-core';
import { zonedParts } from '../../domain/time/zoned-time';
import { launchBrowser, PersonPage, reloadUntil } from '../browser/browser';
import { startWebApp, type WebApp, type WebUser } from '../browser/web-app';

jest.setTimeout(300_000);

/** A local date-time in Shanghai as a datetime-local field takes it, `seconds` from now. */
function shanghaiIn(seconds: number): string {
  const p = zonedParts(Date.now() + seconds * 1000, 'Asia/Shanghai');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}

/**
 * The campaign walk of issue 12 in Chromium on the real app: an operator plans a campaign in the form, a manager
 * approves it from the inbox, it moves through its windows by itself (the manager opens the last ones early), the
 * review is signed off; the board, campaign page, calendar and review are screenshotted, in Chinese and English, at
 * desktop and phone width, with no console errors.
 */
describe('campaigns in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let operator: WebUser;
  let manager: WebUser;
  const people: PersonPage[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    [operator, manager] = await Promise.all([
      web.createWebUser('operator', ['operator']),
      web.createWebUser('manager', ['manager']),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function signedIn(user: WebUser, next: string, options: { width?: number; locale?: string } = {}) {
    const person = await PersonPage.open(browser, web.baseUrl, options.locale ?? 'zh-CN');
    people.push(person);
    const { page } = person;
    if (options.width !== undefined) await page.setViewportSize({ width: options.width, height: 800 });
    await page.goto(next);
    await page.waitForURL(/\/login\?next=/);
    await page.locator('input[name=email]').fill(user.email);
    await page.locator('input[name=password]').fill(user.password);
    await page.locator('form.login button[type=submit]').click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return person;
  }

  const phase = (page: Page) => page.locator('#current-phase').innerText();
  const noHorizontalScroll = (page: Page) =>
    page.evaluate<boolean>(
      'document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1',
    );

  afterEach(async () => {
    const errors = people.flatMap((person) => person.errors);
    await Promise.all(people.splice(0).map((person) => person.close()));
    expect(errors).toEqual([]);
  });

  it('from the form to a signed review: approval from the inbox, windows that pass by themselves', async () => {
    const planner = await signedIn(operator, '/campaigns/new');
    const form = planner.page;
    await form.locator('#c-name').fill('浏览器测试活动 browser campaign');
    await form.locator('#c-preheatStart').fill(shanghaiIn(25));
    await form.locator('#c-burstStart').fill(shanghaiIn(40));
    await form.locator('#c-burstEnd').fill(shanghaiIn(900));
    await form.locator('#c-tailEnd').fill(shanghaiIn(960));
    await form.locator('#c-streams').fill(`opening, A, ${shanghaiIn(300).slice(0, 16)}, 5, 开场专场`);
    await planner.screenshot('campaign-create');
    await form.locator('form.create button[type=submit]').click();
    await form.waitForURL(/\/campaigns\/campaign-[^/?]+\?done=create/);
    const campaignPath = new URL(form.url()).pathname;
    expect(await phase(form)).toBe('方案审批');
    // The operator who planned it has nothing to decide: no approval form for them.
    expect(await form.locator('#act-decide-plan').count()).toBe(0);
    await planner.screenshot('campaign-approval');

    const boss = await signedIn(manager, '/inbox');
    const page = boss.page;
    const item = page.locator('.inbox-item', { hasText: '活动方案审批' });
    await item.getByRole('link', { name: '审批活动方案' }).click();
    await page.waitForURL((url) => url.pathname === campaignPath);
    await page.locator('#act-decide-plan select[name=decision]').selectOption('approved');
    await page.locator('#act-decide-plan textarea[name=reason]').fill('目标与预算合理');
    await page.locator('#act-decide-plan button[type=submit]').click();
    await page.waitForURL(/done=decide-plan/);
    expect(['待开始', '预热期']).toContain(await phase(page));

    // The windows pass by themselves: preheat, then burst.
    await reloadUntil(page, async () => (await phase(page)) === '爆发期', 90_000);
    await boss.screenshot('campaign-burst');
    expect(await page.locator('svg.windows').count()).toBe(1);
    expect(await page.locator('table.streams').innerText()).toContain('开场专场');

    await page.goto('/campaigns');
    expect(await page.locator('.board').innerText()).toContain('浏览器测试活动');
    await boss.screenshot('campaign-board');
    await page.goto('/calendar');
    await boss.screenshot('campaign-calendar-week');
    expect(await page.locator('ol.calendar').innerText()).toContain('开场专场');
    await page.goto('/calendar?view=month');
    await boss.screenshot('campaign-calendar-month');

    // The manager opens the tail and the review now (each asks for confirmation first).
    page.on('dialog', (dialog) => void dialog.accept());
    for (const from of ['爆发期', '延续期']) {
      await page.goto(campaignPath);
      await reloadUntil(page, async () => (await phase(page)) === from);
      await page.locator('#act-advance textarea[name=reason]').fill('测试：提前进入下一阶段');
      await page.locator('#act-advance button[type=submit]').click();
      await page.waitForURL(/done=advance/);
    }
    await page.goto(`${campaignPath}/review`);
    await reloadUntil(page, async () => (await page.locator('article.report').count()) > 0, 60_000);
    expect(await page.locator('a[href$="/review.xlsx"]').count()).toBe(1);
    const xlsx = await page.request.get(`${campaignPath}/review.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    expect(await page.locator('h1').count()).toBe(1);
    await boss.screenshot('campaign-review');
    await page.locator('#act-sign-review button[type=submit]').click();
    await page.waitForURL(/done=sign-review/);
    await page.goto(campaignPath);
    await reloadUntil(page, async () => (await phase(page)) === '已完成');
  });

  it('reads in English and fits a phone screen', async () => {
    const en = await signedIn(manager, '/campaigns?lang=en', { width: 390, locale: 'en' });
    const { page } = en;
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Campaigns');
    await en.screenshot('campaign-board-390-en');
    const wide = await page.evaluate<string[]>(
      `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map((el) => el.tagName + '.' + el.className)`,
    );
    expect(wide).toEqual([]);
    expect(await noHorizontalScroll(page)).toBe(true);
    const link = page.locator('li.card a').first();
    if ((await link.count()) > 0) {
      await link.click();
      expect(await noHorizontalScroll(page)).toBe(true);
      await en.screenshot('campaign-page-390-en');
    }
    await page.goto('/calendar?lang=en');
    expect(await noHorizontalScroll(page)).toBe(true);
    await en.screenshot('campaign-calendar-390-en');
    await page.goto('/campaigns/new?lang=en');
    expect(await noHorizontalScroll(page)).toBe(true);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('New campaign');
  });
});
