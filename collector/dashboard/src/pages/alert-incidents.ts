/**
 * Incidents (firing → acknowledged → resolved), each with who acted, their note and when, and
 * the lifecycle history of the site's rules. Acknowledging or resolving asks for the owner, a
 * note and the admin token in one dialog; the token is used for that call only.
 */
import { apiPost } from '../api.js';
import { askAdmin } from '../components/admin-dialog.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, errorBox } from '../components/states.js';
import { h, type Child } from '../dom.js';
import { t, type MessageKey } from '../i18n.js';
import { formatDateTime, formatNumber } from '../format.js';
import type { AlertRuleView } from './alert-rule-text.js';

/** Who acted on an incident, with their note and when. */
export interface IncidentStep { at: string; owner: string | null; note: string | null }

/** An incident as `GET /v1/alerts` answers. */
export interface Incident {
  id: string;
  ruleId: string;
  status: 'firing' | 'acknowledged' | 'resolved';
  firedAt: string;
  value: number | null;
  acknowledged: IncidentStep | null;
  resolved: IncidentStep | null;
}

/** A lifecycle event as `GET /v1/alerts/events` answers. */
export interface AlertEvent {
  seq: number;
  ruleId: string;
  incidentId: string | null;
  type: 'fired' | 'recovered' | 'acknowledged' | 'resolved';
  at: string;
  owner: string | null;
  note: string | null;
}

/** What the incident views need around them. */
export interface IncidentContext {
  rules: Map<string, AlertRuleView>;
  timeZone: string;
  /** Shows the outcome of an action (a message or an error). */
  notice: HTMLElement;
  /** Reloads incidents and history after an action. */
  reload: () => void;
  signal: AbortSignal;
}

/** The incidents table, with acknowledge and resolve buttons where the status allows. */
export function incidentsTable(items: Incident[], ctx: IncidentContext): HTMLElement {
  if (items.length === 0) return emptyBox(t('alerts.incidents.none'));
  const when = (iso: string) => formatDateTime(iso, ctx.timeZone);
  return dataTable(items, [
    { key: 'rule', label: t('alerts.col.rule'), value: (i) => ctx.rules.get(i.ruleId)?.name ?? i.ruleId },
    { key: 'status', label: t('alerts.col.status'), value: (i) => i.status, show: (i) => statusBadge(i.status) },
    { key: 'firedAt', label: t('alerts.col.firedAt'), value: (i) => i.firedAt, show: (i) => when(i.firedAt) },
    { key: 'value', label: t('alerts.col.value'), value: (i) => i.value, numeric: true, show: (i) => formatNumber(i.value, 4) },
    { key: 'acknowledged', label: t('alerts.col.acknowledged'), value: (i) => i.acknowledged?.at ?? null, show: (i) => stepView(i.acknowledged, when) },
    { key: 'resolved', label: t('alerts.col.resolved'), value: (i) => i.resolved?.at ?? null, show: (i) => stepView(i.resolved, when) },
    { key: 'actions', label: t('alerts.col.actions'), value: () => null, sortable: false, show: (i) => actions(i, ctx) },
  ], { caption: t('alerts.incidents'), rowKey: (i) => i.id, name: 'incidents', sortKey: 'firedAt' });
}

/** The history, newest first. */
export function historyTable(events: AlertEvent[], ctx: Pick<IncidentContext, 'rules' | 'timeZone'>): HTMLElement {
  if (events.length === 0) return emptyBox(t('alerts.history.none'));
  return dataTable(events, [
    { key: 'at', label: t('alerts.col.at'), value: (e) => e.at, show: (e) => formatDateTime(e.at, ctx.timeZone) },
    { key: 'rule', label: t('alerts.col.rule'), value: (e) => ctx.rules.get(e.ruleId)?.name ?? e.ruleId },
    { key: 'type', label: t('alerts.col.event'), value: (e) => e.type, show: (e) => t(`alerts.event.${e.type}` as MessageKey) },
    { key: 'owner', label: t('alerts.col.owner'), value: (e) => e.owner, show: (e) => e.owner ?? '—' },
    { key: 'note', label: t('alerts.col.note'), value: (e) => e.note, sortable: false, show: (e) => e.note ?? '—' },
  ], { caption: t('alerts.history'), rowKey: (e) => String(e.seq), name: 'alert-history', sortKey: 'at' });
}

function statusBadge(status: Incident['status']): HTMLElement {
  return h('span', { class: `badge ${status}`, attrs: { 'data-status': status } }, t(`alerts.status.${status}` as MessageKey));
}

function stepView(step: IncidentStep | null, when: (iso: string) => string): Child {
  if (!step) return '—';
  return h('div', { class: 'incident-step' },
    h('strong', { attrs: { 'data-owner': '' } }, step.owner ?? t('alerts.automatic')),
    step.note ? h('span', { attrs: { 'data-note': '' } }, step.note) : null,
    h('time', { class: 'muted', attrs: { datetime: step.at } }, when(step.at)));
}

function actions(i: Incident, ctx: IncidentContext): Child {
  if (i.status === 'resolved') return null;
  const button = (kind: 'ack' | 'resolve') => h('button', {
    class: `button ${kind === 'ack' ? '' : 'secondary'}`, attrs: { type: 'button', 'data-action': kind },
    on: { click: () => void act(i, kind, ctx) },
  }, t(kind === 'ack' ? 'alerts.ack' : 'alerts.resolve'));
  return h('div', { class: 'row-actions' }, i.status === 'firing' ? button('ack') : null, button('resolve'));
}

async function act(i: Incident, kind: 'ack' | 'resolve', ctx: IncidentContext): Promise<void> {
  const answer = await askAdmin({
    confirm: t(kind === 'ack' ? 'alerts.ack' : 'alerts.resolve'),
    intro: t('alerts.actionIntro', { rule: ctx.rules.get(i.ruleId)?.name ?? i.ruleId }),
    fields: [
      { name: 'owner', label: t('alerts.col.owner'), required: true, maxLength: 200 },
      { name: 'note', label: t('alerts.col.note'), multiline: true, maxLength: 2000 },
    ],
  });
  if (!answer) return;
  try {
    const body = { owner: answer.values.owner, ...(answer.values.note ? { note: answer.values.note } : {}) };
    await apiPost(`/v1/alerts/${encodeURIComponent(i.id)}/${kind}`, body, { token: answer.token, signal: ctx.signal });
    ctx.notice.replaceChildren(h('p', { class: 'state ok', attrs: { role: 'status' } }, t(kind === 'ack' ? 'alerts.acked' : 'alerts.resolved', { owner: answer.values.owner })));
    ctx.reload();
  } catch (err) {
    ctx.notice.replaceChildren(errorBox(err));
  }
}
