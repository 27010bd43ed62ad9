import type { TCampaignState } from './state.types';

/**
 * Reuse (常态化): a campaign as it last stood, turned back into a plan a new campaign can start from (a clone of last
 * year's 618, or a template). Its streams are those still on its calendar (dropped ones are left out, added ones kept);
 * streams that came from a recurring rule are left to the rule, which expands again on the new dates.
 */
export function campaignPlanInputFromState(state: TCampaignState): Record<string, unknown> {
  const { plan } = state;
  const streams = state.streamOrder
    .map((key) => state.streams[key]!)
    .filter((s) => s.status !== 'dropped' && s.origin !== 'recurring');
  const recurring = plan.recurring.map((rule) => {
    const occurrence = state.streamOrder
      .map((key) => state.streams[key]!)
      .find((s) => s.origin === 'recurring' && s.key.startsWith(`${rule.key}-`));
    return {
      key: rule.key,
      room: rule.room,
      weekdays: rule.weekdays,
      time: rule.time,
      ...(occurrence === undefined ? {} : { plan: occurrence.plan }),
    };
  });
  return {
    name: plan.name,
    ...(plan.description === undefined ? {} : { description: plan.description }),
    owner: plan.owner,
    timeZone: plan.timeZone,
    goals: plan.goals,
    budget: plan.budget,
    windows: state.windows,
    streams: streams.map((s) => ({ key: s.key, room: s.room, plan: s.plan })),
    // A rule whose template is lost with its occurrences (all dropped) cannot be expanded again: left out.
    recurring: recurring.filter((rule) => 'plan' in rule),
    channels: plan.channels,
    audiences: plan.audiences,
    approvers: plan.approvers,
    team: plan.team,
    alerts: plan.alerts,
    rules: plan.rules,
    timing: plan.timing,
  };
}
