/**
 * Channels & campaigns: traffic per channel (or campaign, or source / medium) with conversions
 * credited by the chosen attribution model; cost and return (ROI, ROAS, CPA) per channel or
 * campaign; and every model side by side.
 */
import { apiGet } from '../api.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, loadInto, section, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatMoney, formatMoneyList, formatMultiple, formatNumber, formatPercent, NONE } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param, rangeQuery } from '../state.js';
import { MODELS, type AttributionAnswer, type ChannelRow, type ComparisonAnswer, type ModelId, type RoiAnswer, type RoiRow } from './channels-data.js';

const GROUPINGS = ['channel', 'campaign', 'source_medium'] as const;
type Grouping = (typeof GROUPINGS)[number];

/** Renders the channels page. */
export function render(ctx: PageContext): void {
  const { main, filters, signal } = ctx;
  const by: Grouping = (GROUPINGS as readonly string[]).includes(param('by')) ? (param('by') as Grouping) : 'channel';
  const model: ModelId = (MODELS as readonly string[]).includes(param('model')) ? (param('model') as ModelId) : 'last_non_direct';
  const traffic = slot('channels');
  const roi = slot('roi');
  const compare = slot('compare');
  main.append(
    h('h1', null, t('channels.title')),
    h('div', { class: 'toolbar' },
      choice(t('channels.by'), GROUPINGS.map((g) => [g, t(`channels.by.${g}` as MessageKey)]), by, (v) => setQuery({ by: v === 'channel' ? undefined : v })),
      choice(t('channels.model'), MODELS.map((m) => [m, t(`model.${m}` as MessageKey)]), model, (v) => setQuery({ model: v === 'last_non_direct' ? undefined : v }), 'model')),
    section(t(`channels.by.${by}` as MessageKey), traffic),
    section(`${t('col.cost')} · ${t('col.roi')} · ${t('col.roas')} · ${t('col.cpa')} (${t(`model.${model}` as MessageKey)})`, roi),
    section(t('channels.compare'), compare),
  );
  const q = { ...rangeQuery(filters), by };
  const both = () => Promise.all([
    apiGet<{ rows: ChannelRow[] }>('/v1/reports/channels', q, { signal }),
    apiGet<AttributionAnswer>('/v1/attribution', { ...q, model }, { signal }),
  ]);
  void loadInto(traffic, both, ([c, a]) => trafficTable(c.rows, a, by), signal);
  const roiBy = by === 'campaign' ? 'campaign' : 'channel';
  void loadInto(roi, () => apiGet<RoiAnswer>('/v1/reports/roi', { ...rangeQuery(filters), by: roiBy, model }, { signal }), (r) => roiTable(r, roiBy === 'campaign' ? t('col.campaign') : t('col.channel')), signal);
  void loadInto(compare, () => apiGet<ComparisonAnswer>('/v1/attribution/compare', q, { signal }), (c) => comparison(c, signal), signal);
}

function choice(label: string, pairs: string[][], value: string, change: (v: string) => void, name?: string): HTMLElement {
  const id = uid('choice');
  const select = h('select', { attrs: { id, name: name ?? null }, on: { change: () => change(select.value) } }, ...pairs.map(([v, l]) => h('option', { attrs: { value: v } }, l)));
  select.value = value;
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), select);
}

interface TrafficRow { key: string; channel?: ChannelRow; credit?: AttributionAnswer['rows'][number] }

