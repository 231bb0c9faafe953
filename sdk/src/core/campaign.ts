import type { KV, Landing } from './platform.js';
import { load, save } from './json.js';
import { cut } from './cut.js';
import { BROWSER_ONLY } from './build.js';

/**
 * Whether a URL carries a campaign: `?`, `&` or `#`, a UTM name or an ad platform's click id
 * (`gclid dclid fbclid msclkid ttclid twclid gbraid wbraid li_fat_id`), `=`, and a non-empty
 * value. The SDK only decides with it whether a landing is a new touch; the collector reads the
 * fields themselves from `landing` (collector/src/ingest/enrich/campaign.ts). The click-id part
 * is deliberately loose (`…clid`, `…clkid`): a rare false positive only starts a touch early.
 */
export const CAMPAIGN = /[?&#](utm_[a-z_]+|[a-z]+clk?id|[gw]braid|li_fat_id)=[^&#]/;

/**
 * Storage key of the visitor's touches, `{ first, campaign }`: the context fields every event
 * carries, spread into it as they are.
 */
export const TOUCHES_KEY = 'md_l';

/** A touch: `{ landing, referrer, scene, ts }`; the collector reads the campaign fields from `landing`. */
export type Touch = { landing: string; referrer?: string; scene?: number | string; ts: number };

/**
 * Records a landing as a touch. The first touch is stored once per visitor; the last touch
 * (`campaign`) is replaced when the landing carries a campaign, a mini-program scene, or an
 * external referrer, so internal navigation and direct returns keep the campaign that brought
 * the visitor.
 */
export function recordTouch(store: KV, { url, referrer, host, scene }: Landing, ts: number): void {
  const from = referrer?.split('/')[2];
  const touches: { first?: Touch; campaign?: Touch } = load(store, TOUCHES_KEY) || {};
  const touch: Touch = { landing: cut(url), referrer: referrer ? cut(referrer) : undefined, ts };
  if (!BROWSER_ONLY) touch.scene = scene;
  touches.first ||= touch;
  if ((!BROWSER_ONLY && scene != null) || CAMPAIGN.test(url) || (from && from != host) || !touches.campaign) touches.campaign = touch;
  save(store, TOUCHES_KEY, touches);
}
