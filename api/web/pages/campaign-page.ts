import { rolesFor } from '../../../domain/shared/app-permissions';
import { campaignActionsFor } from '../../../domain/campaign/actions';
import { campaignPendingItems } from '../../../domain/campaign/pending-items';
import type { TCampaignState } from '../../../domain/campaign/state.types';
import { hasAnyRole } from '../../../domain/shared/actor.types';
import type { CampaignTimelineRow } from '../campaign-view';
import type { PageContext } from '../context';
import { countdown } from '../countdown';
import { genericActionForms } from '../forms';
import { formatInstant } from '../i18n';
import { html, type SafeHtml } from '../html';
import { errorBanner, layout } from '../layout';
import type { TMessageKey } from '../messages';
import { campaignTimelineTable, kpiSection, streamsTable, windowsFigure } from './campaign-sections';
import type { PageError } from '../refusal';

export interface CampaignPageData {
  state: TCampaignState;
  live: boolean;
  timeline: { rows: CampaignTimelineRow[]; total: number };
  hasReport: boolean;
  error?: PageError;
  done?: string;
}

export function campaignDoneBanner(ctx: PageContext, done: string | undefined): SafeHtml | undefined {
  return done === undefined
    ? undefined
    : html`<div class="done" role="status">
        ${ctx.t('flash.done', { action: ctx.t(`campaignAction.${done}` as TMessageKey) })}
      </div>`;
}

/** Lasting banners for what is true until someone acts: paused, blocked, a continue decision waiting. */
function banners(ctx: PageContext, state: TCampaignState): SafeHtml[] {
  const { t } = ctx;
  const zone = state.plan.timeZone;
  const out: SafeHtml[] = [];
  if (state.pause.pausedAt !== undefined)
    out.push(
      html`<p class="notice paused" role="status">
        ${t('campaign.paused', { since: formatInstant(state.pause.pausedAt, ctx.locale, zone) })}
      </p>`,
    );
  if (state.phase === 'blocked')
    out.push(
      html`<p class="error" role="status">
        ${t('campaign.blocked', { reason: state.blockedReason ?? '' })}
      </p>`,
    );
  const confirmation = state.steering.confirmation;
  if (confirmation !== undefined && state.phase === 'burst')
    out.push(
      html`<p class="notice warn" role="status">
        ${t('campaign.confirmation', {
          roi: confirmation.roi.toFixed(2),
          floor: confirmation.floor,
          due: formatInstant(confirmation.dueAt, ctx.locale, zone),
          fallback: t(`campaign.fallback.${state.plan.rules.roiFloor.onNoAnswer}`),
        })}
        ${countdown(ctx, confirmation.dueAt, zone)}
      </p>`,
    );
  return out;
}

