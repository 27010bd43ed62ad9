import type { TRulePackInput } from '../rule-pack.types';
import { ABSOLUTE_TERM_RULES } from './absolute-rules';
import { DEFAULT_BASES } from './bases';
import { DISCLAIMER_RULES } from './disclaimer-rules';
import { MEDICAL_CLAIM_RULES } from './health-claim-rules';
import { PRICE_AND_URGENCY_RULES } from './sales-claim-rules';
import { TRUST_CLAIM_RULES } from './trust-claim-rules';

/**
 * The pack that ships with the code. Compliance officers publish later versions (new terms, new exceptions) as data;
 * bump the version whenever this one changes, because findings and decisions record it.
 */
export const DEFAULT_RULE_PACK: TRulePackInput = {
  version: 'default@1',
  bases: DEFAULT_BASES,
  // Cues that deny what follows in the same clause. 不 alone is too broad (不好吃无效退款 still promises a refund).
  negationCues: [
    '不是',
    '并不是',
    '并非',
    '不算',
    '不能',
    '不可以',
    '不会',
    '不可能',
    '不敢',
    '不说',
    '不宣传',
    '不承诺',
    '不保证',
    '不要',
    '切勿',
    '请勿',
    '禁止',
    '没有说',
    '谈不上',
    '算不上',
    '称不上',
    '不存在',
    '拒绝',
    '不搞',
    '不玩',
    '不建议',
    '别说',
    '别信',
    '别相信',
    '不用说',
  ],
  negationWindow: 8,
  rules: [
    ...ABSOLUTE_TERM_RULES,
    ...MEDICAL_CLAIM_RULES,
    ...PRICE_AND_URGENCY_RULES,
    ...TRUST_CLAIM_RULES,
    ...DISCLAIMER_RULES,
  ],
};
