/**
 * Schemas of the HTTP API beyond the event dictionary: single-event body, query parameters and
 * answers. They validate requests and feed the OpenAPI document, so the two cannot drift.
 */
import { z } from 'zod';
import { Batch } from '../dictionary/events.js';

const Pointer = z.string().meta({ description: 'JSON pointer into the request body, e.g. /batch/3/props/plan' });

/** Why an event was quarantined or flagged. */
export const ReasonSchema = z
  .object({ path: Pointer, code: z.string(), message: z.string(), expected: z.string().optional() })
  .meta({ title: 'Reason', description: 'What was wrong, where, and what is allowed' });

/** `POST /v1/event`: one event, for servers and simple integrations. */
export const SingleEventBody = z
  .object({
    site: Batch.shape.site,
    key: Batch.shape.key,
    sentAt: Batch.shape.sentAt.optional().meta({ description: 'Client time when sent (epoch ms); without it the event time is not skew-corrected and is flagged' }),
    event: z.unknown().meta({ description: 'One event (see the event dictionary)' }),
  })
  .strict()
  .meta({ title: 'SingleEvent' });

export const EventResultSchema = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    status: z.enum(['accepted', 'duplicate', 'quarantined']),
    reasons: z.array(ReasonSchema).optional().meta({ description: 'Why it was quarantined' }),
    flags: z.array(ReasonSchema).optional().meta({ description: 'Warnings stored with an accepted event' }),
  })
  .meta({ title: 'EventResult' });

export const IngestResponseSchema = z
  .object({
    accepted: z.number().int(),
    duplicate: z.number().int(),
    quarantined: z.number().int(),
    results: z.array(EventResultSchema),
  })
  .meta({ title: 'IngestResponse' });

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: Pointer, message: z.string(), expected: z.string().optional() })).optional(),
    }),
  })
  .meta({ title: 'Error' });

const DateOrDateTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .meta({ description: 'YYYY-MM-DD (a day in the site time zone) or an ISO date-time with offset' });

export const SummaryQuerySchema = z
  .object({
    site: z.string().min(1),
    from: DateOrDateTime.meta({ description: 'Start: a day (inclusive, from its midnight in the site time zone) or an instant (inclusive)' }),
    to: DateOrDateTime.meta({ description: 'End: a day (inclusive, to its end in the site time zone) or an instant (exclusive)' }),
    limit: z.coerce.number().int().min(1).max(100).default(10).meta({ description: 'Rows in topPages and topChannels' }),
  })
  .strict();

export const SummaryResponseSchema = z
  .object({
    site: z.string(),
    from: z.string(),
    to: z.string(),
    range: z.object({ start: z.string(), end: z.string(), timezone: z.string() }).meta({ description: 'The resolved range [start, end) as instants' }),
    pageviews: z.number().int(),
    visitors: z.number().int().meta({ description: 'Distinct anonymous ids' }),
    sessions: z.number().int().meta({ description: 'Distinct client session ids' }),
    conversions: z.number().int().meta({ description: 'Conversion events, one per order id' }),
    conversionRate: z.number().meta({ description: 'Sessions with a conversion / sessions' }),
    revenue: z.array(z.object({ currency: z.string(), amount: z.number() })),
    topPages: z.array(z.object({ path: z.string(), pageviews: z.number().int(), visitors: z.number().int() })),
    topChannels: z.array(z.object({ channel: z.string(), sessions: z.number().int(), visitors: z.number().int(), conversions: z.number().int() })),
    clientDropped: z.number().int().meta({ description: 'Events SDKs reported dropping from full offline queues (never received)' }),
  })
  .meta({ title: 'Summary' });

export const QuarantineQuerySchema = z
  .object({
    site: z.string().min(1).optional().meta({ description: 'Site id; omit to list bodies whose site was unreadable (admin token only)' }),
    status: z.enum(['open', 'replayed']).default('open'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const QuarantineItemSchema = z
  .object({
    qid: z.number().int(),
    site: z.string().nullable(),
    eventId: z.string().nullable(),
    event: z.string().nullable(),
    scope: z.enum(['event', 'body']),
    receivedAt: z.string(),
    sentAt: z.number().nullable(),
    payload: z.unknown().meta({ description: 'The event (or body) as received, phone and email hashed' }),
    reasons: z.array(ReasonSchema),
    dictionaryVersion: z.number().nullable(),
    status: z.enum(['open', 'replayed']),
    replayedAt: z.string().nullable(),
  })
  .meta({ title: 'QuarantineItem' });

export const QuarantineListSchema = z.object({ items: z.array(QuarantineItemSchema) });

export const ReplayBodySchema = z.object({ site: z.string().min(1) }).strict();

export const ReplayResponseSchema = z
  .object({
    site: z.string(),
    dictionaryVersion: z.number().int(),
    checked: z.number().int(),
    replayed: z.number().int(),
    duplicate: z.number().int(),
    stillInvalid: z.number().int(),
  })
  .meta({ title: 'ReplayReport' });

export const HealthSchema = z.object({ ok: z.boolean(), db: z.enum(['ok', 'unreachable']) });
