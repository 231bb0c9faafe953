/**
 * The standard event dictionary: the wire format every Maidian SDK sends and the collector
 * accepts. This file is the single source of truth. From it come
 *  - the SDK's TypeScript types (`import type`, so zod never enters the SDK bundle),
 *  - the collector's validation,
 *  - JSON Schema and the OpenAPI document,
 *  - the generated dictionary reference in docs/.
 *
 * Site-specific events and extra properties are declared in a site dictionary
 * (see site-dictionary.ts) and checked on top of these schemas.
 */
import { z } from 'zod';
import { bi } from './describe.js';
import { LIMITS } from './limits.js';

/** Names of events and properties: a letter or underscore, then letters, digits, `_ . $ -`. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.$-]*$/;

const text = (max: number = LIMITS.stringLength) => z.string().max(max);
const url = () => z.string().max(LIMITS.urlLength);

/** A property value: events carry flat scalar properties only. */
export const PropertyValue = z
  .union([text(), z.number().finite(), z.boolean(), z.null()])
  .meta(bi('A property value: string, finite number, boolean or null', '属性值：字符串、有限数值、布尔值或 null'));

/** Free properties of an event; which names are allowed is up to the site dictionary. */
export const Properties = z
  .record(z.string().max(LIMITS.nameLength).regex(NAME_PATTERN), PropertyValue)
  .refine((p) => Object.keys(p).length <= LIMITS.propertyCount, {
    message: `at most ${LIMITS.propertyCount} properties are allowed`,
  })
  .meta(bi('Event properties (flat name → value map)', '事件属性（扁平的名称→值映射）'));

/** Campaign fields: UTM parameters, GA4's extra UTM fields and ad-platform click ids. */
export const Campaign = z
  .object({
    utm_source: text(256).optional().meta(bi('utm_source: who sent the visit (baidu, newsletter)', 'utm_source：流量来源（如 baidu、newsletter）')),
    utm_medium: text(256).optional().meta(bi('utm_medium: the kind of traffic (cpc, email, social)', 'utm_medium：流量媒介（如 cpc、email、social）')),
    utm_campaign: text(256).optional().meta(bi('utm_campaign: campaign name', 'utm_campaign：活动名称')),
    utm_term: text(256).optional().meta(bi('utm_term: paid keyword', 'utm_term：付费关键词')),
    utm_content: text(256).optional().meta(bi('utm_content: creative or link variant', 'utm_content：创意或链接版本')),
    utm_id: text(256).optional().meta(bi('utm_id: campaign id', 'utm_id：活动 ID')),
    utm_source_platform: text(256).optional().meta(bi('utm_source_platform: buying platform (GA4)', 'utm_source_platform：投放平台（GA4）')),
    utm_creative_format: text(256).optional().meta(bi('utm_creative_format: creative format (GA4)', 'utm_creative_format：创意形式（GA4）')),
    utm_marketing_tactic: text(256).optional().meta(bi('utm_marketing_tactic: targeting tactic (GA4)', 'utm_marketing_tactic：营销策略（GA4）')),
    gclid: text(512).optional().meta(bi('Google Ads click id', 'Google Ads 点击 ID')),
    gbraid: text(512).optional().meta(bi('Google Ads app-to-web click id (case kept)', 'Google Ads 应用到网页点击 ID（保留大小写）')),
    wbraid: text(512).optional().meta(bi('Google Ads web-to-app click id', 'Google Ads 网页到应用点击 ID')),
    dclid: text(512).optional().meta(bi('Google Display & Video click id', 'Google 展示广告点击 ID')),
    fbclid: text(512).optional().meta(bi('Meta click id', 'Meta 点击 ID')),
    msclkid: text(512).optional().meta(bi('Microsoft Ads click id', '微软广告点击 ID')),
    ttclid: text(512).optional().meta(bi('TikTok click id', 'TikTok 点击 ID')),
    li_fat_id: text(512).optional().meta(bi('LinkedIn click id', '领英点击 ID')),
    twclid: text(512).optional().meta(bi('X (Twitter) click id', 'X（Twitter）点击 ID')),
    scene: z.union([z.number().int(), text(64)]).optional().meta(bi('Mini-program launch scene value', '小程序启动场景值')),
    referrer: url().optional().meta(bi('Referrer at the time of this touch', '本次触点的来源页面')),
    landing: url().optional().meta(bi('Landing URL (or mini-program path and query) of this touch', '本次触点的落地页（或小程序路径与参数）')),
    ts: z.number().int().nonnegative().optional().meta(bi('When this touch happened (epoch ms)', '触点发生时间（毫秒时间戳）')),
  })
  .strict()
  .meta(bi('Campaign fields of one touch', '一次触点的投放参数'));