export function campaignPage(ctx: PageContext, data: CampaignPageData): SafeHtml {
  const { t } = ctx;
  const { state } = data;
  const plan = state.plan;
  const path = `/campaigns/${encodeURIComponent(state.campaignId)}`;
  const actions = campaignActionsFor(state, ctx.actor);
  const pending = campaignPendingItems(state);
  const goals = Object.entries(plan.goals).map(([k, v]) => `${t(`field.${k}` as TMessageKey)} ${v}`);
  const body = html`${errorBanner(data.error)}${campaignDoneBanner(ctx, data.done)}
    ${!data.live && html`<p class="notice" role="status">${t('campaign.notLive')}</p>`} ${banners(ctx, state)}
    <p class="phase-now">
      ${t('campaign.phaseNow')}
      <strong class="phase cphase-${state.phase}" id="current-phase"
        >${t(`cphase.${state.phase}` as TMessageKey)}</strong
      >
    </p>
    <dl class="summary">
      <dt>${t('campaign.owner')}</dt>
      <dd>${plan.owner}</dd>
      <dt>${t('ccreate.goalsBudget')}</dt>
      <dd>${goals.join(' · ') || '–'} · ${t('campaign.budget')} ${plan.budget}</dd>
      <dt>${t('campaign.zone')}</dt>
      <dd>${plan.timeZone}</dd>
      <dt>${t('field.revision')}</dt>
      <dd>
        r${state.planRevision}${state.approval && html` · ${t(`option.decision.${state.approval.decision}` as TMessageKey)} · ${state.approval.decidedBy}${state.approval.reason && ` · ${state.approval.reason}`}`}
      </dd>
    </dl>
    <section aria-labelledby="c-windows">
      <h2 id="c-windows">${t('campaign.windows')}</h2>
      ${windowsFigure(ctx, state)}
    </section>
    <section aria-labelledby="c-kpis">
      <h2 id="c-kpis">${t('campaign.kpis')}</h2>
      ${kpiSection(ctx, state)}
    </section>
    <section aria-labelledby="c-pending">
      <h2 id="c-pending">${t('campaign.pendingTitle')}</h2>
      ${
        pending.length === 0
          ? html`<p class="muted">${t('campaign.nothingPending')}</p>`
          : html`<ul>
              ${pending.map(
                (item) =>
                  html`<li>
                    <strong>${t(`approval.${item.kind}` as TMessageKey)}</strong
                    >${item.subject.reason && ` · ${item.subject.reason}`} ·
                    ${item.assignees.join(', ') || t(`role.${item.openToRole ?? 'manager'}` as TMessageKey)} ·
                    ${countdown(ctx, item.dueAt, plan.timeZone, state.pause.pausedAt !== undefined)}
                  </li>`,
              )}
            </ul>`
      }
    </section>
    <section aria-labelledby="c-actions" class="actions">
      <h2 id="c-actions">${t('campaign.yourActions')}</h2>
      ${
        actions.length === 0
          ? html`<p class="muted">${t('campaign.noActions')}</p>`
          : genericActionForms(
              {
                ctx,
                state,
                returnTo: path,
                subject: { path, id: state.campaignId },
                labels: 'campaignAction',
                timeZone: state.plan.timeZone,
              },
              actions,
            )
      }
    </section>
    <section aria-labelledby="c-streams">
      <h2 id="c-streams">${t('campaign.streamsTitle')}</h2>
      ${streamsTable(ctx, state)}
    </section>
    <section aria-labelledby="c-alerts">
      <h2 id="c-alerts">${t('campaign.alerts')}</h2>
      ${
        state.alerts.recent.length === 0
          ? html`<p class="muted">${t('campaign.noAlerts')}</p>`
          : html`<ul>
              ${[...state.alerts.recent].reverse().map((a) => html`<li>${formatInstant(a.at, ctx.locale, plan.timeZone)} · ${a.message}</li>`)}
            </ul>`
      }
    </section>
    ${data.hasReport && html`<p><a href="${path}/review">${t('campaign.reviewOpen')}</a></p>`}
    ${
      hasAnyRole(ctx.actor, rolesFor('createCampaigns')) &&
      html`<section aria-labelledby="c-clone">
        <h2 id="c-clone">${t('campaign.clone')}</h2>
        <form method="post" action="${path}/clone" class="action">
          <input type="hidden" name="_csrf" value="${ctx.csrfToken}" />
          <label for="clone-start">${t('campaign.cloneStart')}</label>
          <input id="clone-start" name="startOn" type="date" required />
          <label for="clone-name">${t('campaign.cloneName')}</label>
          <input id="clone-name" name="name" maxlength="200" value="${plan.name}" />
          <div class="buttons"><button type="submit">${t('campaign.clone')}</button></div>
        </form>
      </section>`
    }
    <section aria-labelledby="c-timeline">
      <h2 id="c-timeline">${t('campaign.timeline')}</h2>
      ${campaignTimelineTable(ctx, state, data.timeline)}
    </section>`;
  return layout(ctx, {
    title: plan.name,
    nav: 'campaigns',
    body,
    ...(state.phase === 'burst' ? { refreshSeconds: 30 } : {}),
  });
}
