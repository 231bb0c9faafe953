/**
 * Data quality: the events the collector quarantined, with what was wrong, where and what is
 * allowed; and a replay after the dictionary was fixed (admin token, asked for each time).
 */
import { apiGet, apiPost } from '../api.js';
import { askAdminToken } from '../components/admin-dialog.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, errorBox, loadInto, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param } from '../state.js';

interface Reason { path: string; code: string; message: string; expected?: string }
interface QuarantineItem {
  qid: number; site: string | null; eventId: string | null; event: string | null; scope: 'event' | 'body';
  receivedAt: string; payload: unknown; reasons: Reason[]; status: 'open' | 'replayed'; replayedAt: string | null;
}
interface ReplayReport { dictionaryVersion: number; checked: number; replayed: number; duplicate: number; stillInvalid: number }

/** Renders the data-quality page. */
export function render(ctx: PageContext): void {
  const { main, site, signal } = ctx;
  const status = param('status') === 'replayed' ? 'replayed' : 'open';
  const list = slot('quarantine');
  const notice = h('div', { attrs: { 'aria-live': 'polite', 'data-slot': 'replay-result' } });
  const load = () => loadInto(list, () => apiGet<{ items: QuarantineItem[] }>('/v1/quarantine', { site: site.id, status, limit: 500 }, { signal }), (r) => itemsTable(r.items, site.timezone), signal);
  const replay = async () => {
    const token = await askAdminToken();
    if (!token) return;
    try {
      const r = await apiPost<ReplayReport>('/v1/quarantine/replay', { site: site.id }, { token, signal });
      notice.replaceChildren(h('p', { class: 'state ok', attrs: { role: 'status' } }, t('quality.replayDone', {
        checked: r.checked, replayed: r.replayed, duplicate: r.duplicate, stillInvalid: r.stillInvalid, version: r.dictionaryVersion,
      })));
      void load();
    } catch (err) {
      notice.replaceChildren(errorBox(err));
    }
  };
  main.append(
    h('h1', null, t('quality.title')),
    h('p', { class: 'intro' }, t('quality.intro')),
    h('div', { class: 'toolbar' }, statusSelect(status), status === 'open'
      ? h('button', { class: 'button', attrs: { type: 'button' }, on: { click: () => void replay() } }, t('quality.replay'))
      : null),
    notice,
    h('section', { class: 'card' }, list),
  );
  void load();
}

function statusSelect(status: string): HTMLElement {
  const id = uid('status');
  const select = h('select', { attrs: { id }, on: { change: () => setQuery({ status: select.value === 'open' ? undefined : select.value }) } },
    h('option', { attrs: { value: 'open' } }, t('quality.open')),
    h('option', { attrs: { value: 'replayed' } }, t('quality.replayed')));
  select.value = status;
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('quality.status')), select);
}

function itemsTable(items: QuarantineItem[], timeZone: string): HTMLElement | HTMLElement[] {
  if (items.length === 0) return emptyBox(t('quality.none'));
  return [
    h('p', { class: 'muted', attrs: { 'data-count': items.length } }, t('quality.count', { n: items.length })),
    dataTable(items, [
      { key: 'receivedAt', label: t('col.receivedAt'), value: (r) => r.receivedAt, show: (r) => formatDateTime(r.receivedAt, timeZone) },
      { key: 'event', label: t('col.event'), value: (r) => r.event ?? r.scope, show: (r) => h('code', null, r.event ?? `(${r.scope})`) },
      { key: 'reasons', label: t('col.reasons'), value: () => null, sortable: false, show: (r) => reasonList(r.reasons) },
      { key: 'payload', label: t('col.payload'), value: () => null, sortable: false, show: (r) => payload(r.payload) },
    ], { caption: t('quality.title'), rowKey: (r) => String(r.qid), name: 'quarantine', sortKey: 'receivedAt' }),
  ];
}

function reasonList(reasons: Reason[]): HTMLElement {
  return h('ul', { class: 'reasons' }, ...reasons.map((r) => h('li', null,
    h('code', null, r.path || '/'), ' ', r.message, r.expected ? h('span', { class: 'muted' }, ` — ${r.expected}`) : null)));
}

function payload(value: unknown): HTMLElement {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return h('details', null, h('summary', null, t('quality.showPayload')), h('pre', null, text));
}
