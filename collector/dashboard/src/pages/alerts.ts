/**
 * Alerts: the site's rules in plain language (metric named by the metric dictionary, slice,
 * condition, schedule, channels as type and host), a 30-day preview of any rule, the incidents
 * with acknowledgement and resolution, and the lifecycle history. Rules are written through the
 * API (docs/alerts.md); the page reads them with the user's read token.
 */
import { apiGet } from '../api.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, loadInto, section, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param } from '../state.js';
import { historyTable, incidentsTable, type AlertEvent, type Incident } from './alert-incidents.js';
import { loadPreview, previewView } from './alert-preview.js';
import {
  channelsText, conditionText, metricName, scheduleText, sliceText, type AlertMetric, type AlertRuleView,
} from './alert-rule-text.js';

const STATUSES = ['', 'firing', 'acknowledged', 'resolved'] as const;
const HISTORY_DAYS = 90;

/** Renders the alerts page. */
export async function render(ctx: PageContext): Promise<void> {
  const { main, site, signal } = ctx;
  const rulesSlot = slot('alert-rules');
  const previewSlot = slot('alert-preview');
  const incidentsSlot = slot('incidents');
  const historySlot = slot('alert-history');
  const notice = h('div', { attrs: { 'aria-live': 'polite', 'data-slot': 'incident-result' } });
  const status = (STATUSES as readonly string[]).includes(param('status')) ? param('status') : '';
  main.append(h('h1', null, t('alerts.title')), h('p', { class: 'intro' }, t('alerts.intro')), section(t('alerts.rules'), rulesSlot));
  const previewId = param('preview');
  if (previewId) main.append(section(t('alerts.preview'), previewSlot));
  main.append(section(t('alerts.incidents'), h('div', { class: 'toolbar' }, statusSelect(status)), notice, incidentsSlot), section(t('alerts.history'), historySlot));

  let rules = new Map<string, AlertRuleView>();
  await loadInto(rulesSlot, () => Promise.all([
    apiGet<{ metrics: AlertMetric[] }>('/v1/alerts/metrics', {}, { signal }),
    apiGet<{ rules: AlertRuleView[] }>('/v1/alerts/rules', { site: site.id }, { signal }),
  ]), ([m, r]) => {
    const metrics = new Map(m.metrics.map((x) => [x.id, x]));
    rules = new Map(r.rules.map((x) => [x.id, x]));
    return rulesTable(r.rules, metrics, previewId);
  }, signal);
  if (signal.aborted) return;

  const previewRule = rules.get(previewId);
  if (previewId) {
    void loadInto(previewSlot, async () => {
      if (!previewRule) throw new Error(t('alerts.preview.unknown', { id: previewId }));
      return loadPreview(previewRule, signal);
    }, (p) => previewView(previewRule!, p, signal), signal);
  }
  const incidentCtx = { rules, timeZone: site.timezone, notice, signal, reload: () => loadBoth() };
  const loadBoth = () => {
    void loadInto(incidentsSlot, () => apiGet<{ incidents: Incident[] }>('/v1/alerts', { site: site.id, status: status || undefined, limit: 500 }, { signal }),
      (r) => incidentsTable(r.incidents, incidentCtx), signal);
    const from = new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString();
    void loadInto(historySlot, () => apiGet<{ events: AlertEvent[] }>('/v1/alerts/events', { site: site.id, from, limit: 5000 }, { signal }),
      (r) => historyTable(r.events, incidentCtx), signal);
  };
  loadBoth();
}

function rulesTable(rules: AlertRuleView[], metrics: Map<string, AlertMetric>, previewId: string): HTMLElement {
  if (rules.length === 0) return emptyBox(t('alerts.rules.none'));
  return dataTable(rules, [
    { key: 'name', label: t('alerts.col.rule'), value: (r) => r.name, show: (r) => h('span', null, r.name, r.enabled ? null : h('span', { class: 'tag' }, t('alerts.disabled'))) },
    { key: 'metric', label: t('alerts.col.metric'), value: (r) => metricName(r.metric, metrics) },
    { key: 'slice', label: t('alerts.col.slice'), value: (r) => sliceText(r.filters) },
    { key: 'condition', label: t('alerts.col.condition'), value: (r) => conditionText(r.condition, metrics, r.metric), sortable: false },
    { key: 'schedule', label: t('alerts.col.schedule'), value: (r) => scheduleText(r), sortable: false },
    { key: 'channels', label: t('alerts.col.channels'), value: (r) => channelsText(r.channels), sortable: false },
    { key: 'state', label: t('alerts.col.state'), value: (r) => r.state?.status ?? 'ok', show: (r) => t(`alerts.state.${r.state?.status ?? 'ok'}` as MessageKey) },
    { key: 'preview', label: t('alerts.preview'), value: () => null, sortable: false, show: (r) => h('button', {
      class: r.id === previewId ? 'button' : 'button secondary',
      attrs: { type: 'button', 'data-preview': r.id, 'aria-pressed': r.id === previewId ? 'true' : 'false', 'aria-label': t('alerts.previewRule', { rule: r.name }) },
      on: { click: () => setQuery({ preview: r.id }) },
    }, t('alerts.preview.show')) },
  ], { caption: t('alerts.rules'), rowKey: (r) => r.id, name: 'alert-rules', sortKey: 'name', descending: false });
}

function statusSelect(status: string): HTMLElement {
  const id = uid('incident-status');
  const select = h('select', { attrs: { id, name: 'status' }, on: { change: () => setQuery({ status: select.value || undefined }) } },
    ...STATUSES.map((s) => h('option', { attrs: { value: s } }, s ? t(`alerts.status.${s}` as MessageKey) : t('alerts.status.all'))));
  select.value = status;
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('alerts.col.status')), select);
}
