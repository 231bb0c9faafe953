import type { ChannelName, ChannelRules } from './channel-rules.js';
import { normalizeValue } from './classify-channel.js';
import { compileChannelRules, type CompiledChannelRules } from './compile-channel-rules.js';
import { DEFAULT_CHANNEL_RULES } from './default-rules.js';

/** What the collector knows about where a visit came from. */
export interface TrafficInput {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  /** The first click id present: gclid, gbraid, wbraid, dclid, fbclid, msclkid, ttclid, li_fat_id, twclid. */
  clickIdType?: string;
  /** Lowercased external referrer host with `www.` stripped; absent = no or internal referrer. */
  referrerHost?: string;
  /** WeChat / Alipay / ByteDance mini-program launch scene. */
  scene?: string | number;
}

/** The resolved source, medium and channel of a visit. Source and medium are lowercased and trimmed. */
export interface Traffic {
  source: string;
  medium: string;
  channel: ChannelName;
}

interface SourceMedium {
  source: string;
  medium: string;
}

const DIRECT: SourceMedium = { source: '(direct)', medium: '(none)' };
const NOT_SET = '(not set)';

/** Google auto-tagging: paid Google traffic even when the link also carries UTMs (GA4's default). */
const GOOGLE_CLICK_IDS = new Set(['gclid', 'gbraid', 'wbraid', 'dclid']);
const GOOGLE_ADS: SourceMedium = { source: 'google', medium: 'cpc' };

/** Click ids only ad clicks carry: without UTMs they mark the platform's paid traffic. */
const PAID_CLICK_IDS: Record<string, SourceMedium> = {
  msclkid: { source: 'bing', medium: 'cpc' },
  ttclid: { source: 'tiktok', medium: 'cpc' },
  li_fat_id: { source: 'linkedin', medium: 'cpc' },
};

/** Click ids the platform also adds to organic links: alone they only say where the click happened. */
const ORGANIC_CLICK_IDS: Record<string, SourceMedium> = {
  fbclid: { source: 'facebook', medium: 'referral' },
  twclid: { source: 'twitter', medium: 'referral' },
};

/**
 * Resolves a visit's source, medium and channel. Precedence, strongest first:
 * Google click id → UTMs (utm_source or utm_medium present) → paid click id (msclkid, ttclid,
 * li_fat_id) → mini-program scene → external referrer → organic click id (fbclid, twclid) → direct.
 * utm_campaign is always kept for classification (Cross-network, shopping campaigns).
 */
export function resolveTraffic(input: TrafficInput, rules: ChannelRules = DEFAULT_CHANNEL_RULES): Traffic {
  const compiled = compileChannelRules(rules);
  const { source, medium } = resolveSourceMedium(input, compiled);
  const channel = compiled.classify({
    source,
    medium,
    campaign: normalizeValue(input.utm_campaign),
    category: compiled.lookupSource(source)?.category,
  });
  return { source, medium, channel };
}

function resolveSourceMedium(input: TrafficInput, compiled: CompiledChannelRules): SourceMedium {
  const clickId = input.clickIdType ? input.clickIdType.toLowerCase() : '';
  if (GOOGLE_CLICK_IDS.has(clickId)) return GOOGLE_ADS;
  const utmSource = normalizeValue(input.utm_source);
  const utmMedium = normalizeValue(input.utm_medium);
  if (utmSource || utmMedium) return { source: utmSource || NOT_SET, medium: utmMedium || NOT_SET };
  const paid = PAID_CLICK_IDS[clickId];
  if (paid) return paid;
  const scene = input.scene === undefined ? '' : String(input.scene).trim();
  // A scene not in the table is an unknown or non-WeChat launch: Direct, the raw scene is kept elsewhere.
  if (scene) return compiled.rules.scenes[scene] ?? DIRECT;
  const host = normalizeValue(input.referrerHost);
  if (host) return fromReferrer(host, compiled);
  return ORGANIC_CLICK_IDS[clickId] ?? DIRECT;
}

/** A known site becomes its canonical name (organic for search engines); any other host is a referral. */
function fromReferrer(host: string, compiled: CompiledChannelRules): SourceMedium {
  const known = compiled.lookupSource(host);
  if (!known) return { source: host.startsWith('www.') ? host.slice(4) : host, medium: 'referral' };
  return { source: known.name, medium: known.category === 'search' ? 'organic' : 'referral' };
}
