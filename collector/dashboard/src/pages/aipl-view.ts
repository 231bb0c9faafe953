/** The AIPL block: people at each stage (their highest) and how many reached each stage. */
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox } from '../components/states.js';
import { h } from '../dom.js';
import { pick, t } from '../i18n.js';
import { formatNumber, formatPercent } from '../format.js';

/** One stage of `GET /v1/reports/aipl`. */
export interface AiplStage {
  id: string;
  name: { en: string; zh: string };
  /** Persons whose highest stage this is. */
  persons: number;
  /** Persons at this stage or a later one. */
  reached: number;
  share: number | null;
}
/** `GET /v1/reports/aipl`. */
export interface AiplAnswer { activePersons: number; stages: AiplStage[] }

/** The AIPL stage-flow chart and table. */
export function aiplView(r: AiplAnswer, signal: AbortSignal): HTMLElement | HTMLElement[] {
  if (r.activePersons === 0) return emptyBox();
  const names = r.stages.map((s) => pick(s.name));
  const chart = chartBlock(t('segments.aipl'), {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t('aipl.reached'), type: 'bar', data: r.stages.map((s) => s.reached), barGap: '-100%', itemStyle: { color: '#c7d2fe' } },
      { name: t('aipl.highest'), type: 'bar', data: r.stages.map((s) => s.persons) },
    ],
  }, signal, 300);
  return [
    h('p', { class: 'muted', attrs: { 'data-active': r.activePersons } }, t('aipl.active', { n: formatNumber(r.activePersons) })),
    chart,
    dataTable(r.stages.map((s, i) => ({ ...s, order: i })), [
      { key: 'stage', label: t('col.stage'), value: (s) => s.order, show: (s) => pick(s.name) },
      { key: 'persons', label: t('aipl.highest'), numeric: true, value: (s) => s.persons, show: (s) => formatNumber(s.persons) },
      { key: 'share', label: t('col.share'), numeric: true, value: (s) => s.share, show: (s) => formatPercent(s.share) },
      { key: 'reached', label: t('aipl.reached'), numeric: true, value: (s) => s.reached, show: (s) => formatNumber(s.reached) },
    ], { caption: t('segments.aipl'), rowKey: (s) => s.id, name: 'aipl', sortKey: 'stage', descending: false }),
  ];
}