function trafficTable(rows: ChannelRow[], a: AttributionAnswer, by: Grouping): HTMLElement | HTMLElement[] {
  const keys = [...new Set([...rows.map((r) => r.key), ...a.rows.map((r) => r.key)])];
  if (keys.length === 0) return emptyBox();
  const merged: TrafficRow[] = keys.map((key) => ({ key, channel: rows.find((r) => r.key === key), credit: a.rows.find((r) => r.key === key) }));
  const label = by === 'source_medium' ? t('col.sourceMedium') : by === 'campaign' ? t('col.campaign') : t('col.channel');
  const model = t(`model.${a.model}` as MessageKey);
  return [
    dataTable(merged, [
      { key: 'key', label, value: (r) => r.key },
      { key: 'sessions', label: t('col.sessions'), numeric: true, value: (r) => r.channel?.sessions ?? 0, show: (r) => formatNumber(r.channel?.sessions ?? 0) },
      { key: 'users', label: t('col.users'), numeric: true, value: (r) => r.channel?.users ?? 0, show: (r) => formatNumber(r.channel?.users ?? 0) },
      { key: 'conversionRate', label: t('col.conversionRate'), numeric: true, value: (r) => r.channel?.conversionRate ?? null, show: (r) => formatPercent(r.channel?.conversionRate) },
      { key: 'conversions', label: `${t('col.conversions')} (${model})`, numeric: true, value: (r) => r.credit?.conversions ?? 0, show: (r) => formatNumber(r.credit?.conversions ?? 0, 2) },
      { key: 'revenue', label: `${t('col.revenue')} (${model})`, numeric: true, value: (r) => r.credit?.revenue[0]?.amount ?? 0, show: (r) => formatMoneyList(r.credit?.revenue) },
    ], { caption: label, rowKey: (r) => r.key, name: 'channels', sortKey: 'sessions' }),
    a.unattributed.conversions > 0 ? h('p', { class: 'muted', attrs: { 'data-unattributed': a.unattributed.conversions } }, t('channels.unattributed', { n: formatNumber(a.unattributed.conversions) })) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** The first cost currency's figure of a row (rows rarely pay in two currencies). */
const fig = (r: RoiRow) => r.figures[0];

function roiTable(r: RoiAnswer, label: string): HTMLElement | HTMLElement[] {
  if (r.rows.length === 0) return emptyBox();
  return [
    dataTable(r.rows, [
      { key: 'key', label, value: (x) => x.key },
      { key: 'conversions', label: t('col.conversions'), numeric: true, value: (x) => x.conversions, show: (x) => formatNumber(x.conversions, 2) },
      { key: 'revenue', label: t('col.revenue'), numeric: true, value: (x) => x.revenue[0]?.amount ?? 0, show: (x) => formatMoneyList(x.revenue) },
      { key: 'cost', label: t('col.cost'), numeric: true, value: (x) => x.cost[0]?.amount ?? null, show: (x) => formatMoneyList(x.cost) },
      { key: 'roi', label: t('col.roi'), numeric: true, value: (x) => fig(x)?.roi ?? null, show: (x) => (x.currencyMismatch ? mismatch() : formatPercent(fig(x)?.roi)) },
      { key: 'roas', label: t('col.roas'), numeric: true, value: (x) => fig(x)?.roas ?? null, show: (x) => (x.currencyMismatch ? mismatch() : formatMultiple(fig(x)?.roas)) },
      { key: 'cpa', label: t('col.cpa'), numeric: true, value: (x) => fig(x)?.cpa ?? null, show: (x) => (fig(x)?.cpa == null ? NONE : formatMoney(fig(x).cpa, fig(x).currency)) },
    ], { caption: t('col.roi'), rowKey: (x) => x.key, name: 'roi', sortKey: 'cost' }),
    r.unattributed.conversions > 0 ? h('p', { class: 'muted' }, t('channels.unattributed', { n: formatNumber(r.unattributed.conversions) })) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

function mismatch(): HTMLElement {
  return h('abbr', { attrs: { title: t('channels.currencyMismatch') } }, `${NONE} ≠`);
}

function comparison(c: ComparisonAnswer, signal: AbortSignal): HTMLElement | HTMLElement[] {
  if (c.rows.length === 0) return emptyBox();
  const keys = c.rows.map((r) => r.key);
  const chart = chartBlock(t('channels.compare'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 48, bottom: 60 },
    xAxis: { type: 'category', data: keys, axisLabel: { interval: 0, rotate: keys.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: c.models.map((m) => ({ name: t(`model.${m}` as MessageKey), type: 'bar', data: c.rows.map((r) => round2(r.credits[m]?.conversions ?? 0)) })),
  }, signal, 360);
  const table = dataTable(c.rows, [
    { key: 'key', label: t('col.channel'), value: (r) => r.key },
    ...c.models.map((m) => ({
      key: m, label: t(`model.${m}` as MessageKey), numeric: true,
      value: (r: ComparisonAnswer['rows'][number]) => r.credits[m]?.conversions ?? 0,
      show: (r: ComparisonAnswer['rows'][number]) => formatNumber(r.credits[m]?.conversions ?? 0, 2),
    })),
  ], { caption: t('channels.compare'), rowKey: (r) => r.key, name: 'compare', sortKey: c.models[0] });
  return [chart, table];
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
