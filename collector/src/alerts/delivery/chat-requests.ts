/**
 * HTTP requests of the chat-bot webhooks, as each platform documents them: WeCom (企业微信) and
 * DingTalk (钉钉) markdown messages, Feishu (飞书) text messages (signed in the body when the bot
 * has a secret), Slack incoming-webhook text.
 */
import { createHmac } from 'node:crypto';
import type { AlertNotification } from '../alert-notification.js';
import type { DeliveryChannel } from './channel-schema.js';
import { notificationLines, notificationText, notificationTitle } from './notification-text.js';

/** A request to send: URL and JSON body. */
export interface ChatRequest {
  url: string;
  body: unknown;
}

type ChatChannel = Extract<DeliveryChannel, { type: 'wecom' | 'dingtalk' | 'feishu' | 'slack' }>;

/** The request for a chat channel at `nowMs`. */
export function chatRequest(channel: ChatChannel, n: AlertNotification, nowMs: number): ChatRequest {
  switch (channel.type) {
    case 'wecom':
      return { url: channel.url, body: { msgtype: 'markdown', markdown: { content: markdown(n) } } };
    case 'dingtalk':
      return { url: dingtalkUrl(channel.url, channel.secret, nowMs), body: { msgtype: 'markdown', markdown: { title: notificationTitle(n), text: markdown(n) } } };
    case 'feishu': {
      const text = { msg_type: 'text', content: { text: notificationText(n) } };
      if (!channel.secret) return { url: channel.url, body: text };
      const timestamp = String(Math.floor(nowMs / 1000));
      return { url: channel.url, body: { timestamp, sign: feishuSign(channel.secret, timestamp), ...text } };
    }
    case 'slack':
      return { url: channel.url, body: { text: notificationText(n) } };
  }
}

/**
 * DingTalk's signed URL: `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret,
 * `${timestamp}\n${secret}`)), URL-encoded, appended to the webhook URL.
 */
export function dingtalkUrl(url: string, secret: string | undefined, nowMs: number): string {
  if (!secret) return url;
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Feishu's signature: base64(HMAC-SHA256 keyed with `${timestamp}\n${secret}` over an empty message). */
export function feishuSign(secret: string, timestampSec: string): string {
  return createHmac('sha256', `${timestampSec}\n${secret}`).update('').digest('base64');
}

/** Whether a chat platform's answer means the message was accepted (they answer 200 with an error code). */
export function chatAccepted(type: ChatChannel['type'], body: unknown): boolean {
  const b = (body ?? {}) as Record<string, unknown>;
  if (type === 'wecom' || type === 'dingtalk') return b.errcode === 0;
  if (type === 'feishu') return b.code === 0 || b.StatusCode === 0;
  return true;
}

function markdown(n: AlertNotification): string {
  return [`**${notificationTitle(n)}**`, ...notificationLines(n).map((l) => `> ${l}`)].join('\n');
}
