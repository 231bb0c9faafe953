/** The global filter form: site, date range, comparison. Applying writes them into the URL. */
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { setQuery } from '../router.js';
import { addDays, todayIn, type Filters, type SiteInfo } from '../state.js';

/** The filter bar for the current filters. */
export function filtersBar(f: Filters, sites: SiteInfo[]): HTMLElement {
  const ids = { site: uid('site'), from: uid('from'), to: uid('to'), compare: uid('compare') };
  const site = h('select', { attrs: { id: ids.site, name: 'site' } }, ...sites.map((s) => h('option', { attrs: { value: s.id } }, `${s.name} (${s.id})`)));
  site.value = f.site;
  const from = h('input', { attrs: { id: ids.from, name: 'from', type: 'date', value: f.from, required: true } });
  const to = h('input', { attrs: { id: ids.to, name: 'to', type: 'date', value: f.to, required: true } });
  const compare = h('input', { attrs: { id: ids.compare, name: 'compare', type: 'checkbox', checked: f.compare } });
  const message = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const apply = (fromDay: string, toDay: string) => {
    if (fromDay > toDay) return void (message.textContent = t('filters.badRange'));
    setQuery({ site: site.value, from: fromDay, to: toDay, compare: compare.checked ? '1' : undefined });
  };
  const preset = (days: number) => {
    const today = todayIn(sites.find((s) => s.id === site.value)?.timezone ?? 'UTC');
    apply(addDays(today, -(days - 1)), today);
  };
  const form = h('form', {
    class: 'filters', attrs: { 'aria-label': t('filters.label') },
    on: { submit: (ev) => { ev.preventDefault(); apply(from.value, to.value); } },
  },
  field(ids.site, t('filters.site'), site),
  field(ids.from, t('filters.from'), from),
  field(ids.to, t('filters.to'), to),
  h('div', { class: 'field checkbox' }, compare, h('label', { attrs: { for: ids.compare } }, t('filters.compare'))),
  h('div', { class: 'field actions' },
    h('button', { class: 'button', attrs: { type: 'submit' } }, t('filters.apply')),
    h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => preset(7) } }, t('filters.last7')),
    h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: () => preset(30) } }, t('filters.last30')),
  ),
  message);
  return form;
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control);
}
