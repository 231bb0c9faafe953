/**
 * Named RFM segments, as data. A customer's segment is the first rule whose ranges contain
 * its R score and its FM score, where FM = ceil((F + M) / 2) joins frequency and money (both
 * say "how valuable", and a 5 × 5 grid is what marketers can read). Every one of the 25
 * (R, FM) cells is covered; a test checks it.
 */

/** Segment identifiers. */
export type RfmSegmentId =
  | 'champions'
  | 'loyal'
  | 'potential_loyalist'
  | 'new'
  | 'promising'
  | 'need_attention'
  | 'cant_lose'
  | 'at_risk'
  | 'hibernating'
  | 'lost';

/** One rule: inclusive ranges of R and FM. */
export interface RfmSegmentRule {
  id: RfmSegmentId;
  name: { en: string; zh: string };
  r: readonly [number, number];
  fm: readonly [number, number];
  description: { en: string; zh: string };
}

/** The rule table, first match wins. */
export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { id: 'champions', name: { en: 'Champions', zh: '重要价值客户' }, r: [4, 5], fm: [4, 5], description: { en: 'Bought recently, buy often and spend the most', zh: '最近购买、购买频繁且消费最多' } },
  { id: 'loyal', name: { en: 'Loyal', zh: '忠诚客户' }, r: [3, 5], fm: [3, 5], description: { en: 'Buy regularly and spend well', zh: '经常购买且消费可观' } },
  { id: 'potential_loyalist', name: { en: 'Potential loyalist', zh: '潜在忠诚客户' }, r: [3, 5], fm: [2, 2], description: { en: 'Recent customers with some repeat value', zh: '近期客户，已有一定复购价值' } },
  { id: 'new', name: { en: 'New', zh: '新客户' }, r: [5, 5], fm: [1, 1], description: { en: 'Bought very recently, once or for little', zh: '刚刚购买，次数或金额很少' } },
  { id: 'promising', name: { en: 'Promising', zh: '有潜力的新客' }, r: [4, 4], fm: [1, 1], description: { en: 'Recent shoppers who have not spent much yet', zh: '近期购买但消费尚少' } },
  { id: 'need_attention', name: { en: 'Need attention', zh: '需要关注' }, r: [3, 3], fm: [1, 1], description: { en: 'Middling recency, low value', zh: '购买时间一般，价值偏低' } },
  { id: 'cant_lose', name: { en: "Can't lose them", zh: '不能流失的客户' }, r: [1, 1], fm: [4, 5], description: { en: 'Used to buy often and spend a lot, but not for a long time', zh: '曾经高频高消费，但很久没有购买' } },
  { id: 'at_risk', name: { en: 'At risk', zh: '流失风险客户' }, r: [1, 2], fm: [3, 5], description: { en: 'Valuable customers who are drifting away', zh: '有价值但正在远离的客户' } },
  { id: 'hibernating', name: { en: 'Hibernating', zh: '沉睡客户' }, r: [2, 2], fm: [1, 2], description: { en: 'Low value, last purchase long ago', zh: '价值低，上次购买已久' } },
  { id: 'lost', name: { en: 'Lost', zh: '已流失客户' }, r: [1, 1], fm: [1, 2], description: { en: 'Lowest recency and value', zh: '最久未购买且价值最低' } },
];

/** FM score: ceil((F + M) / 2). */
export function fmScore(f: number, m: number): number {
  return Math.ceil((f + m) / 2);
}

/** Segment of a customer from its R, F and M scores (each 1–5). */
export function rfmSegment(r: number, f: number, m: number): RfmSegmentRule {
  const fm = fmScore(f, m);
  const rule = RFM_SEGMENT_RULES.find((s) => r >= s.r[0] && r <= s.r[1] && fm >= s.fm[0] && fm <= s.fm[1]);
  if (!rule) throw new RangeError(`no RFM segment for R=${r}, F=${f}, M=${m}: scores must be integers 1–5`);
  return rule;
}
