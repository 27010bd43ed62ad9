import type { Browser } from 'playwright-core';
import { launchBrowser, PersonPage } from '../browser/browser';
import { startWebApp, type WebApp } from '../browser/web-app';
import { act, passGates, people, startStream, waitForPhase } from './helpers/streams';

jest.setTimeout(240_000);

/** An auditor in Chromium: the audit page, a replay of a picked stream, and stepping through its timeline. */
describe('the auditor pages in Chromium', () => {
  let web: WebApp;
  let browser: Browser;
  beforeAll(async () => {
    [web, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('replays a picked stream and steps through its timeline, state and pending items changing with the step', async () => {
    // Preheat begins as soon as the gates pass (its lead is longer than the wait for the start).
    const handle = await startStream(web.harness, {
      startInSeconds: 3600,
      timing: { preheatLeadSeconds: 7200 },
    });
    await passGates(handle);
    await waitForPhase(handle, 'preheat');
    await act(handle, 'pause', people.manager, { reason: 'brand asked to wait' });
    const auditor = await web.createWebUser('auditor', ['auditor']);
    const person = await PersonPage.open(browser, web.baseUrl, 'en');
    try {
      const { page } = person;
      await page.goto(`/audit/workflows/${handle.workflowId}?lang=en`);
      await page.getByLabel(/email/i).fill(auditor.email);
      await page.getByLabel(/password/i).fill(auditor.password);
      await page.getByRole('button', { name: /sign in|log in/i }).click();
      await page.waitForURL(/\/audit\/workflows\//);
      // The last step: preheat, paused, the checklist waits on the room operator.
      await page.locator('#audit-phase').filter({ hasText: 'preheat' }).waitFor();
      expect(await page.locator('#audit-phase').innerText()).toContain('paused');
      expect(await page.locator('#audit-pending').innerText()).toContain('checklist');
      await person.screenshot('audit-step-last');
      // Back to the first step: the run's start, before anything was shipped; the next one is the stream as planned.
      await page.locator('#audit-steps a').first().click();
      await page.getByText('No state yet at this point').waitFor();
      await page.getByRole('link', { name: /Next/ }).click();
      await page.locator('#audit-phase').filter({ hasText: 'draft' }).waitFor();
      expect(await page.locator('#audit-pending').innerText()).toContain('none');
      await person.screenshot('audit-step-first');

      await page.goto('/audit?lang=en&kind=stream');
      await page.getByRole('checkbox', { name: handle.workflowId }).check();
      await page.getByRole('button', { name: /Replay the picked/ }).click();
      await page.locator('#replay').waitFor();
      expect(await page.locator('#replay').innerText()).toMatch(/1 run\(s\) replayed, 0 failed/);
      expect(await page.locator('#audit-chain').innerText()).toContain('intact');
      await person.screenshot('audit-replay');
      expect(person.errors).toEqual([]);
    } finally {
      await person.close();
      await handle.terminate('test finished');
    }
  });
});
