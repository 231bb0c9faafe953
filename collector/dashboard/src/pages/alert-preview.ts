/**
 * The preview of a rule: the evaluator and lifecycle replayed over the last 30 days
 * (`POST /v1/alerts/preview`). A chart marks each firing slot and shades the time the rule would
 * have stayed firing; a table lists every firing with its recovery, in the rule's time zone.
 */
import { apiPost } from '../api.js';
import { chartBlock } from '../components/chart.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox } from '../components/states.js';
import { h } from '../dom.js';
import { locale, t } from '../i18n.js';
import { formatDateTime, formatNumber, NONE } from '../format.js';
import { previewDefinition, type AlertRuleView } from './alert-rule-text.js';

/** The preview answer (collector/src/alerts/preview-rule.ts). */
export interface RulePreview {
  from: string;
  to: string;
  slots: number;
  truncated: boolean;
  outcomes: { breach: number; ok: number; skipped: number };
  firings: { slot: string; value: number | null }[];
  recoveries: { slot: string; value: number | null }[];
}

/** One firing and the recovery that ended it (null: still firing at the end of the period). */
export interface FiringSpan {
  slot: string;
  value: number | null;
  recovered: { slot: string; value: number | null } | null;
}

/** Asks the API for the preview of `rule` over the last 30 days. */
export function loadPreview(rule: AlertRuleView, signal: AbortSignal): Promise<RulePreview> {
  return apiPost<RulePreview>('/v1/alerts/preview', { rule: previewDefinition(rule), days: 30 }, { signal });
}

/** Pairs each firing with the first recovery after it. */
export function firingSpans(p: RulePreview): FiringSpan[] {
  const recoveries = [...p.recoveries].sort((a, b) => a.slot.localeCompare(b.slot));
  return [...p.firings].sort((a, b) => a.slot.localeCompare(b.slot)).map((f) => ({
    ...f, recovered: recoveries.find((r) => Date.parse(r.slot) > Date.parse(f.slot)) ?? null,
  }));
}

/** The preview's summary, chart and list. */
export function previewView(rule: AlertRuleView, p: RulePreview, signal: AbortSignal): HTMLElement[] {
  const spans = firingSpans(p);
  const summary = h('p', { class: 'muted', attrs: { 'data-preview-slots': p.slots } }, t('alerts.preview.summary', {
    slots: formatNumber(p.slots), breach: formatNumber(p.outcomes.breach), ok: formatNumber(p.outcomes.ok), skipped: formatNumber(p.outcomes.skipped),
  }), p.truncated ? ` ${t('alerts.preview.truncated')}` : '');
  if (spans.length === 0) return [summary, emptyBox(t('alerts.preview.none'))];
  return [summary, previewChart(rule, p, spans, signal), firingsTable(spans, rule.timezone)];
}

function previewChart(rule: AlertRuleView, p: RulePreview, spans: FiringSpan[], signal: AbortSignal): HTMLElement {
  const at = (iso: string) => Date.parse(iso);
  const label = (ms: number) => formatDateTime(ms, rule.timezone);
  // Axis days in the rule's time zone, where its windows and schedule live (not the browser's).
  const dayLabel = new Intl.DateTimeFormat(locale(), { timeZone: rule.timezone, month: 'numeric', day: 'numeric' });
  const points = [
    ...spans.map((s) => ({ value: [at(s.slot), s.value], name: t('alerts.preview.fired') })),
    ...spans.flatMap((s) => (s.recovered ? [{ value: [at(s.recovered.slot), s.recovered.value], name: t('alerts.preview.recovered') }] : [])),
  ].sort((a, b) => (a.value[0] as number) - (b.value[0] as number));
  return chartBlock(t('alerts.preview.chart', { rule: rule.name }), {
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    tooltip: { trigger: 'item', formatter: (x: { name: string; value: [number, number | null] }) => `${x.name}\n${label(x.value[0])}\n${x.value[1] ?? NONE}` },
    xAxis: { type: 'time', min: at(p.from), max: at(p.to), axisLabel: { hideOverlap: true, formatter: (v: number) => dayLabel.format(v) } },
    yAxis: { type: 'value', scale: true },
    series: [{
      type: 'line', name: t('alerts.preview.value'), data: points, symbolSize: 9, lineStyle: { opacity: 0 },
      markPoint: {
        symbol: 'pin', symbolSize: 44, itemStyle: { color: '#b91c1c' }, label: { formatter: '!' },
        data: spans.map((s) => ({ name: t('alerts.preview.fired'), coord: [at(s.slot), s.value ?? 0] })),
      },
      markArea: {
        itemStyle: { color: 'rgba(185, 28, 28, 0.12)' }, label: { show: false },
        data: spans.map((s) => [{ name: t('alerts.preview.firing'), xAxis: at(s.slot) }, { xAxis: s.recovered ? at(s.recovered.slot) : at(p.to) }]),
      },
    }],
  }, signal, 280);
}

function firingsTable(spans: FiringSpan[], timeZone: string): HTMLElement {
  return dataTable(spans, [
    { key: 'slot', label: t('alerts.col.firedAt'), value: (s) => s.slot, show: (s) => h('time', { attrs: { datetime: s.slot } }, formatDateTime(s.slot, timeZone)) },
    { key: 'value', label: t('alerts.col.value'), value: (s) => s.value, numeric: true, show: (s) => formatNumber(s.value, 4) },
    { key: 'recovered', label: t('alerts.col.recoveredAt'), value: (s) => s.recovered?.slot ?? null, show: (s) => (s.recovered ? formatDateTime(s.recovered.slot, timeZone) : t('alerts.preview.stillFiring')) },
  ], { caption: t('alerts.preview.firings'), rowKey: (s) => s.slot, name: 'preview-firings', sortKey: 'slot', descending: false });
}
