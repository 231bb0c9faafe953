import type { Properties } from '../../../collector/src/dictionary/events.js';

/** File extensions whose links count as downloads. */
const DOWNLOAD = /\.(pdf|zip|dmg|exe|docx|xlsx|pptx|csv|mp4|mp3|apk)$/i;
const CLICKABLE = 'a[href],button,input[type=submit],input[type=button]';
const PROP_PREFIX = 'data-md-prop-';

/** A short CSS selector: up to three levels of `tag#id`, `tag.class` or `tag:nth-child(n)`. */
export function shortSelector(el: Element | null): string {
  const parts: string[] = [];
  for (let i = 0; el && i < 3; i++, el = el.parentElement) {
    if (el.id) {
      parts.unshift(el.localName + '#' + el.id);
      break;
    }
    const siblings = el.parentElement ? [...el.parentElement.children] : [el];
    parts.unshift(el.localName + (el.classList[0] ? '.' + el.classList[0] : `:nth-child(${siblings.indexOf(el) + 1})`));
  }
  return parts.join('>');
}

/** Properties of a `data-md-event` element: its `data-md-prop-*` attributes, names in snake_case. */
function markedProps(el: Element): Properties {
  const props: Properties = {};
  for (const a of el.attributes) {
    if (!a.name.indexOf(PROP_PREFIX)) props[a.name.slice(PROP_PREFIX.length).replace(/-/g, '_')] = a.value;
  }
  return props;
}

/** Properties of a click on a link or button. */
function clickProps(el: Element): Properties {
  const a = el as HTMLAnchorElement;
  const text = (el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim().slice(0, 100);
  const props: Properties = { tag: el.localName, text, selector: shortSelector(el) };
  if (a.href) {
    props.href = a.href.slice(0, 2048);
    props.outbound = /^http/.test(a.protocol) && a.host != location.host;
    props.download = a.hasAttribute('download') || DOWNLOAD.test(a.pathname);
  }
  return props;
}

/**
 * One delegated, capture-phase click listener: a `data-md-event` element (or its descendant)
 * sends that custom event; otherwise a link or button sends `click`.
 */
export function autocapture(track: (name: string, props: Properties) => void): void {
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const marked = target?.closest('[data-md-event]');
      const clicked = target?.closest(CLICKABLE);
      if (marked) track(marked.getAttribute('data-md-event')!, markedProps(marked));
      else if (clicked) track('click', clickProps(clicked));
    },
    true,
  );
}
