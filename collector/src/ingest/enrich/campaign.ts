import type { Campaign } from '../../dictionary/events.js';

/** Click ids in the order that decides which one names the click when several are present. */
export const CLICK_ID_TYPES = ['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid'] as const;

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

/** Reads UTM fields, the first click id present and the mini-program scene. Empty values are absent. */
export function campaignColumns(campaign: Campaign | undefined): CampaignColumns {
  const c = campaign ?? {};
  const v = (s: string | undefined) => (s && s.trim() ? s : null);
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
