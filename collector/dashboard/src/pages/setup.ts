/**
 * Set-up: the script-tag and mini-program snippets filled in for the chosen site and this
 * collector, and a live check that events arrive.
 */
import { h, replaceChildren } from '../dom.js';
import { t } from '../i18n.js';
import { formatDateTime, formatNumber } from '../format.js';
import { pollLive } from '../live.js';
import type { PageContext } from '../routes.js';
import type { SiteInfo } from '../state.js';
import { errorBox } from '../components/states.js';

/** Renders the set-up page. */
export function render(ctx: PageContext): void {
  const { main, site, signal } = ctx;
  const collector = location.origin;
  main.append(
    h('h1', null, t('setup.title')),
    h('p', { class: 'intro' }, t('setup.intro', { site: site.id })),
    h('section', { class: 'card' }, h('h2', null, t('setup.web')), snippet(webSnippet(site, collector), 'web'), site.writeKey ? null : h('p', { class: 'muted' }, t('setup.noKey'))),
    h('section', { class: 'card' }, h('h2', null, t('setup.mini')), snippet(miniProgramSnippet(site, collector), 'miniprogram')),
    h('section', { class: 'card' }, h('h2', null, t('setup.check')), h('p', { class: 'muted' }, t('setup.checkIntro')), liveCheck(site, signal)),
  );
}

/** The script tags for a website. */
export function webSnippet(site: SiteInfo, collector: string): string {
  const key = site.writeKey ? ` data-key="${site.writeKey}"` : '';
  return [
    '<script>window.maidian=window.maidian||function(){(maidian.q=maidian.q||[]).push(arguments)}</script>',
    `<script async src="${collector}/maidian.js" data-site="${site.id}" data-endpoint="${collector}"${key}></script>`,
  ].join('\n');
}

/** The mini-program set-up (app.js and a page). */
export function miniProgramSnippet(site: SiteInfo, collector: string): string {
  const key = site.writeKey ? `, key: '${site.writeKey}'` : '';
  return [
    "// app.js — npm install maidian, then build npm in the developer tool",
    "import { init, track, conversion, MaidianPage } from 'maidian/miniprogram';",
    `init({ site: '${site.id}', endpoint: '${collector}'${key} });`,
    '',
    '// pages/product/index.js — MaidianPage sends a page_view on every show',
    'Page(MaidianPage({',
    "  buy() { conversion({ goal: 'purchase', value: 99, currency: 'CNY' }); },",
    '}));',
    "// Add the collector's domain to the mini-program's request domain list (request 合法域名).",
  ].join('\n');
}

function snippet(text: string, name: string): HTMLElement {
  const pre = h('pre', { attrs: { 'data-snippet': name } }, h('code', null, text));
  const button = h('button', { class: 'button secondary', attrs: { type: 'button' } }, t('setup.copy'));
  button.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text).then(() => {
      button.textContent = t('setup.copied');
      setTimeout(() => (button.textContent = t('setup.copy')), 2000);
    });
  });
  return h('div', { class: 'snippet' }, pre, button);
}

function liveCheck(site: SiteInfo, signal: AbortSignal): HTMLElement {
  const box = h('div', { attrs: { 'aria-live': 'polite', 'data-slot': 'live-check' } }, h('p', { class: 'state loading' }, t('state.loading')));
  pollLive(site.id, signal, (c) => {
    if (c.events === 0) return void box.replaceChildren(h('p', { class: 'state empty', attrs: { 'data-live': '0' } }, t('setup.waiting')));
    replaceChildren(box,
      h('p', { class: 'state ok', attrs: { 'data-live': c.events } }, t('setup.receiving', { n: formatNumber(c.events), time: formatDateTime(c.lastReceivedAt!, site.timezone) })),
      c.bots > 0 ? h('p', { class: 'muted' }, t('setup.bots', { n: formatNumber(c.bots) })) : null,
    );
  }, (err) => box.replaceChildren(errorBox(err)));
  return box;
}
