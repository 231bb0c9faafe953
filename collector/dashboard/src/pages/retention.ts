/** Retention: cohorts by first visit or sign-up, the share returning in each later period. */
import { apiGet } from '../api.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, loadInto, section, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatNumber, formatPercent } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param, rangeQuery } from '../state.js';

/** One cohort as `GET /v1/reports/retention` answers. */
interface Cohort { start: string; size: number; retained: (number | null)[]; rates: (number | null)[] }
interface RetentionAnswer { cohorts: Cohort[]; average: (number | null)[]; period: 'day' | 'week'; periods: number }

/** Renders the retention page. */
export function render(ctx: PageContext): void {
  const { main, filters, signal } = ctx;
  const cohort = param('cohort') === 'signup' ? 'signup' : 'first_visit';
  const period = param('period') === 'week' ? 'week' : 'day';
  const table = slot('retention');
  main.append(
    h('h1', null, t('retention.title')),
    h('div', { class: 'toolbar' },
      choice(t('retention.cohort'), ['first_visit', 'signup'], cohort, 'retention.cohort', (v) => setQuery({ cohort: v === 'first_visit' ? undefined : v })),
      choice(t('retention.period'), ['day', 'week'], period, 'retention.period', (v) => setQuery({ period: v === 'day' ? undefined : v }))),
    section(t('retention.title'), table),
  );
  const load = () => apiGet<RetentionAnswer>('/v1/reports/retention', { ...rangeQuery(filters), cohort, period, periods: 8 }, { signal });
  void loadInto(table, load, (r) => show(r, signal), signal);
}

function choice(label: string, values: string[], value: string, prefix: string, change: (v: string) => void): HTMLElement {
  const id = uid('choice');
  const select = h('select', { attrs: { id }, on: { change: () => change(select.value) } }, ...values.map((v) => h('option', { attrs: { value: v } }, t(`${prefix}.${v}` as MessageKey))));
  select.value = value;
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), select);
}

function show(r: RetentionAnswer, signal: AbortSignal): HTMLElement | HTMLElement[] {
  const cohorts = r.cohorts.filter((c) => c.size > 0);
  if (cohorts.length === 0) return emptyBox();
  const unit = t(`retention.period.${r.period}` as MessageKey);
  const periods = Array.from({ length: r.periods }, (_, k) => t('retention.periodN', { unit, n: k }));
  const data = cohorts.flatMap((c, y) => c.rates.map((rate, x) => (rate === null ? null : [x, y, Math.round(rate * 1000) / 10])).filter((d) => d !== null));
  const chart = chartBlock(t('retention.title'), {
    tooltip: { trigger: 'item' },
    grid: { left: 90, right: 16, top: 16, bottom: 70 },
    xAxis: { type: 'category', data: periods, splitArea: { show: true } },
    yAxis: { type: 'category', data: cohorts.map((c) => c.start), inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#eff6ff', '#1d4ed8'] }, text: ['100%', '0%'] },
    series: [{ type: 'heatmap', data, label: { show: true, formatter: (p: { value: number[] }) => `${p.value[2]}%` } }],
  }, signal, Math.max(220, 60 + cohorts.length * 32));
  type Row = Cohort;
  const table = dataTable(cohorts, [
    { key: 'cohort', label: t('col.cohort'), value: (c) => c.start },
    { key: 'size', label: t('col.size'), numeric: true, value: (c) => c.size, show: (c) => formatNumber(c.size) },
    ...periods.map((label, k) => ({
      key: `p${k}`, label, numeric: true,
      value: (c: Row) => c.rates[k] ?? null, show: (c: Row) => (c.rates[k] === null ? '' : formatPercent(c.rates[k])),
    })),
  ], { caption: t('retention.title'), rowKey: (c) => c.start, name: 'retention', sortKey: 'cohort', descending: false });
  return [chart, table];
}
