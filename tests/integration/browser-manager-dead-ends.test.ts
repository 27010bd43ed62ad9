import type { Browser } from 'playwright-core';
import { toLocalInputValue } from '../../api/web/widgets/zoned-datetime';
import { launchBrowser, type PersonPage, reloadUntil, signInAs } from '../browser/browser';
import { startWebApp, type WebApp, type WebUser } from '../browser/web-app';
import { passGates, startStream, waitForPhase, waitForState, type StreamHandle } from './helpers/streams';

jest.setTimeout(300_000);

/**
 * What a manager met as dead ends (issue 14, bugs 3, 4 and 10): an escalated decision and a blocked stream each wait in
 * their inbox with the action that settles it; a stream that goes live without its signed checklist says so for as long
 * as it is true; a reschedule is picked in the stream's own zone.
 */
describe('a manager is never left without a way on', () => {
  let web: WebApp;
  let browser: Browser;
  let manager: WebUser;
  let reviewer: WebUser;
  let blocked: StreamHandle;
  let unsigned: StreamHandle;
  const people: PersonPage[] = [];

  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
    [manager, reviewer] = await Promise.all([
      web.createWebUser('manager', ['manager']),
      web.createWebUser('reviewer', ['reviewer']),
    ]);
    const member = (user: WebUser) => ({ id: user.email, name: user.name, email: user.email });
    // Nobody decides: the script escalates to the manager after a minute, and the gates close 4 s before the start.
    blocked = await startStream(web.harness, {
      startInSeconds: 80,
      timing: { approvalSlaSeconds: 60, gateCutoffBeforeStartSeconds: 4, preheatLeadSeconds: 60 },
      edit: (plan) => ({
        ...plan,
        team: { ...plan.team, manager: [member(manager)], reviewer: [member(reviewer)] },
      }),
    });
    // Gates pass, nobody signs the checklist: it goes live unsigned.
    unsigned = await startStream(web.harness, { startInSeconds: 25 });
  });

  afterAll(async () => {
    await Promise.all(people.map((person) => person.close()));
    await browser?.close();
    await web?.close();
  });

  async function signIn(user: WebUser, next = '/'): Promise<PersonPage> {
    const person = await signInAs(browser, web.baseUrl, user, next);
    people.push(person);
    return person;
  }

  it('says on the stream page, while it is true, that a stream went live without a signed checklist', async () => {
    await passGates(unsigned);
    const preheat = await waitForPhase(unsigned, 'preheat');
    const mg = await signIn(manager, `/streams/${preheat.streamId}`);
    await expect(mg.page.locator('#checklist-banner').innerText()).resolves.toContain('开播前检查单尚未签署');
    await waitForPhase(unsigned, 'burst', 60_000);
    await mg.page.reload();
    await expect(mg.page.locator('#checklist-banner').innerText()).resolves.toContain(
      '本场在检查单未签署的情况下开播',
    );
    await mg.screenshot('stream-live-unsigned-zh-desktop');
  });

  it("an escalated decision and a blocked stream wait in the manager's inbox, each with its action", async () => {
    const id = blocked.workflowId;
    const mg = await signIn(manager, '/inbox');
    // Escalated: the script decision reaches the manager, with the action a manager takes (assign a reviewer).
    await waitForState(blocked, (s) => s.approvalNotices['script:r1']?.escalatedAt !== undefined, 90_000);
    const escalated = mg.page.locator(`li.inbox-item[data-stream="${id}"][data-key="script:r1"]`);
    await reloadUntil(mg.page, () => escalated.isVisible());
    await expect(escalated.innerText()).resolves.toContain('已升级给你');
    await escalated.getByRole('link', { name: '指派审核人' }).click();
    await expect(mg.page.locator('form#act-assign-reviewer').isVisible()).resolves.toBe(true);
    await mg.screenshot('stream-escalated-zh-desktop');

    // Blocked: the manager's inbox says so and leads to the reschedule, a date-time picker in the stream's zone.
    await waitForPhase(blocked, 'blocked', 60_000);
    await mg.page.goto('/inbox');
    const item = mg.page.locator(`li.inbox-item[data-stream="${id}"][data-key="blocked"]`);
    await reloadUntil(mg.page, () => item.isVisible());
    await item.getByRole('link', { name: '改期' }).click();
    await expect(mg.page.locator('#blocked-banner').innerText()).resolves.toContain('直播已阻断');
    const form = mg.page.locator('form#act-reschedule');
    const picker = form.getByLabel('新的开播时间');
    await expect(picker.getAttribute('type')).resolves.toBe('datetime-local');
    const newStart = new Date(Math.ceil((Date.now() + 3600_000) / 60_000) * 60_000).toISOString();
    await picker.fill(toLocalInputValue(newStart, 'Asia/Shanghai'));
    await form.getByLabel('原因').fill('补齐审核后改到一小时后');
    await form.getByRole('button', { name: '改期' }).click();
    await mg.page.waitForURL(/done=reschedule/);
    const after = await waitForPhase(blocked, 'compliance');
    expect(Date.parse(after.schedule.scheduledStart)).toBe(Date.parse(newStart));
    await mg.screenshot('stream-rescheduled-zh-desktop');
  });
});
