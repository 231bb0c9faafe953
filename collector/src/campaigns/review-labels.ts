/** Labels of the review page in Chinese and English (`?lang=zh|en`). */

export type Lang = 'zh' | 'en';

const EN = {
  title: 'Campaign review', period: 'Period', generated: 'Generated', headline: 'Headline', goals: 'Goals',
  sessions: 'Sessions', users: 'Users', conversions: 'Conversions', conversionRate: 'Conversion rate', revenue: 'Revenue',
  cost: 'Cost', attributedRevenue: 'Attributed revenue', roi: 'ROI', roas: 'ROAS', cpa: 'CPA',
  goalConversions: 'Conversion goal', targetRoi: 'Target ROI', budget: 'Budget', spent: 'Spent', reached: 'reached', missed: 'missed',
  byUtmCampaign: 'By utm_campaign', sources: 'Sources (ROI, last non-direct)', source: 'Source', creatives: 'Creatives (utm_content)',
  creative: 'Creative', attribution: 'Attribution models compared', model: 'Model', funnel: 'Funnel', step: 'Step', entrants: 'Entrants',
  alerts: 'Alerts fired during the campaign', noAlerts: 'No alert fired.', rule: 'Rule', at: 'At', value: 'Value',
  previous: 'Compared with the previous campaign', noPrevious: 'No earlier campaign on this site.', change: 'Change', none: '—',
  campaign: 'Campaign', thisCampaign: 'This campaign',
};

const ZH: typeof EN = {
  title: '活动复盘', period: '活动周期', generated: '生成时间', headline: '核心指标', goals: '目标达成',
  sessions: '会话数', users: '用户数', conversions: '转化数', conversionRate: '转化率', revenue: '收入',
  cost: '花费', attributedRevenue: '归因收入', roi: '投资回报率', roas: '广告支出回报', cpa: '单次转化成本',
  goalConversions: '转化目标', targetRoi: '目标 ROI', budget: '预算', spent: '已花费', reached: '已达成', missed: '未达成',
  byUtmCampaign: '按 utm_campaign', sources: '来源（ROI，最终非直接归因）', source: '来源', creatives: '创意（utm_content）',
  creative: '创意', attribution: '归因模型对比', model: '模型', funnel: '漏斗', step: '步骤', entrants: '人数',
  alerts: '活动期间触发的告警', noAlerts: '没有触发告警。', rule: '规则', at: '时间', value: '数值',
  previous: '与上一次活动对比', noPrevious: '本站点没有更早的活动。', change: '变化', none: '—',
  campaign: '活动', thisCampaign: '本次活动',
};

/** The labels of `lang`. */
export function labels(lang: Lang): typeof EN {
  return lang === 'zh' ? ZH : EN;
}

/** Names of the attribution models. */
export const MODEL_NAMES: Record<string, { en: string; zh: string }> = {
  first_touch: { en: 'First touch', zh: '首次触点' },
  last_touch: { en: 'Last touch', zh: '末次触点' },
  last_non_direct: { en: 'Last non-direct', zh: '最终非直接' },
  linear: { en: 'Linear', zh: '线性' },
  time_decay: { en: 'Time decay', zh: '时间衰减' },
  position_based: { en: 'Position-based', zh: '位置归因' },
  markov: { en: 'Markov', zh: '马尔可夫' },
  shapley: { en: 'Shapley', zh: '沙普利' },
};
