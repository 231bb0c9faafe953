/** "Live: N events in the last 5 minutes", refreshed every few seconds. */
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { pollLive } from '../live.js';
import { formatNumber } from '../format.js';

/** A live counter for `site`; stops when `signal` aborts. */
export function liveBadge(site: string, signal: AbortSignal): HTMLElement {
  const dot = h('span', { class: 'live-dot', attrs: { 'aria-hidden': 'true' } });
  const text = h('span', { attrs: { 'data-live': '' } }, t('state.loading'));
  pollLive(site, signal, (c) => {
    dot.classList.toggle('on', c.events > 0);
    text.dataset.live = String(c.events);
    text.textContent = c.events > 0 ? t('overview.live', { n: formatNumber(c.events) }) : t('overview.liveNone');
  }, (err) => {
    dot.classList.remove('on');
    text.textContent = (err as Error).message;
  });
  // Polite: screen readers hear the new count without being interrupted.
  return h('p', { class: 'live', attrs: { 'aria-live': 'polite' } }, dot, text);
}
