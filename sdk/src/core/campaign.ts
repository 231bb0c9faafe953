import type { KV, Landing } from './platform.js';
import { save } from './json.js';
import { cut } from './cut.js';

/**
 * Whether a URL carries a campaign: `?`, `&` or `#`, a UTM name or an ad platform's click id
 * (`gclid dclid fbclid msclkid ttclid twclid gbraid wbraid li_fat_id`), `=`, and a non-empty
 * value. The SDK only decides with it whether a landing is a new touch; the collector reads the
 * fields themselves from `landing` (collector/src/ingest/enrich/campaign.ts). The click-id part
 * is deliberately loose (`…clid`, `…clkid`): a rare false positive only starts a touch early.
 */
export const CAMPAIGN = /[?&#](utm_[a-z_]+|[a-z]+clk?id|[gw]braid|li_fat_id)=[^&#]/;

/** Storage keys of the first touch (kept once) and the last touch. */
export const FIRST_KEY = 'md_f';
export const LAST_KEY = 'md_l';

/**
 * Records a landing as a touch: `{ landing, referrer, scene, ts }`. The first touch is stored
 * once per visitor; the last touch is replaced when the landing carries a campaign, a
 * mini-program scene, or an external referrer, so internal navigation and direct returns keep
 * the campaign that brought the visitor.
 */
export function recordTouch(store: KV, { url, referrer, host, scene }: Landing, ts: number): void {
  const from = referrer?.split('/')[2];
  const touch = { landing: cut(url), referrer: referrer ? cut(referrer) : undefined, scene, ts };
  if (!store.get(FIRST_KEY)) save(store, FIRST_KEY, touch);
  if (scene != null || CAMPAIGN.test(url) || (from && from != host) || !store.get(LAST_KEY)) save(store, LAST_KEY, touch);
}
