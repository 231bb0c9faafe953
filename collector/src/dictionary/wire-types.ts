/**
 * The wire format as plain TypeScript types, for the SDK's public declarations: users of the
 * npm package get them without the schema library. They mirror the schemas of events.ts, and
 * the checks at the end of this file fail to compile the moment the two differ, so they cannot
 * drift. Limits (lengths, patterns) are the schemas' business: see events.ts and limits.ts.
 */
import type * as Schemas from './events.js';

/** A property value: string, finite number, boolean or null. */
export type PropertyValue = string | number | boolean | null;

/** Free properties of an event (flat name → value map); the site dictionary decides the names. */
export type Properties = Record<string, PropertyValue>;

/** Campaign fields of one touch. The SDK sends `landing`, `referrer`, `ts` (and `scene`); the collector reads the rest from `landing`. */
export interface Campaign {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  utm_id?: string;
  utm_source_platform?: string;
  utm_creative_format?: string;
  utm_marketing_tactic?: string;
  gclid?: string;
  gbraid?: string;
  wbraid?: string;
  dclid?: string;
  fbclid?: string;
  msclkid?: string;
  ttclid?: string;
  li_fat_id?: string;
  twclid?: string;
  /** Mini-program launch scene value. */
  scene?: number | string;
  /** Referrer at the time of this touch. */
  referrer?: string;
  /** Landing URL (or mini-program `path?query`) of this touch. */
  landing?: string;
  /** When this touch happened (epoch ms). */
  ts?: number;
}

/** Where an event was sent from: desktop web, mobile or in-app browser, or a mini-program. */
export type Platform = 'web' | 'h5' | 'wechat' | 'alipay' | 'bytedance';

/** Context every SDK attaches to every event. */
export interface Context {
  platform: Platform;
  /** SDK name and version. */
  library: { name: string; version: string };
  /** The page the event happened on. */
  page?: { url: string; path: string; title?: string; referrer?: string };
  /** Last-touch campaign fields. */
  campaign?: Campaign;
  /** First-touch campaign fields (kept once per visitor). */
  first?: Campaign;
  /** Browser or system language, e.g. `zh-CN`. */
  locale?: string;
  /** IANA time zone of the device. */
  timezone?: string;
  /** Screen size in CSS pixels. */
  screen?: { width: number; height: number };
  /** User agent, sent by mini-programs (browsers send it as a header). */
  userAgent?: string;
}

/** Fields common to every event. */
interface EventBase {
  /** Unique event id, made by the SDK; the collector stores each id once. */
  id: string;
  /** Client time of the event (epoch ms). */
  ts: number;
  anonymousId: string;
  userId?: string | null;
  sessionId: string;
  /** True on the first event of a client session. */
  sessionStart?: boolean;
  context: Context;
}

/** A page (or mini-program page) was shown. */
export interface PageViewEvent extends EventBase {
  event: 'page_view';
  props?: Properties;
}

/** The standard properties of a click (sites may declare more). */
export type ClickProperties = {
  tag?: string;
  text?: string;
  href?: string;
  selector?: string;
  outbound?: boolean;
  download?: boolean;
} & Properties;

/** A link, button or marked element was clicked. */
export interface ClickEvent extends EventBase {
  event: 'click';
  props: ClickProperties;
}

/** The properties of a conversion: goal, value in `currency` (ISO 4217), optional order id, and others. */
export type ConversionProperties = { goal: string; value: number; currency: string; order_id?: string } & Properties;

/** A goal was reached, with its value. */
export interface ConversionEvent extends EventBase {
  event: 'conversion';
  props: ConversionProperties;
}

/** Typed identities of a person; other keys are custom identity types. Phone and email are stored hashed. */
export type Identities = { phone?: string; email?: string; unionid?: string; openid?: string; device_id?: string } & Record<string, string>;

/** Links the anonymous visitor to a known user. */
export interface IdentifyEvent extends EventBase {
  event: 'identify';
  userId: string;
  identities?: Identities;
  traits?: Properties;
}

/** A custom event sent with `track(name, props)`. */
export interface CustomEvent extends EventBase {
  event: string;
  props?: Properties;
}

/** Any event on the wire. */
export type WireEvent = PageViewEvent | ClickEvent | ConversionEvent | IdentifyEvent | CustomEvent;

/** The batch envelope of `POST /v1/batch`, events typed. */
export interface Batch {
  site: string;
  key?: string;
  /** Client time when the batch was sent (epoch ms). */
  sentAt: number;
  batch: WireEvent[];
  /** Events the SDK dropped since its last successful report (its queue was full). */
  dropped?: number;
}

// Compile-time checks: each plain type is mutually assignable with the zod-inferred one.
type Equals<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type WireTypeChecks = [
  Assert<Equals<PropertyValue, Schemas.PropertyValue>>,
  Assert<Equals<Properties, Schemas.Properties>>,
  Assert<Equals<Campaign, Schemas.Campaign>>,
  Assert<Equals<Platform, Schemas.Context['platform']>>,
  Assert<Equals<Context, Schemas.Context>>,
  Assert<Equals<PageViewEvent, Schemas.PageViewEvent>>,
  Assert<Equals<ClickEvent, Schemas.ClickEvent>>,
  Assert<Equals<ConversionEvent, Schemas.ConversionEvent>>,
  Assert<Equals<Identities, Schemas.Identities>>,
  Assert<Equals<IdentifyEvent, Schemas.IdentifyEvent>>,
  Assert<Equals<CustomEvent, Schemas.CustomEvent>>,
  Assert<Equals<WireEvent, Schemas.WireEvent>>,
  Assert<Equals<Batch, Schemas.Batch>>,
];
