/**
 * What a tag is, as the API accepts it. Tags are data: a rule of one of five kinds, with names
 * and descriptions in English and Chinese so marketers read them in their language.
 */
import { z } from 'zod';
import { NAME_PATTERN } from '../dictionary/events.js';
import { LIMITS } from '../dictionary/limits.js';
import { FunnelFilter } from '../storage/sqlite/analytics/funnels/funnel-definition.js';

/** Ids of tags and audiences: letters, digits, `_` and `-`. */
export const DefinitionId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -');
const EventName = z.string().min(1).max(LIMITS.nameLength).regex(NAME_PATTERN, 'must be an event name: a letter or _, then letters, digits, _ . $ -');
const PropName = z.string().min(1).max(LIMITS.nameLength).regex(NAME_PATTERN, 'must be a property name: a letter or _, then letters, digits, _ . $ -');
const Days = z.number().int().min(1).max(1096);

/** A text in English and Chinese. */
export const Bilingual = z.object({ en: z.string().min(1).max(500), zh: z.string().min(1).max(500) }).strict();

/** An identify trait, the latest value the person sent (`$identities` is never a trait). */
export const AttributeRule = z.object({
  kind: z.literal('attribute'),
  trait: PropName.meta({ description: 'Trait name in the identify call, e.g. city or member_level' }),
}).strict();

/** Did `event` (with filters) at least `minCount` times in the last `days` days: value "true". */
export const BehaviorRule = z.object({
  kind: z.literal('behavior'),
  event: EventName,
  filters: z.array(FunnelFilter).max(10).optional(),
  minCount: z.number().int().min(1).max(1_000_000).default(1),
  days: Days,
}).strict();

/** The most frequent value: a property of an event, or the channel of the most sessions. */
export const PreferenceRule = z.object({
  kind: z.literal('preference'),
  dimension: z.enum(['property', 'channel']).meta({ description: 'property: most frequent value of `prop` on `event`; channel: channel of the most sessions' }),
  event: EventName.optional(),
  prop: PropName.optional(),
  days: Days.optional().meta({ description: 'Only the last this many days (default: all history)' }),
}).strict().superRefine((r, ctx) => {
  if (r.dimension !== 'property') return;
  if (!r.event) ctx.addIssue({ code: 'custom', path: ['event'], message: 'dimension "property" needs the event whose property is counted' });
  if (!r.prop) ctx.addIssue({ code: 'custom', path: ['prop'], message: 'dimension "property" needs the property name' });
});

const Band = z.object({ id: DefinitionId, min: z.number().finite().min(0) }).strict();

/** RFM segment, lifetime revenue band or AIPL stage. */
export const ValueRule = z.object({
  kind: z.literal('value'),
  measure: z.enum(['rfm_segment', 'revenue_band', 'aipl_stage']),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY').optional()
    .meta({ description: 'rfm_segment: currency of the monetary score (default: the most used); revenue_band: required' }),
  bands: z.array(Band).min(1).max(20).optional()
    .meta({ description: 'revenue_band: bands by lower bound; a person gets the band with the highest min ≤ revenue' }),
  days: Days.optional().meta({ description: 'aipl_stage: the range of behaviour looked at (default 90)' }),
}).strict().superRefine((r, ctx) => {
  if (r.measure !== 'revenue_band') return;
  if (!r.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'revenue_band needs a currency: amounts of different currencies are never added' });
  if (!r.bands) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'revenue_band needs bands, e.g. [{"id":"low","min":0},{"id":"high","min":1000}]' });
  else if (new Set(r.bands.map((b) => b.min)).size !== r.bands.length) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'two bands have the same min' });
});

/** new → active → dormant → churned by days since first and last activity. */
export const LifecycleRule = z.object({
  kind: z.literal('lifecycle'),
  newDays: Days.default(7).meta({ description: 'new: first seen less than this many days ago' }),
  dormantDays: Days.default(30).meta({ description: 'dormant: last seen at least this many days ago' }),
  churnedDays: Days.default(90).meta({ description: 'churned: last seen at least this many days ago' }),
}).strict().refine((r) => r.newDays <= r.dormantDays && r.dormantDays < r.churnedDays, {
  message: 'must satisfy newDays ≤ dormantDays < churnedDays', path: ['churnedDays'],
});

/** A tag rule, by kind. */
export const TagRule = z.discriminatedUnion('kind', [AttributeRule, BehaviorRule, PreferenceRule, ValueRule, LifecycleRule]);

/** A tag as stored: names, descriptions and the rule. */
export const TagDefinition = z.object({
  name: Bilingual,
  description: Bilingual,
  rule: TagRule,
}).strict().meta({ title: 'TagDefinition' });

/** Body of `POST /v1/tags`. */
export const CreateTagBody = z.object({ site: z.string().min(1), id: DefinitionId, ...TagDefinition.shape }).strict().meta({ title: 'CreateTag' });
/** Body of `PUT /v1/tags/:id`: a new version of the definition. */
export const UpdateTagBody = z.object({ site: z.string().min(1), ...TagDefinition.shape }).strict().meta({ title: 'UpdateTag' });

export type TagRule = z.infer<typeof TagRule>;
export type TagDefinition = z.infer<typeof TagDefinition>;
export type TagKind = TagRule['kind'];