export const Platform = z
  .enum(['web', 'h5', 'wechat', 'alipay', 'bytedance'])
  .meta(bi('Where the event was sent from', '事件来源平台'));

/** Context that every SDK attaches to every event. */
export const Context = z
  .object({
    platform: Platform,
    library: z
      .object({ name: text(64), version: text(32) })
      .strict()
      .meta(bi('SDK name and version', 'SDK 名称与版本')),
    page: z
      .object({
        url: url().meta(bi('Full page URL (or mini-program path with query)', '完整页面地址（或小程序路径与参数）')),
        path: url().meta(bi('Page path', '页面路径')),
        title: text().optional().meta(bi('Document title', '页面标题')),
        referrer: url().optional().meta(bi('Document referrer', '来源页面')),
      })
      .strict()
      .optional()
      .meta(bi('The page the event happened on', '事件发生的页面')),
    campaign: Campaign.optional().meta(bi('Last-touch campaign fields (updated on every new campaign visit)', '末次触点投放参数（每次新的投放访问时更新）')),
    first: Campaign.optional().meta(bi('First-touch campaign fields (kept once per visitor)', '首次触点投放参数（每个访客只记录一次）')),
    locale: text(35).optional().meta(bi('Browser or system language, e.g. zh-CN', '浏览器或系统语言，如 zh-CN')),
    timezone: text(64).optional().meta(bi('IANA time zone of the device', '设备的 IANA 时区')),
    screen: z
      .object({ width: z.number().int().nonnegative(), height: z.number().int().nonnegative() })
      .strict()
      .optional()
      .meta(bi('Screen size in CSS pixels', '屏幕尺寸（CSS 像素）')),
    userAgent: text(512).optional().meta(bi('User agent, sent by mini-programs (browsers send it as a header)', '用户代理（小程序发送；浏览器通过请求头发送）')),
  })
  .strict()
  .meta(bi('Context attached to every event', '每个事件附带的上下文'));

/** Fields common to every event. */
const base = {
  id: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .meta(bi('Unique event id, made by the SDK; the collector stores each id once', '事件唯一 ID，由 SDK 生成；采集端对同一 ID 只存储一次')),
  ts: z.number().int().nonnegative().meta(bi('Client time of the event (epoch ms)', '事件的客户端时间（毫秒时间戳）')),
  anonymousId: text(128).min(1).meta(bi('Anonymous visitor id kept in first-party storage', '匿名访客 ID，保存在第一方存储中')),
  userId: text(128).nullable().optional().meta(bi('Logged-in user id, after identify()', '登录用户 ID（调用 identify() 之后）')),
  sessionId: text(64).min(1).meta(bi('Client session id; rolls over after 30 idle minutes', '客户端会话 ID；闲置 30 分钟后更新')),
  sessionStart: z.boolean().optional().meta(bi('True on the first event of a client session', '客户端会话的第一个事件为 true')),
  context: Context,
};

export const PageViewEvent = z
  .object({
    ...base,
    event: z.literal('page_view'),
    props: Properties.optional(),
  })
  .strict()
  .meta({ title: 'page_view', ...bi('A page (or mini-program page) was shown', '页面（或小程序页面）被浏览') });

/** The standard properties of a click. Sites may declare more in their dictionary. */
export const ClickProperties = {
  tag: text(32).optional().meta(bi('Element tag name, e.g. a or button', '元素标签名，如 a 或 button')),
  text: text(100).optional().meta(bi('Visible text, trimmed and capped at 100 characters', '可见文字，去除空白并截断至 100 字符')),
  href: url().optional().meta(bi('Link target', '链接地址')),
  selector: text(256).optional().meta(bi('Short CSS selector of the element', '元素的简短 CSS 选择器')),
  outbound: z.boolean().optional().meta(bi('The link leaves the site', '链接指向站外')),
  download: z.boolean().optional().meta(bi('The link downloads a file', '链接为文件下载')),
};

export const ClickEvent = z
  .object({
    ...base,
    event: z.literal('click'),
    props: z.object(ClickProperties).catchall(PropertyValue),
  })
  .strict()
  .meta({ title: 'click', ...bi('A link, button or marked element was clicked', '链接、按钮或标记元素被点击') });

export const ConversionProperties = {
  goal: text(LIMITS.nameLength).min(1).meta(bi('Conversion name, e.g. purchase or signup', '转化名称，如 purchase 或 signup')),
  value: z.number().finite().nonnegative().meta(bi('Conversion value (revenue) in `currency`', '转化价值（收入），单位为 currency')),
  currency: z.string().regex(/^[A-Z]{3}$/).meta(bi('ISO 4217 currency code, e.g. CNY', 'ISO 4217 货币代码，如 CNY')),
  order_id: text(128).optional().meta(bi('Order id; one order converts once', '订单号；同一订单只计一次转化')),
};

