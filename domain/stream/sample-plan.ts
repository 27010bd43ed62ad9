import { addSeconds, localDate } from '../shared/time';
import { parseStreamPlan } from './parse-plan';
import type { TStreamPlan } from './plan.types';
import type { TTimingPolicyInput } from './timing-policy.types';

export const SAMPLE_PRODUCT_SKU = 'HF-001';
/** The one banned term in the sample script, so demos and tests always have a finding to decide on. */
export const SAMPLE_BANNED_TERM = '全网最低价';

export interface TSamplePlanOptions {
  /** ISO instant with offset, e.g. 2026-12-01T20:00:00+08:00. */
  scheduledStart: string;
  owner?: string;
  /** Shrink timings for tests and demos (seconds instead of hours). */
  timing?: TTimingPolicyInput;
}

/**
 * A realistic winter skincare stream: one hero product with valid documents (valid for a year after the start, so
 * the sample never goes stale) and a script with exactly one banned term in the closing push.
 */
export function buildSamplePlan(options: TSamplePlanOptions): TStreamPlan {
  const expiresOn = localDate(addSeconds(options.scheduledStart, 365 * 24 * 3600), 'Asia/Shanghai');
  return parseStreamPlan({
    title: '冬季护肤专场',
    theme: '换季干皮急救：保湿面霜现场试用',
    platforms: ['douyin', 'wechat_channels'],
    scheduledStart: options.scheduledStart,
    timeZone: 'Asia/Shanghai',
    plannedDurationMinutes: 120,
    owner: options.owner ?? 'planner@example.com',
    team: {
      host: [{ id: 'host@example.com', name: '林小雅', email: 'host@example.com' }],
      co_host: [{ id: 'cohost@example.com', name: '周子豪', email: 'cohost@example.com' }],
      room_operator: [{ id: 'ops@example.com', name: '陈静', email: 'ops@example.com' }],
      reviewer: [{ id: 'reviewer@example.com', name: '王审', email: 'reviewer@example.com' }],
      promoter: [{ id: 'promo@example.com', name: '李推', email: 'promo@example.com' }],
      customer_service: [{ id: 'cs@example.com', name: '赵客服', email: 'cs@example.com' }],
      analyst: [{ id: 'analyst@example.com', name: '孙数据', email: 'analyst@example.com' }],
      manager: [{ id: 'manager@example.com', name: '刘经理', email: 'manager@example.com' }],
    },
    products: [
      {
        sku: SAMPLE_PRODUCT_SKU,
        name: '玻尿酸保湿面霜 50g',
        category: 'cosmetics',
        price: 89,
        stock: 2000,
        onReject: 'block',
        documents: {
          qualityInspection: { issuer: '上海市质量监督检验技术研究院', number: 'QI-2026-118604', expiresOn },
          traceability: { issuer: '国家化妆品追溯平台', number: 'TR-5531-0098-2026', expiresOn },
        },
      },
    ],
    script: [
      {
        id: 'open',
        kind: 'opening_hook',
        text: '欢迎来到冬季护肤专场！今晚八点到十点，福袋每半小时开一次，点点关注不迷路。',
        plannedMinutes: 10,
      },
      {
        id: 'pitch-hf001',
        kind: 'product_pitch',
        productSku: SAMPLE_PRODUCT_SKU,
        text: '这款玻尿酸保湿面霜质地轻薄，上脸就化开，干皮和混油皮都能用。质检报告和溯源凭证都在商品详情页，大家可以放心下单。',
        plannedMinutes: 60,
      },
      {
        id: 'qa',
        kind: 'qa',
        text: '有问题直接在评论区留言，客服会逐条回复；肤质和用法的问题助播帮大家解答。',
        plannedMinutes: 30,
      },
      {
        id: 'close',
        kind: 'closing_push',
        productSku: SAMPLE_PRODUCT_SKU,
        text: `今晚本场备货两百件，${SAMPLE_BANNED_TERM}，错过今天就要等下次活动了！`,
        plannedMinutes: 20,
      },
    ],
    interactions: [
      { kind: 'lucky_bag', offsetMinutes: 5, prize: '面霜小样 5g', quantity: 100 },
      {
        kind: 'flash_sale',
        offsetMinutes: 60,
        sku: SAMPLE_PRODUCT_SKU,
        price: 69,
        quantity: 200,
        durationMinutes: 10,
      },
      { kind: 'lottery', offsetMinutes: 110, prize: '正装面霜 50g', winners: 5 },
    ],
    targets: {
      viewers: 50_000,
      peakConcurrent: 3_000,
      gmv: 200_000,
      conversionRate: 0.035,
      newFollowers: 2_000,
    },
    ...(options.timing === undefined ? {} : { timing: options.timing }),
  });
}
