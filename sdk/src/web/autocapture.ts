import type { Properties } from '../../../collector/src/dictionary/wire-types.js';
import { cut } from '../core/cut.js';
import { on } from './on.js';

const PROP_PREFIX = 'data-md-prop-';

/** One level of a selector: `tag#id`, else `tag.firstClass`, else `tag:nth-child(n)`. */
const part = (el: Element, c?: string) =>
  el.localName + (el.id ? '#' + el.id : (c = el.classList[0]) ? '.' + c : `:nth-child(${[...el.parentElement!.children].indexOf(el) + 1})`);

/**
 * A short CSS selector of a clicked element: `tag#id` alone when the element has an id, else its
 * parent's level and its own (`nav.menu>a:nth-child(2)`). Only links and buttons are captured,
 * and those always have a parent (at least `body`).
 */
export const shortSelector = (el: Element) => (el.id ? '' : part(el.parentElement!) + '>') + part(el);

/**
 * Properties of a link or button click. Whether a link is outbound or a download is decided by
 * the collector from `href`, the page and the site's hosts
 * (collector/src/ingest/enrich/click-flags.ts); only a `download` attribute, which the collector
 * cannot see, is sent (as `download: true`).
 */
const clickProps = (el: Element) => ({
  tag: el.localName,
  text: cut((el.textContent || (el as HTMLInputElement).value || '').trim(), 100),
  selector: shortSelector(el),
  href: (el as HTMLAnchorElement).href && cut((el as HTMLAnchorElement).href),
  download: el.hasAttribute('download') || undefined,
}) as Properties;

/**
 * One delegated, capture-phase click listener: a `data-md-event` element (or its descendant)
 * sends that custom event with its `data-md-prop-*` attributes as properties (names in
 * snake_case); otherwise a link or button sends `click`.
 */
export function autocapture(track: (name: string, props: Properties) => void): void {
  on(
    document,
    'click',
    (e) => {
      const target = e.target as Element;
      const marked = target.closest<HTMLElement>('[data-md-event]');
      // [type=submit] and [type=button]: input buttons (no other element takes these types)
      const clicked = target.closest('a[href],button,[type=submit],[type=button]');
      if (marked) {
        const props: Properties = {};
        for (const { name, value } of marked.attributes) {
          if (!name.indexOf(PROP_PREFIX)) props[name.slice(PROP_PREFIX.length).replace(/-/g, '_')] = value;
        }
        track(marked.dataset['mdEvent']!, props); // quoted: a DOM name the minifier must keep
      } else if (clicked) track('click', clickProps(clicked));
    },
    true,
  );
}
