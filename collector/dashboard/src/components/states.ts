/**
 * Loading, empty and error states. Every data block of a page goes through {@link loadInto}, so
 * each shows a spinner while it loads, says when it is empty, and shows the API's own error
 * message (with the offending parameters) when it fails.
 */
import { ApiError, isAbort } from '../api.js';
import { h, replaceChildren, type Child } from '../dom.js';
import { t } from '../i18n.js';

/** A loading indicator. */
export function loadingBox(): HTMLElement {
  return h('p', { class: 'state loading', attrs: { role: 'status' } }, h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), t('state.loading'));
}

/** An empty state with a message. */
export function emptyBox(message: string = t('state.empty')): HTMLElement {
  return h('p', { class: 'state empty' }, message);
}

/** An error state: what failed (the API's message and issues), with an optional retry. */
export function errorBox(err: unknown, retry?: () => void): HTMLElement {
  const api = err instanceof ApiError ? err : null;
  const message = api?.status === 0 ? t('state.network', { message: api.message }) : t('state.error', { message: (err as Error)?.message ?? String(err) });
  const issues = api?.issues.length
    ? h('ul', { class: 'issues' }, ...api.issues.map((i) => h('li', null, h('code', null, i.path || '/'), ' ', i.message, i.expected ? ` (${i.expected})` : '')))
    : null;
  return h('div', { class: 'state error', attrs: { role: 'alert' } },
    h('p', null, message, api && api.status > 0 ? h('span', { class: 'muted' }, ` [${api.status} ${api.code}]`) : null),
    issues,
    retry ? h('button', { class: 'button secondary', attrs: { type: 'button' }, on: { click: retry } }, t('state.retry')) : null,
  );
}

/**
 * Shows a loading state in `slot`, then what `show` makes of the data, or an error with retry.
 * Answers arriving after `signal` aborted are dropped.
 */
export async function loadInto<T>(slot: HTMLElement, fetcher: () => Promise<T>, show: (data: T) => Child | Child[], signal: AbortSignal): Promise<void> {
  slot.setAttribute('aria-busy', 'true');
  replaceChildren(slot, loadingBox());
  try {
    const data = await fetcher();
    if (signal.aborted) return;
    const shown = show(data);
    replaceChildren(slot, ...(Array.isArray(shown) ? shown : [shown]));
  } catch (err) {
    if (signal.aborted || isAbort(err)) return;
    replaceChildren(slot, errorBox(err, () => void loadInto(slot, fetcher, show, signal)));
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

/** A titled section of a page. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), ...children);
}

/** An empty block that {@link loadInto} fills. */
export function slot(name: string): HTMLElement {
  return h('div', { class: 'slot', attrs: { 'data-slot': name } });
}
