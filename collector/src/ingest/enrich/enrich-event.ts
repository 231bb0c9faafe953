/**
 * Turns a validated event into a stored row. Each step is small and guarded: an enrichment that
 * fails is logged and its columns stay empty, because losing an event is worse than losing, say,
 * its browser name.
 */
import type { Logger } from 'pino';
import type { Campaign, ConversionEvent, IdentifyEvent, WireEvent } from '../../dictionary/events.js';
import type { Reason } from '../../dictionary/reason.js';
import type { SiteRuntime } from '../../config/site-registry.js';
import type { EventRow, RequestMeta } from '../../storage/store.js';
import { resolveTraffic, type Traffic } from '../../channels/resolve-traffic.js';
import { parseUserAgent, type UserAgentInfo } from './user-agent.js';
import { detectBot } from './bot.js';
import { externalReferrerHost } from './referrer.js';
import { DEFAULT_SESSION_OPTIONS } from '../../analytics/sessions/session-options.js';
import { campaignColumns, type CampaignColumns, firstTouchJson } from './campaign.js';
import { correctEventTime } from './event-time.js';
import { hashIdentities } from './identities.js';
import { clickFlags } from './click-flags.js';
import { webPlatform } from './web-platform.js';

/** What ingest knows about the request an event came in. */
export interface IngestContext {
  site: SiteRuntime;
  receivedAt: number;
  /** The batch's sentAt; null when the client sent none. */
  sentAt: number | null;
  /** Events the SDK reported dropping from its full offline queue (batch envelope `dropped`). */
  dropped?: number;
  /** User agent header and the already anonymized IP. */
  request: RequestMeta;
  logger: Logger;
}

const MINI_PROGRAMS = new Set(['wechat', 'alipay', 'bytedance']);

/**
 * The last touch, if it is still the visit that brought this event. The SDK sends the visitor's
 * last touch on every event, also days later on a direct return; that return must count as
 * direct (last non-direct attribution is a report-time choice), so a touch older than the session
 * timeout no longer sets the event's source. A touch without a time (other clients sending UTMs
 * per event) always applies.
 */
export function currentTouch(touch: Campaign | undefined, eventTs: number, timeoutMs: number): Campaign | undefined {
  if (!touch || touch.ts === undefined) return touch;
  return eventTs - touch.ts < timeoutMs ? touch : undefined;
}

/** Enriches a valid event (found at pointer `at`) into an `events` row. */
export function enrichEvent(event: WireEvent, flags: Reason[], ctx: IngestContext, at: string): EventRow {
  const guard = <T>(step: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      ctx.logger.warn({ err, step, site: ctx.site.config.id, eventId: event.id }, 'enrichment step failed; field left empty');
      return fallback;
    }
  };
  const c = event.context;
  const ua = MINI_PROGRAMS.has(c.platform) ? (c.userAgent ?? ctx.request.userAgent) : (ctx.request.userAgent ?? c.userAgent ?? null);
  const page = c.page;
  const touch = currentTouch(c.campaign, event.ts, ctx.site.config.sessions?.sessionTimeoutMs ?? DEFAULT_SESSION_OPTIONS.sessionTimeoutMs);
  const referrer = page?.referrer ?? touch?.referrer ?? null;
  const time = correctEventTime(event.ts, ctx.sentAt, ctx.receivedAt, at);
  const device = guard<UserAgentInfo>('user-agent', () => parseUserAgent(ua), { browser: null, browser_version: null, os: null, device_type: null });
  const campaign = guard<CampaignColumns>('campaign', () => campaignColumns(touch), campaignColumns(undefined));
  const referrerHost = guard('referrer', () => externalReferrerHost(referrer, ctx.site.config.hosts, page?.url), null);
  const traffic = guard<Traffic>('traffic', () => resolveTraffic(trafficInput(campaign, referrerHost), ctx.site.channelRules), { source: '(not set)', medium: '(not set)', channel: 'Unassigned' } as Traffic);
  const allFlags = [...flags, ...time.flags];
  return {
    site: ctx.site.config.id,
    id: event.id,
    event: event.event,
    ts: time.ts,
    client_ts: event.ts,
    received_at: ctx.receivedAt,
    anonymous_id: event.anonymousId,
    user_id: event.userId ?? null,
    session_id: event.sessionId,
    session_start: event.sessionStart ? 1 : 0,
    platform: webPlatform(c.platform, ua),
    url: page?.url ?? null,
    path: page?.path ?? null,
    title: page?.title ?? null,
    referrer,
    referrer_host: referrerHost,
    ...campaign,
    ...traffic,
    first_touch: firstTouchJson(c.first),
    ...device,
    ip: ctx.request.ip,
    is_bot: guard('bot', () => detectBot(ua), 0),
    props: JSON.stringify(guard('props', () => clickAware(propsOf(event, ctx.site.config.salt), event, page?.url, ctx.site.config.hosts), {})),
    ...conversionColumns(event),
    flags: allFlags.length ? JSON.stringify(allFlags) : null,
    dictionary_version: ctx.site.dictionary.version,
  };
}

function trafficInput(c: CampaignColumns, referrerHost: string | null) {
  return {
    utm_source: c.utm_source ?? undefined,
    utm_medium: c.utm_medium ?? undefined,
    utm_campaign: c.utm_campaign ?? undefined,
    clickIdType: c.click_id_type ?? undefined,
    referrerHost: referrerHost ?? undefined,
    scene: c.scene ?? undefined,
  };
}

/** A click's properties get the flags the collector derives (click-flags.ts); other events' stay as they are. */
function clickAware(props: Record<string, unknown>, event: WireEvent, pageUrl: string | undefined, hosts: readonly string[]): Record<string, unknown> {
  return event.event === 'click' ? clickFlags(props, pageUrl, hosts) : props;
}

/** Properties to store: traits plus hashed identities for identify, else the event's props. */
function propsOf(event: WireEvent, salt: string): Record<string, unknown> {
  if (event.event === 'identify') {
    // A custom event cannot be named identify (reserved), so this is an IdentifyEvent.
    const { traits = {}, identities } = event as IdentifyEvent;
    return identities ? { ...traits, $identities: hashIdentities(identities, salt) } : traits;
  }
  return ('props' in event ? event.props : undefined) ?? {};
}

function conversionColumns(event: WireEvent): Pick<EventRow, 'goal' | 'revenue' | 'currency' | 'order_id'> {
  if (event.event !== 'conversion') return { goal: null, revenue: null, currency: null, order_id: null };
  const p = (event as ConversionEvent).props;
  return { goal: p.goal, revenue: p.value, currency: p.currency, order_id: p.order_id ?? null };
}
