/**
 * Alert rules as the API shows them to a read token, and their plain-language summaries
 * (condition, slice, window, schedule, channels) in the chosen language. Metric names come from
 * `GET /v1/alerts/metrics`, so a rule speaks of the same metric the reports name.
 */
import { pick, t } from '../i18n.js';
import { formatNumber } from '../format.js';

/** An alertable metric (`GET /v1/alerts/metrics`). */
export interface AlertMetric {
  id: string;
  name: { en: string; zh: string };
  unit: string;
  description: { en: string; zh: string };
}

/** A condition of a rule (see docs/alerts.md); only the fields the summary reads. */
export interface Condition {
  type: 'threshold' | 'change' | 'anomaly' | 'baseline' | 'all' | 'any' | 'preset';
  metric?: string;
  op?: 'above' | 'below';
  value?: number;
  inclusive?: boolean;
  compare?: 'previous_period' | 'same_weekday_last_week';
  direction?: 'up' | 'down' | 'either';
  mode?: 'absolute' | 'percent';
  amount?: number;
  method?: 'zscore' | 'mad';
  weeks?: number;
  k?: number;
  stat?: 'median' | 'mean';
  minBaseline?: number;
  preset?: 'bounce_rate_spike' | 'channel_sessions_zero';
  conditions?: Condition[];
}

/** A rule as a read token sees it: channels reduced to type and host. */
export interface AlertRuleView {
  id: string;
  site: string;
  name: string;
  description?: string;
  metric: string;
  filters: Record<string, string | { id: string; step: number } | undefined>;
  window: { unit: 'minute' | 'hour' | 'day' | 'week'; size: number };
  condition: Condition;
  minVolume?: { metric: string; min: number };
  currency?: string;
  schedule: { cron: string };
  timezone: string;
  lifecycle: { consecutive: number; cooldownMinutes: number; notifyRecovery: boolean };
  channels: { type: string; target?: string; url?: string }[];
  enabled: boolean;
  state?: { status: 'ok' | 'firing' | 'acknowledged'; consecutive: number; lastSlot: number | null };
}

/** The metric's name in the current language, or its id when unknown. */
export function metricName(id: string, metrics: Map<string, AlertMetric>): string {
  const m = metrics.get(id);
  return m ? pick(m.name) : id;
}

/** "Sessions > 5", "any of (…; …)", "anomaly up (z-score, k 3, 4 weeks)"… */
export function conditionText(c: Condition, metrics: Map<string, AlertMetric>, ruleMetric: string): string {
  const name = metricName(c.metric ?? ruleMetric, metrics);
  switch (c.type) {
    case 'threshold': return `${name} ${opSign(c.op, c.inclusive)} ${formatNumber(c.value, 4)}`;
    case 'change': return t('alerts.cond.change', {
      metric: name, direction: t(`alerts.dir.${c.direction ?? 'either'}`), amount: c.mode === 'percent' ? `${formatNumber(c.amount, 2)}%` : formatNumber(c.amount, 4),
      compare: t(c.compare === 'same_weekday_last_week' ? 'alerts.cmp.week' : 'alerts.cmp.previous'),
    });
    case 'anomaly': return t('alerts.cond.anomaly', {
      metric: name, direction: t(`alerts.dir.${c.direction ?? 'either'}`), method: c.method === 'mad' ? 'MAD' : 'z-score', k: formatNumber(c.k, 2), weeks: c.weeks ?? 4,
    });
    case 'baseline': return t('alerts.cond.baseline', {
      metric: name, stat: t(c.stat === 'mean' ? 'alerts.stat.mean' : 'alerts.stat.median'), weeks: c.weeks ?? 4, op: opSign(c.op, c.inclusive), value: formatNumber(c.value, 4),
    });
    case 'all':
    case 'any': return t(c.type === 'all' ? 'alerts.cond.all' : 'alerts.cond.any', {
      list: (c.conditions ?? []).map((x) => conditionText(x, metrics, ruleMetric)).join('; '),
    });
    case 'preset': return c.preset === 'channel_sessions_zero'
      ? t('alerts.cond.sessionsZero', { min: formatNumber(c.minBaseline ?? 10), weeks: c.weeks ?? 4 })
      : t('alerts.cond.bounceSpike', { k: formatNumber(c.k ?? 3, 2), weeks: c.weeks ?? 4 });
  }
}

function opSign(op: Condition['op'], inclusive: boolean | undefined): string {
  if (op === 'below') return inclusive ? '≤' : '<';
  return inclusive ? '≥' : '>';
}

/** "Channel = Paid Search", or "whole site". */
export function sliceText(filters: AlertRuleView['filters']): string {
  const parts = Object.entries(filters).flatMap(([k, v]) => {
    if (v === undefined) return [];
    if (typeof v === 'object') return [t('alerts.slice.funnel', { id: v.id, step: v.step })];
    return [`${k} = ${v}`];
  });
  return parts.length ? parts.join(', ') : t('alerts.slice.site');
}

/** "every slot reads the last 1 day(s); cron 0 9 * * * (Asia/Shanghai)". */
export function scheduleText(r: AlertRuleView): string {
  return t('alerts.schedule', { cron: r.schedule.cron, timezone: r.timezone, size: r.window.size, unit: t(`alerts.unit.${r.window.unit}`) });
}

/** Channels as "webhook · ops.example.com": never the URL (it carries keys). */
export function channelsText(channels: AlertRuleView['channels']): string {
  if (channels.length === 0) return t('alerts.noChannels');
  return channels.map((c) => `${c.type} · ${c.target ?? hostOf(c.url)}`).join(', ');
}

function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : '';
  } catch {
    return '';
  }
}

/** The rule as a definition for `POST /v1/alerts/preview`: channels play no part in a preview. */
export function previewDefinition(r: AlertRuleView): Record<string, unknown> {
  const { id: _id, state: _state, channels: _channels, ...rest } = r as AlertRuleView & { createdAt?: string; updatedAt?: string };
  const { createdAt: _c, updatedAt: _u, ...definition } = rest as typeof rest & { createdAt?: string; updatedAt?: string };
  return { ...definition, channels: [] };
}
