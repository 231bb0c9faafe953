/** Dictionary: every event and property the site may send, searchable, in the chosen language. */
import { apiGet } from '../api.js';
import { dataTable } from '../components/data-table.js';
import { emptyBox, loadInto, slot } from '../components/states.js';
import { h, uid } from '../dom.js';
import { pick, t } from '../i18n.js';
import { formatNumber } from '../format.js';
import type { PageContext } from '../routes.js';
import { setQuery } from '../router.js';
import { param } from '../state.js';
import { dictionaryEntries, searchEntries, type DictEntry, type PropRow, type SiteDictionary } from './dictionary-model.js';

/** Renders the dictionary page. */
export function render(ctx: PageContext): void {
  const { main, site, signal } = ctx;
  const id = uid('search');
  const search = h('input', { attrs: { id, type: 'search', value: param('q'), autocomplete: 'off' } });
  const list = slot('dictionary');
  const head = h('p', { class: 'muted' });
  main.append(
    h('h1', null, t('dictionary.title')), head,
    h('div', { class: 'toolbar' }, h('div', { class: 'field' }, h('label', { attrs: { for: id } }, t('dictionary.search')), search)),
    h('section', { class: 'card' }, list),
  );
  const load = async () => {
    const [openapi, dictionary] = await Promise.all([
      apiGet<Parameters<typeof dictionaryEntries>[0]>('/openapi.json', {}, { signal }),
      apiGet<SiteDictionary>(`/v1/dictionary/${encodeURIComponent(site.id)}`, {}, { signal }),
    ]);
    head.textContent = t('dictionary.version', { version: dictionary.version, mode: dictionary.mode });
    return dictionaryEntries(openapi, dictionary);
  };
  void loadInto(list, load, (entries) => {
    const results = h('div');
    const draw = () => results.replaceChildren(...showEntries(searchEntries(entries, search.value), search.value));
    search.addEventListener('input', () => {
      draw();
      setQuery({ q: search.value || undefined }, true, true);
    });
    draw();
    return results;
  }, signal);
}

function showEntries(entries: DictEntry[], q: string): HTMLElement[] {
  if (entries.length === 0) return [emptyBox(t('dictionary.noMatch', { q }))];
  return entries.map((e) => h('article', { class: 'dict-event', attrs: { 'data-event': e.name } },
    h('h2', null, h('code', null, e.name), h('span', { class: 'tag' }, t(e.standard ? 'dictionary.standard' : 'dictionary.custom'))),
    h('p', null, pick(e.description)),
    e.properties.length ? propsTable(e) : null));
}

function propsTable(e: DictEntry): HTMLElement {
  return dataTable(e.properties, [
    { key: 'name', label: t('col.property'), value: (p) => p.name, show: (p) => h('code', null, p.name) },
    { key: 'type', label: t('col.type'), value: (p) => p.type },
    { key: 'required', label: t('col.required'), value: (p) => (p.required ? 1 : 0), show: (p) => t(p.required ? 'dictionary.yes' : 'dictionary.no') },
    { key: 'allowed', label: t('col.allowed'), value: () => null, sortable: false, show: allowed },
    { key: 'description', label: t('col.description'), value: () => null, sortable: false, show: (p) => [pick(p.description), p.site && e.standard ? t('dictionary.extends') : ''].filter(Boolean).join(' · ') },
  ], { caption: e.name, rowKey: (p) => p.name, name: `props-${e.name}` });
}

function allowed(p: PropRow): string {
  if (p.allowed) return p.allowed.map((v) => JSON.stringify(v)).join(', ');
  if (p.min !== undefined || p.max !== undefined) return t('dictionary.range', { min: p.min === undefined ? '−∞' : formatNumber(p.min, 6), max: p.max === undefined ? '∞' : formatNumber(p.max, 6) });
  return '—';
}
