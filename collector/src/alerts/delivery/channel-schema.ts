import { z } from 'zod';

const HttpUrl = z.url({ protocol: /^https?$/ }).meta({ description: 'http(s) URL of the receiver' });
const Secret = z.string().min(16, 'secrets must be at least 16 characters').max(256);

/** A generic webhook: JSON body signed with HMAC-SHA256 (see docs/alerts.md). */
export const WebhookChannel = z.object({ type: z.literal('webhook'), url: HttpUrl, secret: Secret }).strict();

/** WeCom (企业微信) group bot: the webhook URL with its `key`. */
export const WecomChannel = z.object({ type: z.literal('wecom'), url: HttpUrl }).strict();

/** DingTalk (钉钉) bot: the webhook URL with its `access_token`, and the signing secret (`SEC…`) if the bot uses signing. */
export const DingtalkChannel = z.object({ type: z.literal('dingtalk'), url: HttpUrl, secret: z.string().min(1).max(256).optional() }).strict();

/** Feishu (飞书) custom bot: the webhook URL, and the signing secret if the bot has signature verification on. */
export const FeishuChannel = z.object({ type: z.literal('feishu'), url: HttpUrl, secret: z.string().min(1).max(256).optional() }).strict();

/** Slack incoming webhook. */
export const SlackChannel = z.object({ type: z.literal('slack'), url: HttpUrl }).strict();

/** Email over SMTP (nodemailer). */
export const EmailChannel = z.object({
  type: z.literal('email'),
  to: z.array(z.email()).min(1).max(20),
  from: z.email(),
  smtp: z.object({
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
    secure: z.boolean().default(false),
    user: z.string().optional(),
    pass: z.string().optional(),
    /** Skip STARTTLS even when offered (local relays only). */
    ignoreTLS: z.boolean().default(false),
  }).strict(),
}).strict();

/** Where a rule's notifications go. */
export const DeliveryChannelSchema = z.discriminatedUnion('type', [
  WebhookChannel, WecomChannel, DingtalkChannel, FeishuChannel, SlackChannel, EmailChannel,
]);
export type DeliveryChannel = z.infer<typeof DeliveryChannelSchema>;
export type ChannelType = DeliveryChannel['type'];
