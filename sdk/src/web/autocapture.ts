import type { Properties } from '../../../collector/src/dictionary/wire-types.js';
import { cut } from '../core/cut.js';
import { on } from './on.js';

/** File extensions whose links count as downloads. */
const DOWNLOAD = /\.(pdf|zip|dmg|exe|docx|xlsx|pptx|csv|mp4|mp3|apk)$/i;
const PROP_PREFIX = 'data-md-prop-';

/** A short CSS selector: up to three levels of `tag#id`, `tag.class` or `tag:nth-child(n)`, stopping at an id. */
export function shortSelector(el: Element | null): string {
  let selector = '';
  for (let i = 0, up; el && i++ < 3 && !selector.includes('#'); el = up) {
    up = el.parentElement;
    const n = up ? [...up.children].indexOf(el) + 1 : 1;
    selector = el.localName + (el.id ? '#' + el.id : el.classList[0] ? '.' + el.classList[0] : `:nth-child(${n})`) + (selector && '>' + selector);
  }
  return selector;
}

/** Properties of a link or button click. */
function clickProps(el: Element): Properties {
  const { href, protocol, host, pathname } = el as HTMLAnchorElement;
  const props: Properties = {
    tag: el.localName,
    text: cut((el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim(), 100),
    selector: shortSelector(el),
  };
  if (href) {
    props.href = cut(href);
    props.outbound = /^http/.test(protocol) && host != location.host;
    props.download = el.hasAttribute('download') || DOWNLOAD.test(pathname);
  }
  return props;
}

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
      const marked = target.closest?.('[data-md-event]');
      const clicked = target.closest?.('a[href],button,input[type=submit],input[type=button]');
      if (marked) {
        const props: Properties = {};
        for (const { name, value } of marked.attributes) {
          if (!name.indexOf(PROP_PREFIX)) props[name.slice(PROP_PREFIX.length).replace(/-/g, '_')] = value;
        }
        track(marked.getAttribute('data-md-event')!, props);
      } else if (clicked) track('click', clickProps(clicked));
    },
    true,
  );
}