export const ConversionEvent = z
  .object({
    ...base,
    event: z.literal('conversion'),
    props: z.object(ConversionProperties).catchall(PropertyValue),
  })
  .strict()
  .meta({ title: 'conversion', ...bi('A goal was reached, with its value', '达成转化目标及其价值') });

/** Typed identities of a person. Phone and email are hashed by the collector before storage. */
export const Identities = z
  .object({
    phone: text(64).optional().meta(bi('Phone number (stored salted and hashed)', '手机号（加盐哈希后存储）')),
    email: text(254).optional().meta(bi('Email address (stored salted and hashed)', '电子邮箱（加盐哈希后存储）')),
    unionid: text(128).optional().meta(bi('WeChat unionid', '微信 unionid')),
    openid: text(128).optional().meta(bi('WeChat / Alipay / ByteDance openid', '微信/支付宝/抖音 openid')),
    device_id: text(128).optional().meta(bi('Device id', '设备 ID')),
  })
  .catchall(text(128))
  .meta(bi('Typed identities; other keys are custom identity types', '身份标识；其他键为自定义身份类型'));

export const IdentifyEvent = z
  .object({
    ...base,
    event: z.literal('identify'),
    userId: text(128).min(1).meta(bi('The user id to link this visitor to', '要关联到此访客的用户 ID')),
    identities: Identities.optional(),
    traits: Properties.optional().meta(bi('User attributes (city, membership level…)', '用户属性（城市、会员等级等）')),
  })
  .strict()
  .meta({ title: 'identify', ...bi('Links the anonymous visitor to a known user', '将匿名访客关联到已知用户') });

/** Names that are reserved for the standard events above. */
export const STANDARD_EVENTS = ['page_view', 'click', 'conversion', 'identify'] as const;
export type StandardEventName = (typeof STANDARD_EVENTS)[number];

export const CustomEvent = z
  .object({
    ...base,
    event: z
      .string()
      .min(1)
      .max(LIMITS.nameLength)
      .regex(NAME_PATTERN)
      .refine((n) => !(STANDARD_EVENTS as readonly string[]).includes(n), { message: 'reserved for a standard event' })
      .meta(bi('Custom event name, declared in the site dictionary', '自定义事件名称，在站点字典中声明')),
    props: Properties.optional(),
  })
  .strict()
  .meta({ title: 'custom', ...bi('A custom event sent with track(name, props)', '通过 track(name, props) 发送的自定义事件') });

/** Any event on the wire. */
export const WireEvent = z.union([PageViewEvent, ClickEvent, ConversionEvent, IdentifyEvent, CustomEvent]);

/** The batch envelope: `POST /v1/batch`. */
export const Batch = z
  .object({
    site: text(64).min(1).meta(bi('Site id the events belong to', '事件所属站点 ID')),
    key: text(128).optional().meta(bi('Write key of the site (in the body, so no CORS preflight is needed)', '站点写入密钥（放在请求体中，避免 CORS 预检）')),
    sentAt: z.number().int().nonnegative().meta(bi('Client time when the batch was sent (epoch ms), for clock-skew correction', '批次发送时的客户端时间（毫秒），用于校正时钟偏差')),
    batch: z.array(z.unknown()).min(1).max(LIMITS.batchEvents).meta(bi('The events; each is validated on its own', '事件列表；每个事件单独校验')),
    dropped: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta(bi('Events the SDK dropped (oldest first) since its last report, because its offline queue was full', 'SDK 自上次上报以来因离线队列已满而丢弃（先丢最旧）的事件数')),
  })
  .strict()
  .meta({ title: 'Batch', ...bi('A batch of events', '一批事件') });

export type PageViewEvent = z.infer<typeof PageViewEvent>;
export type ClickEvent = z.infer<typeof ClickEvent>;
export type ConversionEvent = z.infer<typeof ConversionEvent>;
export type IdentifyEvent = z.infer<typeof IdentifyEvent>;
export type CustomEvent = z.infer<typeof CustomEvent>;
export type WireEvent = z.infer<typeof WireEvent>;
export type Campaign = z.infer<typeof Campaign>;
export type Context = z.infer<typeof Context>;
export type Identities = z.infer<typeof Identities>;
export type Properties = z.infer<typeof Properties>;
export type PropertyValue = z.infer<typeof PropertyValue>;
/** The batch as the SDK builds it (events typed). */
export type Batch = Omit<z.infer<typeof Batch>, 'batch'> & { batch: WireEvent[] };

/** Every standard schema, by event name, for validation and documentation. */
export const STANDARD_SCHEMAS = {
  page_view: PageViewEvent,
  click: ClickEvent,
  conversion: ConversionEvent,
  identify: IdentifyEvent,
} as const;
