/** The tables (and the one chart) of a campaign review; see campaign-review-view.ts. */
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox } from '../components/states.js';
import { h } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDateTime, formatMoneyList, formatMultiple, formatNumber, formatPercent } from '../format.js';
import type { CampaignReview } from './campaign-review-view.js';

type Review = CampaignReview;

/** Sessions and conversions per utm_campaign value: a bar chart and the table of the figures. */
export function utmSection(rows: Review['byUtmCampaign'], signal: AbortSignal): HTMLElement {
  if (rows.length === 0) return emptyBox();
  const chart = chartBlock(t('review.byUtm'), {
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.key) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', name: t('col.sessions'), data: rows.map((r) => r.sessions), barMaxWidth: 48 },
      { type: 'bar', name: t('col.conversions'), data: rows.map((r) => r.conversions), barMaxWidth: 48 },
    ],
  }, signal, 240);
  const table = dataTable(rows, [
    { key: 'key', label: t('col.campaign'), value: (r) => r.key },
    { key: 'sessions', label: t('col.sessions'), value: (r) => r.sessions, numeric: true, show: (r) => formatNumber(r.sessions) },
    { key: 'users', label: t('col.users'), value: (r) => r.users, numeric: true, show: (r) => formatNumber(r.users) },
    { key: 'conversions', label: t('col.conversions'), value: (r) => r.conversions, numeric: true, show: (r) => formatNumber(r.conversions) },
    { key: 'conversionRate', label: t('col.conversionRate'), value: (r) => r.conversionRate, numeric: true, show: (r) => formatPercent(r.conversionRate) },
    { key: 'revenue', label: t('col.revenue'), value: (r) => r.revenue[0]?.amount ?? 0, numeric: true, show: (r) => formatMoneyList(r.revenue) },
  ], { caption: t('review.byUtm'), rowKey: (r) => r.key, name: 'review-utm', sortKey: 'sessions' });
  return h('div', null, chart, table);
}

/** Each source's credited conversions, revenue, cost, ROI and ROAS. */
export function sourcesTable(rows: Review['sources']): HTMLElement {
  if (rows.length === 0) return emptyBox();
  return dataTable(rows, [
    { key: 'key', label: t('review.source'), value: (r) => r.key },
    { key: 'conversions', label: t('col.conversions'), value: (r) => r.conversions, numeric: true, show: (r) => formatNumber(r.conversions, 2) },
    { key: 'revenue', label: t('col.revenue'), value: (r) => r.revenue[0]?.amount ?? 0, numeric: true, show: (r) => formatMoneyList(r.revenue) },
    { key: 'cost', label: t('col.cost'), value: (r) => r.cost[0]?.amount ?? 0, numeric: true, show: (r) => formatMoneyList(r.cost) },
    { key: 'roi', label: t('col.roi'), value: (r) => r.figures[0]?.roi ?? null, numeric: true, show: (r) => formatPercent(r.figures[0]?.roi) },
    { key: 'roas', label: t('col.roas'), value: (r) => r.figures[0]?.roas ?? null, numeric: true, show: (r) => formatMultiple(r.figures[0]?.roas) },
  ], { caption: t('review.sources'), rowKey: (r) => r.key, name: 'review-sources', sortKey: 'conversions' });
}

/** Figures per creative (utm_content). */
export function creativesTable(rows: Review['creatives']): HTMLElement {
  if (rows.length === 0) return emptyBox();
  return dataTable(rows, [
    { key: 'content', label: t('review.creative'), value: (r) => r.content },
    { key: 'sessions', label: t('col.sessions'), value: (r) => r.sessions, numeric: true, show: (r) => formatNumber(r.sessions) },
    { key: 'users', label: t('col.users'), value: (r) => r.users, numeric: true, show: (r) => formatNumber(r.users) },
    { key: 'conversions', label: t('col.conversions'), value: (r) => r.conversions, numeric: true, show: (r) => formatNumber(r.conversions) },
    { key: 'revenue', label: t('col.revenue'), value: (r) => r.revenue[0]?.amount ?? 0, numeric: true, show: (r) => formatMoneyList(r.revenue) },
  ], { caption: t('review.creatives'), rowKey: (r) => r.content, name: 'review-creatives', sortKey: 'sessions' });
}

/** Conversions credited to each utm_campaign value by every model, side by side. */
export function attributionTable(a: Review['attribution']): HTMLElement {
  if (a.rows.length === 0) return emptyBox();
  type Row = Review['attribution']['rows'][number];
  return dataTable(a.rows, [
    { key: 'key', label: t('col.campaign'), value: (r) => r.key },
    ...a.models.map((m) => ({
      key: m, label: t(`model.${m}` as MessageKey), numeric: true,
      value: (r: Row) => r.credits[m]?.conversions ?? null, show: (r: Row) => formatNumber(r.credits[m]?.conversions, 2),
    })),
  ], { caption: t('review.attribution'), rowKey: (r) => r.key, name: 'review-attribution', sortKey: 'key', descending: false });
}

/** The campaign's funnel, step by step. */
export function funnelTable(steps: NonNullable<Review['funnel']>['report']['steps']): HTMLElement {
  return dataTable(steps, [
    { key: 'step', label: t('col.step'), value: (s) => s.step, show: (s) => `${s.step}. ${s.label ?? s.event}` },
    { key: 'entrants', label: t('col.entrants'), value: (s) => s.entrants, numeric: true, show: (s) => formatNumber(s.entrants) },
    { key: 'fromFirst', label: t('col.fromFirst'), value: (s) => s.conversionFromFirst, numeric: true, show: (s) => formatPercent(s.conversionFromFirst) },
  ], { caption: t('col.step'), rowKey: (s) => String(s.step), name: 'review-funnel', sortKey: 'step', descending: false });
}

/** Alerts that fired during the campaign. */
export function alertsTable(rows: Review['alerts'], timeZone: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'state empty' }, t('review.noAlerts'));
  return dataTable(rows, [
    { key: 'rule', label: t('alerts.col.rule'), value: (a) => a.ruleName },
    { key: 'at', label: t('alerts.col.firedAt'), value: (a) => a.at, show: (a) => formatDateTime(a.at, timeZone) },
    { key: 'value', label: t('alerts.col.value'), value: (a) => a.value, numeric: true, show: (a) => formatNumber(a.value, 4) },
  ], { caption: t('review.alerts'), rowKey: (a) => `${a.ruleId}@${a.at}`, name: 'review-alerts', sortKey: 'at' });
}
