/**
 * The frame around every page: header (name, language, sign-out), section navigation, the
 * filter bar and the main area. Rebuilt on every render, so a language switch relabels it all.
 */
import { h, uid } from '../dom.js';
import { lang, setLang, t, type Lang } from '../i18n.js';
import { globalQuery, href } from '../router.js';
import { ROUTES } from '../routes.js';
import type { Filters, SiteInfo } from '../state.js';
import { filtersBar } from './filters-bar.js';

/** What the shell shows. */
export interface ShellOptions {
  page: string;
  signedIn: boolean;
  filters?: Filters;
  sites?: SiteInfo[];
  onLang: () => void;
  onSignOut: () => void;
}

/** Builds the shell into `root` and returns its main element. */
export function renderShell(root: HTMLElement, o: ShellOptions): HTMLElement {
  const main = h('main', { attrs: { id: 'main', tabindex: -1 } });
  const content = h('div', { class: 'content' });
  if (o.signedIn && o.filters && o.sites) content.append(filtersBar(o.filters, o.sites));
  content.append(main);
  root.replaceChildren(
    h('a', { class: 'skip-link', attrs: { href: '#main' } }, t('skip')),
    header(o),
    h('div', { class: 'layout' }, o.signedIn ? nav(o.page) : null, content),
  );
  return main;
}

function header(o: ShellOptions): HTMLElement {
  const id = uid('lang');
  const select = h('select', { attrs: { id }, on: { change: () => { setLang(select.value as Lang); o.onLang(); } } },
    h('option', { attrs: { value: 'zh' } }, '中文'),
    h('option', { attrs: { value: 'en' } }, 'English'),
  );
  select.value = lang();
  return h('header', { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }, '埋'), h('span', null, t('app.title')), h('span', { class: 'tagline' }, t('app.tagline'))),
    h('div', { class: 'topbar-tools' },
      h('label', { class: 'inline-label', attrs: { for: id } }, t('lang.label')), select,
      o.signedIn ? h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: o.onSignOut } }, t('signout')) : null,
    ),
  );
}

function nav(page: string): HTMLElement {
  const q = globalQuery();
  const items = ROUTES.map((r) => h('li', null, h('a', {
    attrs: { href: href(r.id, q), 'data-nav': true, 'aria-current': r.id === page ? 'page' : null },
  }, t(r.nav))));
  return h('nav', { class: 'sidenav', attrs: { 'aria-label': t('nav.label') } }, h('ul', null, ...items));
}
