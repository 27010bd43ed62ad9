import type { Browser, Page } from 'playwright-core';
import { SAMPLE_BANNED_TERM, SAMPLE_PRODUCT_SKU } from '../../domain/stream/sample-plan';
import { launchBrowser, PersonPage, reloadUntil } from '../browser/browser';
import { startWebApp, type WebApp, type WebUser } from '../browser/web-app';
import { act, passGates, people, startStream, stateOf, waitForPhase, waitForState } from './helpers/streams';

jest.setTimeout(240_000);

/**
 * The browser scenario on the real app: a reviewer logs in, sees the flagged script in the inbox and rejects
 * it; the operator submits a revision; the reviewer approves; the stream page shows the next phase. Plus the other
 * main pages (dashboard, create, outbox, review report, English), each screenshotted, with no console errors.
 */
describe('web UI in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  let operator: WebUser;
  let reviewer: WebUser;
  let manager: WebUser;
  const people_: PersonPage[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    [operator, reviewer, manager] = await Promise.all([
      web.createWebUser('operator', ['operator']),
      web.createWebUser('reviewer', ['reviewer']),
      web.createWebUser('manager', ['manager']),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function personFor(user: WebUser, next = '/'): Promise<PersonPage> {
    const person = await PersonPage.open(browser, web.baseUrl);
    people_.push(person);
    const { page } = person;
    await page.goto(next);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('邮箱').fill(user.email);
    await page.getByLabel('密码').fill(user.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    return person;
  }

  const phaseText = (page: Page) => page.locator('#current-phase').innerText();

  afterEach(async () => {
    const errors = people_.flatMap((person) => person.errors);
    // Awaited: a close still in flight when afterAll closes the browser fails the whole suite.
    await Promise.all(people_.splice(0).map((person) => person.close()));
    expect(errors).toEqual([]);
  });

  it('sends anonymous visitors to the login form and back; a wrong password says so', async () => {
    const person = await PersonPage.open(browser, web.baseUrl);
    people_.push(person);
    const { page } = person;
    await page.goto('/inbox');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/inbox');
    // Keyboard only: the email field has focus, Tab to the password, Enter submits.
    await page.keyboard.type(reviewer.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    await page.waitForURL(/error=1/);
    await expect(page.getByRole('alert').innerText()).resolves.toContain('邮箱或密码不正确');
    await person.screenshot('login-error');
    await page.getByLabel('邮箱').fill(reviewer.email);
    await page.getByLabel('密码').fill(reviewer.password);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL((url) => url.pathname === '/inbox');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('待我处理');
  });

  it('reviewer rejects the flagged script, the operator revises it, the reviewer approves: preheat', async () => {
    // The operator creates a stream from the sample plan the UI offers (demo timing, live in 10 minutes).
    const op = await personFor(operator, '/streams/new');
    await op.screenshot('create-stream');
    await expect(op.page.getByLabel('直播方案 JSON').inputValue()).resolves.toContain(SAMPLE_BANNED_TERM);
    await op.page.getByRole('button', { name: '创建并启动' }).click();
    await op.page.waitForURL(/\/streams\/stream-[\w-]+\?done=create/);
    const streamPath = new URL(op.page.url()).pathname;
    const streamId = decodeURIComponent(streamPath.split('/')[2]!);

    // The reviewer's work queue lists the script and the product, each linking to the form that settles it.
    const rv = await personFor(reviewer, '/inbox');
    const scriptItem = rv.page.locator(`li.inbox-item[data-stream="${streamId}"][data-key="script:r1"]`);
    await reloadUntil(rv.page, () => scriptItem.isVisible());
    await rv.screenshot('inbox');
    await scriptItem.getByRole('link', { name: '审核脚本' }).click();
    await rv.page.waitForURL((url) => url.pathname === streamPath && url.hash === '#act-decide-script');

    // On the stream page: the script with the banned term marked in place, and the product's documents.
    const mark = rv.page.locator('.seg-text mark').first();
    await expect(mark.innerText()).resolves.toBe(SAMPLE_BANNED_TERM);
    await expect(mark.getAttribute('title')).resolves.toMatch(/ad-law/);
    await expect(rv.page.locator('table.docs').first().innerText()).resolves.toMatch(
      /QI-2026-118604[\s\S]*TR-5531-0098-2026/,
    );
    const decideForm = rv.page.locator('form#act-decide-script');
    await decideForm.scrollIntoViewIfNeeded();
    await rv.screenshot('stream-flagged-script');

    // A stale second tab: the decision made in one tab is refused in the other (409, shown on the page).
    const staleTab = await rv.page.context().newPage();
    await staleTab.goto(streamPath);
    await decideForm.getByLabel(/理由/).fill(`绝对化用语「${SAMPLE_BANNED_TERM}」违反广告法第九条`);
    await decideForm.getByRole('button', { name: '驳回 r1' }).click();
    await rv.page.waitForURL(/done=decide-script/);
    await expect(rv.page.getByRole('status').first().innerText()).resolves.toContain('已完成');
    const staleForm = staleTab.locator('form#act-decide-script');
    await staleForm.getByLabel(/理由/).fill('second opinion');
    const consoleInStale: string[] = [];
    staleTab.on('console', (m) => {
      if (m.type() === 'error' && !/status of 409/.test(m.text())) consoleInStale.push(m.text());
    });
    await staleForm.getByRole('button', { name: '驳回 r1' }).click();
    await staleTab.waitForLoadState();
    // The refusal in the reader's language; the domain's own sentence one click away.
    await expect(staleTab.locator('#page-error').innerText()).resolves.toContain('已经有人处理过了');
    await expect(staleTab.locator('#page-error [lang="en"]').textContent()).resolves.toMatch(
      /already rejected/,
    );
    await staleTab.close();
    expect(consoleInStale).toEqual([]);

    // The rejected script waits for its author: the operator's queue says so and leads to the editor.
    await op.page.goto('/inbox');
    const revise = op.page.locator(`li.inbox-item[data-stream="${streamId}"][data-key="revise:r1"]`);
    await reloadUntil(op.page, () => revise.isVisible());
    await revise.getByRole('link', { name: '提交脚本修订' }).click();
    await op.page.waitForURL((url) => url.pathname === streamPath);
    const closing = op.page.getByLabel('转化促单 (close)');
    await closing.fill((await closing.inputValue()).replace(SAMPLE_BANNED_TERM, '直播间专享价'));
    await op.page.getByRole('button', { name: '提交 r2' }).click();
    await op.page.waitForURL(/done=submit-script/);

    // The reviewer approves r2 (nothing flagged) and the product, from the stream page.
    await rv.page.goto(streamPath);
    await reloadUntil(rv.page, () => rv.page.getByText('自动扫描未发现问题').isVisible());
    await rv.page.locator('form#act-decide-script').getByRole('button', { name: '通过 r2' }).click();
    await rv.page.waitForURL(/done=decide-script/);
    await rv.page.getByRole('button', { name: `通过 ${SAMPLE_PRODUCT_SKU}` }).click();
    await rv.page.waitForURL(/done=decide-product/);

    // The stream page shows the next phase.
    await op.page.goto(streamPath);
    await reloadUntil(op.page, async () => (await phaseText(op.page)) === '预热期');
    await expect(op.page.locator('ol.phases li[aria-current="step"]').innerText()).resolves.toContain(
      '预热期',
    );
    await expect(op.page.locator('table.timeline').innerText()).resolves.toContain(reviewer.name);
    await op.screenshot('stream-preheat');

    // The reviewer has no action buttons left there; the operator only sees what an operator may do.
    await rv.page.goto(streamPath);
    await expect(rv.page.locator('section.actions form').count()).resolves.toBe(0);
    await expect(op.page.getByRole('button', { name: /通过|驳回/ }).count()).resolves.toBe(0);

    // English, remembered across pages.
    await op.page.getByRole('link', { name: 'English' }).click();
    await expect(op.page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(phaseText(op.page)).resolves.toBe('preheat');
    await op.screenshot('stream-preheat-en');
    await op.page.getByRole('link', { name: 'Dashboard' }).click();
    const row = op.page.locator('table.streams tr', { has: op.page.locator(`a[href="${streamPath}"]`) });
    await expect(row.locator('time.countdown').innerText()).resolves.toMatch(/^in \d\d:\d\d:\d\d$/);
    await op.screenshot('dashboard-en');
    await op.page.getByRole('link', { name: '中文' }).click();

    await act(web.harness.client.workflow.getHandle(streamId), 'cancel', people.manager, {
      reason: 'test finished',
    });
  });

  it('shows the review report with charts and lets the manager sign it off', async () => {
    const handle = await startStream(web.harness, {
      startInSeconds: 12,
      edit: (plan) => ({ ...plan, plannedDurationMinutes: 1 }),
    });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'sign-checklist', people.ops, {
      items: (await stateOf(handle)).plan.checklist.map((item) => item.id),
    });
    const live = await waitForPhase(handle, 'burst', 30_000);
    const mgr = await personFor(manager, `/streams/${live.streamId}`);
    await expect(phaseText(mgr.page)).resolves.toBe('直播中（爆发期）');
    await expect(mgr.page.getByRole('note').innerText()).resolves.toContain('模拟数据');
    // Adjustments sit in the toolbar, each a closed card until opened.
    await mgr.page.locator('#card-extend summary').click();
    await expect(mgr.page.getByRole('button', { name: '延长直播' }).count()).resolves.toBe(1);
    await mgr.screenshot('stream-burst');

    await waitForState(handle, (s) => s.phase === 'review' && s.review.reportId !== undefined, 120_000);
    await mgr.page.goto(`/streams/${live.streamId}/review`);
    await expect(mgr.page.locator('article.report svg').count()).resolves.toBeGreaterThan(0);
    await mgr.screenshot('review-report');

    // The outbox holds what the run sent (emails are held: no SMTP in tests).
    await mgr.page.goto(`/outbox?workflowId=${encodeURIComponent(live.streamId)}`);
    await expect(mgr.page.locator('table.outbox tbody tr').count()).resolves.toBeGreaterThan(0);
    await mgr.screenshot('outbox');
    await mgr.page.goto(`/streams/${live.streamId}/review`);
    await mgr.page.getByRole('button', { name: '签署复盘' }).click();
    await mgr.page.waitForURL(/review\?done=sign-review/);
    await expect(mgr.page.getByText(/已由 .* 签字/).isVisible()).resolves.toBe(true);
    expect((await stateOf(handle)).phase).toBe('completed');
  });
});
