import type { Campaign } from '../../dictionary/events.js';

/** Click ids in the order that decides which one names the click when several are present. */
export const CLICK_ID_TYPES = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid'] as const;

/** The UTM fields, GA4's extra ones included. */
export const UTM_FIELDS = [
  'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'utm_id',
  'utm_source_platform', 'utm_creative_format', 'utm_marketing_tactic',
] as const;

/** A campaign field that can be read from a landing URL. */
export type CampaignField = (typeof UTM_FIELDS)[number] | (typeof CLICK_ID_TYPES)[number];

/** Longest value kept per field: the dictionary's limits for fields sent explicitly. */
const MAX_LENGTH = (name: CampaignField) => (name.startsWith('utm_') ? 256 : 512);

/**
 * `name=value` pairs after `?`, `&` or `#`: the query and a query after `#` (hash routing,
 * `/#/pricing?utm_source=x`, where `?` follows the route) are read alike.
 */
const PAIR = /[?&#]([^=&#?]+)=([^&#]*)/g;
const FIELDS = new Set<string>([...UTM_FIELDS, ...CLICK_ID_TYPES]);

/** `+` is a space and each valid `%XX` sequence is decoded; a stray `%` stays as written. */
function decodeValue(raw: string): string {
  return raw.replace(/\+/g, ' ').replace(/(%[0-9A-Fa-f]{2})+/g, (seq) => {
    try {
      return decodeURIComponent(seq);
    } catch {
      return seq; // bytes that are not UTF-8: keep them as sent rather than lose the field
    }
  });
}

/**
 * Campaign fields of a landing URL (or mini-program `path?query`): the 9 UTM fields and the
 * click ids, names exactly as listed (lowercase). Values are decoded and trimmed, empty ones are
 * absent, case is kept (gbraid must not be re-cased). When a name appears twice, the later one
 * wins, so a hash-routing query overrides the main query.
 */
export function campaignFromLanding(landing: string | undefined): Partial<Record<CampaignField, string>> {
  const fields: Partial<Record<CampaignField, string>> = {};
  for (const [, name, raw] of (landing ?? '').matchAll(PAIR)) {
    if (!FIELDS.has(name)) continue;
    const value = decodeValue(raw).trim();
    if (value) fields[name as CampaignField] = value.slice(0, MAX_LENGTH(name as CampaignField));
  }
  return fields;
}

const present = (s: string | undefined) => (s && s.trim() ? s : undefined);

/**
 * A touch with its campaign fields filled in from its `landing`: SDKs send only
 * `{ landing, referrer, ts, scene }`; a field another client sent explicitly (non-empty) wins
 * over the one read from the landing.
 */
export function withLandingFields(campaign: Campaign): Campaign {
  const explicit = Object.fromEntries(Object.entries(campaign).filter(([, v]) => typeof v != 'string' || present(v)));
  return { ...campaignFromLanding(campaign.landing), ...explicit };
}

/** The `events.first_touch` JSON: the first touch with its fields read from its landing, or null. */
export function firstTouchJson(first: Campaign | undefined): string | null {
  return first ? JSON.stringify(withLandingFields(first)) : null;
}

/** The campaign columns of an event. */
export interface CampaignColumns {
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  utm_id: string | null;
  click_id_type: string | null;
  click_id: string | null;
  scene: string | null;
}

/**
 * Reads UTM fields, the first click id present and the mini-program scene of a (last-touch)
 * campaign, explicit fields first, then those in its landing URL. Empty values are absent.
 */
export function campaignColumns(campaign: Campaign | undefined): CampaignColumns {
  const c = withLandingFields(campaign ?? {});
  const v = (s: string | undefined) => present(s) ?? null;
  const clickIdType = CLICK_ID_TYPES.find((k) => v(c[k]) !== null) ?? null;
  return {
    utm_source: v(c.utm_source),
    utm_medium: v(c.utm_medium),
    utm_campaign: v(c.utm_campaign),
    utm_term: v(c.utm_term),
    utm_content: v(c.utm_content),
    utm_id: v(c.utm_id),
    click_id_type: clickIdType,
    click_id: clickIdType ? c[clickIdType]! : null,
    scene: c.scene === undefined ? null : String(c.scene),
  };
}
