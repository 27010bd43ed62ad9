import type { TRuleInput } from '../rule-pack.types';

/**
 * Script-level rules: sentences the law requires a pitch to contain. Their wording is also protected text, never a
 * finding itself (本品不能代替药物治疗疾病 is the disclaimer, not a medical claim).
 */
export const DISCLAIMER_RULES: TRuleInput[] = [
  {
    id: 'health-food-disclaimer',
    match: 'required_disclaimer',
    kind: 'missing_disclaimer',
    category: 'required_disclosure',
    severity: 'high',
    basis: 'health-food-disclaimer',
    appliesTo: ['health_food'],
    phrases: [
      '本品不能代替药物',
      '保健食品不是药物，不能代替药物治疗疾病',
      '不能代替药物治疗疾病',
      '保健食品不能代替药物',
    ],
    suggestion: {
      zh: '讲解保健食品时明确说出"本品不能代替药物"。',
      en: 'Say "本品不能代替药物" (this product cannot replace medicine) while pitching the health food.',
    },
    description: {
      zh: '《广告法》第十八条、《食品安全法》第七十九条：保健食品广告应当显著标明"本品不能代替药物"。',
      en: 'Advertising Law Art. 18, Food Safety Law Art. 79: health food ads must state "this product cannot replace medicine".',
    },
  },
  {
    id: 'medical-device-notice',
    match: 'required_disclaimer',
    kind: 'missing_disclaimer',
    category: 'required_disclosure',
    // Medium: the duty is for devices recommended for personal use, which live commerce nearly always is.
    severity: 'medium',
    basis: 'ad-law-16-notice',
    appliesTo: ['medical_device'],
    phrases: [
      '请仔细阅读产品说明书或者在医务人员的指导下购买和使用',
      '请仔细阅读产品说明书或在医务人员指导下购买和使用',
    ],
    suggestion: {
      zh: '讲解医疗器械时说出"请仔细阅读产品说明书或者在医务人员的指导下购买和使用"。',
      en: 'Say the device notice: read the instructions carefully, or buy and use under the guidance of medical staff.',
    },
    description: {
      zh: '《广告法》第十六条：推荐给个人自用的医疗器械广告应当显著标明使用提示。',
      en: 'Advertising Law Art. 16: ads for personal-use medical devices must carry the usage notice.',
    },
  },
];
