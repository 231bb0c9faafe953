/**
 * Overview: headline metrics (named by the metric dictionary) with the change against the
 * previous period of the same length, the daily trend, top channels, campaigns and pages, and
 * a live count of arriving events.
 */
import { apiGet } from '../api.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { metricCards, type CardFigure } from '../components/metric-cards.js';
import { emptyBox, loadInto, section, slot } from '../components/states.js';
import { h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { formatMoneyList, formatNumber, formatPercent } from '../format.js';
import { loadMetrics, type MetricInfo } from '../metrics.js';
import type { PageContext } from '../routes.js';
import { loadDailySeries, seriesTotals, type SeriesPoint } from '../series.js';
import { previousRange, rangeQuery } from '../state.js';
import { liveBadge } from '../components/live-badge.js';
import type { ChannelRow } from './channels-data.js';

interface SummaryPage { path: string; pageviews: number; visitors: number }

/** Renders the overview. */
export function render(ctx: PageContext): void {
  const { main, filters: f, signal } = ctx;
  const cards = slot('metrics');
  const trend = slot('trend');
  const channels = slot('top-channels');
  const campaigns = slot('top-campaigns');
  const pages = slot('top-pages');
  main.append(
    h('div', { class: 'page-head' }, h('h1', null, t('overview.title')), liveBadge(f.site, signal)),
    cards,
    section(t('overview.trend'), trend),
    h('div', { class: 'grid-2' },
      section(t('overview.topChannels'), channels),
      section(t('overview.topCampaigns'), campaigns)),
    section(t('overview.topPages'), pages),
  );
  const prev = previousRange(f.from, f.to);
  const loaded = Promise.all([
    loadMetrics(),
    loadDailySeries(f, signal),
    f.compare ? loadDailySeries({ ...f, ...prev }, signal) : Promise.resolve(null),
  ]);
  void loadInto(cards, () => loaded, ([metrics, now, before]) => metricCards(headline(now, before), metrics, f.compare), signal);
  void loadInto(trend, () => loaded, ([metrics, now, before]) => trendChart(metrics, now, before, signal), signal);
  const top = (by: 'channel' | 'campaign') => apiGet<{ rows: ChannelRow[] }>('/v1/reports/channels', { ...rangeQuery(f), by }, { signal });
  void loadInto(channels, () => top('channel'), (r) => topTable(r.rows, t('col.channel'), 'top-channels'), signal);
  void loadInto(campaigns, () => top('campaign'), (r) => topTable(r.rows, t('col.campaign'), 'top-campaigns'), signal);
  const summary = () => apiGet<{ topPages: SummaryPage[] }>('/v1/stats/summary', { ...rangeQuery(f), limit: 10 }, { signal });
  void loadInto(pages, summary, (s) => pagesTable(s.topPages), signal);
}

function headline(now: SeriesPoint[], before: SeriesPoint[] | null): CardFigure[] {
  const a = seriesTotals(now);
  const b = before ? seriesTotals(before) : null;
  const oneCurrency = a.revenue.length === 1 && (!b || b.revenue.length === 0 || (b.revenue.length === 1 && b.revenue[0].currency === a.revenue[0].currency));
  return [
    { metric: 'page_views', text: formatNumber(a.pageviews), current: a.pageviews, previous: b?.pageviews },
    { metric: 'sessions', text: formatNumber(a.sessions), current: a.sessions, previous: b?.sessions },
    { metric: 'conversions', text: formatNumber(a.conversions), current: a.conversions, previous: b?.conversions },
    { metric: 'conversion_rate', text: formatPercent(a.conversion_rate), current: a.conversion_rate, previous: b?.conversion_rate },
    {
      metric: 'revenue', text: formatMoneyList(a.revenue),
      current: oneCurrency ? a.revenue[0].amount : null,
      previous: oneCurrency ? (b?.revenue[0]?.amount ?? (b ? 0 : undefined)) : undefined,
    },
  ];
}

function trendChart(metrics: Map<string, MetricInfo>, now: SeriesPoint[], before: SeriesPoint[] | null, signal: AbortSignal): HTMLElement | HTMLElement[] {
  if (now.every((p) => !p.sessions && !p.pageviews)) return emptyBox();
  const name = (id: string) => (metrics.get(id) ? pick(metrics.get(id)!.name) : id);
  const line = (label: string, data: number[], dashed = false) => ({ name: label, type: 'line', data, showSymbol: data.length < 40, lineStyle: dashed ? { type: 'dashed' } : undefined });
  const series = [
    line(name('page_views'), now.map((p) => p.pageviews ?? 0)),
    line(name('sessions'), now.map((p) => p.sessions ?? 0)),
    line(name('conversions'), now.map((p) => p.conversions ?? 0)),
  ];
  if (before) series.push(line(`${name('sessions')} (${t('overview.previous')})`, before.map((p) => p.sessions ?? 0), true));
  return chartBlock(t('overview.trend'), {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, type: 'scroll' },
    xAxis: { type: 'category', data: now.map((p) => p.start.slice(0, 10)) },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  }, signal);
}

function topTable(rows: ChannelRow[], label: string, name: string): HTMLElement {
  if (rows.length === 0) return emptyBox();
  return dataTable(rows.slice(0, 8), [
    { key: 'key', label, value: (r) => r.key, sortable: false },
    { key: 'sessions', label: t('col.sessions'), value: (r) => r.sessions, numeric: true, show: (r) => formatNumber(r.sessions) },
    { key: 'conversions', label: t('col.conversions'), value: (r) => r.conversions, numeric: true, show: (r) => formatNumber(r.conversions) },
    { key: 'revenue', label: t('col.revenue'), value: (r) => r.revenue[0]?.amount ?? 0, numeric: true, show: (r) => formatMoneyList(r.revenue), sortable: false },
  ], { caption: label, rowKey: (r) => r.key, name, sortKey: 'sessions' });
}

function pagesTable(rows: SummaryPage[]): HTMLElement {
  if (rows.length === 0) return emptyBox();
  return dataTable(rows, [
    { key: 'path', label: t('col.page'), value: (r) => r.path, sortable: false },
    { key: 'pageviews', label: t('col.pageviews'), value: (r) => r.pageviews, numeric: true, show: (r) => formatNumber(r.pageviews) },
    { key: 'visitors', label: t('col.visitors'), value: (r) => r.visitors, numeric: true, show: (r) => formatNumber(r.visitors) },
  ], { caption: t('overview.topPages'), rowKey: (r) => r.path, name: 'top-pages', sortKey: 'pageviews' });
}
