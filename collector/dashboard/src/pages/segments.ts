/**
 * RFM & AIPL: how converting customers split into RFM segments (scored as of the end of the
 * range), and how far people got through awareness → interest → purchase → loyalty.
 */
import { apiGet } from '../api.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, loadInto, section, slot } from '../components/states.js';
import { h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { formatNumber, formatPercent } from '../format.js';
import type { PageContext } from '../routes.js';
import { rangeQuery } from '../state.js';
import { aiplView, type AiplAnswer } from './aipl-view.js';

interface RfmSegment { id: string; name: { en: string; zh: string }; description: { en: string; zh: string }; persons: number; share: number | null }
interface RfmAnswer { asOf: string; currency: string | null; customers: number; segments: RfmSegment[] }

/** Renders the RFM & AIPL page. */
export function render(ctx: PageContext): void {
  const { main, filters, signal } = ctx;
  const rfm = slot('rfm');
  const aipl = slot('aipl');
  main.append(h('h1', null, t('segments.title')), section(t('segments.rfm'), rfm), section(t('segments.aipl'), aipl));
  const rfmLoad = () => apiGet<RfmAnswer>('/v1/reports/rfm', { site: filters.site, as_of: filters.to, limit: 1 }, { signal });
  void loadInto(rfm, rfmLoad, (r) => rfmView(r, filters.to, signal), signal);
  void loadInto(aipl, () => apiGet<AiplAnswer>('/v1/reports/aipl', rangeQuery(filters), { signal }), (r) => aiplView(r, signal), signal);
}

function rfmView(r: RfmAnswer, asOf: string, signal: AbortSignal): HTMLElement | HTMLElement[] {
  if (r.customers === 0) return emptyBox();
  const segments = r.segments.filter((s) => s.persons > 0);
  const chart = chartBlock(t('segments.rfm'), {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], data: segments.map((s) => ({ name: pick(s.name), value: s.persons })), label: { formatter: '{b}: {c}' } }],
  }, signal, 340);
  return [
    h('p', { class: 'muted' }, t('segments.asOf', { date: asOf })),
    chart,
    dataTable(r.segments, [
      { key: 'segment', label: t('col.segment'), value: (s) => pick(s.name) },
      { key: 'persons', label: t('col.persons'), numeric: true, value: (s) => s.persons, show: (s) => formatNumber(s.persons) },
      { key: 'share', label: t('col.share'), numeric: true, value: (s) => s.share, show: (s) => formatPercent(s.share) },
      { key: 'description', label: t('col.description'), value: () => null, sortable: false, show: (s) => pick(s.description) },
    ], { caption: t('segments.rfm'), rowKey: (s) => s.id, name: 'rfm', sortKey: 'persons' }),
  ];
}
