import type { Campaign } from '../../../collector/src/dictionary/events.js';
import type { KV, Landing } from './platform.js';
import { load, save } from './json.js';

/**
 * A campaign field in a URL: `?`, `&` or `#`, one of the 9 UTM names or an ad platform's click
 * id (exact lowercase name), `=`, and the raw value.
 */
const FIELD =
  /[?&#](utm_(?:source|medium|campaign|term|content|id|source_platform|creative_format|marketing_tactic)|gclid|gbraid|wbraid|dclid|fbclid|msclkid|ttclid|li_fat_id|twclid)=([^&#]*)/g;

/** Storage keys of the first touch (kept once) and the last touch. */
export const FIRST_KEY = 'md_f';
export const LAST_KEY = 'md_l';

const decode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s; // a stray % must not lose the rest of the visit
  }
};

/**
 * Campaign fields of a URL, from its query and from a query after `#` (hash routing, where the
 * hash's fields win as they come later). `+` is a space, `%2B` a plus; empty values are absent;
 * values keep their case (gbraid must not be re-cased).
 */
export function parseCampaign(url: string): Record<string, string> {
  const fields: Record<string, string> = {};
  url.replace(FIELD, (_, name: string, raw: string) => {
    const value = decode(raw).trim();
    if (value) fields[name] = value.slice(0, 256);
    return '';
  });
  return fields;
}

/** The host of an absolute URL (`https://host:port/...`), or '' for anything else. */
export const hostOf = (url?: string) => (url && url.split('/')[2]) || '';

/**
 * Records a landing as a touch. The first touch is stored once per visitor; the last touch is
 * replaced when the landing carries campaign fields or comes from another site, so internal
 * navigation and direct returns keep the campaign that brought the visitor.
 */
export function recordTouch(store: KV, landing: Landing, now: number): void {
  const fields: Campaign = parseCampaign(landing.url);
  if (landing.scene != null) fields.scene = landing.scene;
  const external = hostOf(landing.referrer) && hostOf(landing.referrer) != landing.host;
  const touch: Campaign = { ...fields, referrer: landing.referrer || undefined, landing: landing.url.slice(0, 2048), ts: now };
  if (!store.get(FIRST_KEY)) save(store, FIRST_KEY, touch);
  if (Object.keys(fields).length || external || !store.get(LAST_KEY)) save(store, LAST_KEY, touch);
}

/** The stored touches, as `context.campaign` (last) and `context.first`. */
export function touches(store: KV): { campaign?: Campaign; first?: Campaign } {
  return { campaign: load(store, LAST_KEY), first: load(store, FIRST_KEY) };
}
