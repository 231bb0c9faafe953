import type { MetricDefinition } from './metric-types.js';

const base = (m: Omit<MetricDefinition, 'kind' | 'unit' | 'direction'> & Partial<MetricDefinition>): MetricDefinition => ({
  kind: 'base',
  unit: 'count',
  direction: 'higher_is_better',
  ...m,
});

/** Metrics counted directly by queries. */
export const BASE_METRICS: readonly MetricDefinition[] = [
  base({ id: 'page_views', name: { en: 'Page views', zh: '浏览量' }, formula: 'count(page_view events)', description: { en: 'Number of page_view events (bots excluded).', zh: 'page_view 事件数（不含机器人）。' } }),
  base({ id: 'visitors', name: { en: 'Visitors', zh: '访客数' }, formula: 'count(distinct person)', description: { en: 'Distinct people: identified users count once across devices, anonymous ids otherwise.', zh: '去重人数：已识别用户跨设备计一次，否则按匿名 ID 计。' } }),
  base({ id: 'sessions', name: { en: 'Sessions', zh: '会话数' }, formula: 'count(sessions)', description: { en: 'Visits; a session ends after 30 minutes without events (GA4).', zh: '访问次数；30 分钟无事件即结束会话（同 GA4）。' } }),
  base({ id: 'engaged_sessions', name: { en: 'Engaged sessions', zh: '互动会话数' }, formula: 'count(sessions lasting ≥ 10 s, or with a conversion, or with ≥ 2 page views)', description: { en: 'Sessions that are engaged by the GA4 rule.', zh: '符合 GA4 规则的互动会话：持续 ≥ 10 秒，或有转化，或有 ≥ 2 次浏览。' } }),
  base({ id: 'session_duration_total', name: { en: 'Total session duration', zh: '会话总时长' }, unit: 'seconds', formula: 'Σ (last event time − first event time) over sessions', description: { en: 'Sum of session durations in seconds.', zh: '所有会话时长之和（秒）。' } }),
  base({ id: 'conversions', name: { en: 'Conversions', zh: '转化数' }, formula: 'count(conversion events)', description: { en: 'Number of conversion events (each order counts once).', zh: '转化事件数（每个订单计一次）。' } }),
  base({ id: 'converting_sessions', name: { en: 'Converting sessions', zh: '转化会话数' }, formula: 'count(sessions with ≥ 1 conversion)', description: { en: 'Sessions in which at least one conversion happened.', zh: '至少发生一次转化的会话数。' } }),
  base({ id: 'revenue', name: { en: 'Revenue', zh: '收入' }, unit: 'currency', formula: 'Σ conversion value', description: { en: 'Sum of conversion values, in the site currency.', zh: '转化价值之和（站点币种）。' } }),
  base({ id: 'cost', name: { en: 'Cost', zh: '花费' }, unit: 'currency', direction: 'lower_is_better', formula: 'Σ ad cost', description: { en: 'Ad spend from imported cost rows.', zh: '导入的广告花费。' } }),
  base({ id: 'impressions', name: { en: 'Impressions', zh: '展示次数' }, formula: 'Σ impressions', description: { en: 'Ad impressions from imported cost rows.', zh: '导入的广告展示次数。' } }),
  base({ id: 'clicks', name: { en: 'Clicks', zh: '点击次数' }, formula: 'Σ clicks', description: { en: 'Ad clicks from imported cost rows.', zh: '导入的广告点击次数。' } }),
  base({ id: 'funnel_step_users', name: { en: 'Funnel step users', zh: '漏斗步骤人数' }, formula: 'count(people whose funnel level ≥ k)', description: { en: 'People who reached step k of a funnel within its window.', zh: '在漏斗窗口内到达第 k 步的人数。' } }),
  base({ id: 'funnel_previous_step_users', name: { en: 'Previous step users', zh: '上一步人数' }, formula: 'count(people whose funnel level ≥ k − 1)', description: { en: 'People who reached the step before step k.', zh: '到达第 k 步前一步的人数。' } }),
];
