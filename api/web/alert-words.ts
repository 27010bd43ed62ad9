import type { Translate } from './i18n';
import { MESSAGES, type TMessageKey } from './messages';

const isMessageKey = (key: string): key is TMessageKey => Object.hasOwn(MESSAGES, key);

/**
 * An alert's rule by name in the reader's language. Rule ids are open-ended (a campaign plan names its own alerts,
 * `stream_blocked:<key>` names a stream): a rule with no words of its own is shown by its id, never a crash.
 */
export function alertRuleName(t: Translate, ruleId: string): string {
  const colon = ruleId.indexOf(':');
  const rule = colon < 0 ? ruleId : ruleId.slice(0, colon);
  const subject = colon < 0 ? undefined : ruleId.slice(colon + 1);
  const key = `alertRule.${rule}`;
  const name = isMessageKey(key) ? t(key) : rule;
  return subject === undefined ? name : `${name} (${subject})`;
}

/** An alert in the reader's language: the rule's name; the message as the workflow worded it follows. */
export const alertText = (t: Translate, alert: { ruleId: string; message: string }): string =>
  `${alertRuleName(t, alert.ruleId)}: ${alert.message}`;
