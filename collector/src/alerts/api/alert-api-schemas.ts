/** Query and body schemas of the alert API, and how rules are shown to readers. */
import { z } from 'zod';
import type { AlertRule } from '../alert-rule.js';
import type { DeliveryChannel } from '../delivery/channel-schema.js';

const Instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO date-time with offset' });

export const SiteQuery = z.object({ site: z.string().min(1) }).strict();

export const IncidentQuery = z.object({
  site: z.string().min(1),
  rule: z.string().min(1).optional(),
  status: z.enum(['firing', 'acknowledged', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
}).strict();

export const EventQuery = z.object({
  site: z.string().min(1),
  rule: z.string().min(1).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
}).strict();

export const EvaluationQuery = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
}).strict();

export const IncidentActionBody = z.object({
  owner: z.string().min(1).max(200).meta({ description: 'Who acts (name or email)' }),
  note: z.string().max(2000).optional(),
}).strict();

/** `POST /v1/alerts/preview`: a rule (as for create), how many days to replay, and until when. */
export const PreviewBody = z.object({
  rule: z.unknown(),
  days: z.number().int().min(1).max(30).default(30),
  until: Instant.optional().meta({ description: 'Replay the days before this instant (default now), e.g. to see a past campaign' }),
}).strict();

/**
 * A channel as a read token sees it: webhook URLs carry keys and tokens, so only the type and
 * host are shown; the admin token sees the whole channel.
 */
export function redactChannel(c: DeliveryChannel): { type: DeliveryChannel['type']; target: string } {
  if (c.type === 'email') return { type: c.type, target: c.to.join(', ') };
  return { type: c.type, target: new URL(c.url).host };
}

/** A rule as JSON: times as ISO instants, channels redacted unless `admin`. */
export function ruleJson(rule: AlertRule, admin: boolean) {
  return {
    ...rule,
    channels: admin ? rule.channels : rule.channels.map(redactChannel),
    createdAt: new Date(rule.createdAt).toISOString(),
    updatedAt: new Date(rule.updatedAt).toISOString(),
  };
}
