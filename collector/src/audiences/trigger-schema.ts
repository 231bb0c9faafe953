/**
 * A real-time marketing trigger: when a person does `when` and does not do `unless` within its
 * delay, and consent allows, POST to a webhook — at most once per person per `oncePerHours`.
 */
import { z } from 'zod';
import { NAME_PATTERN } from '../dictionary/events.js';
import { LIMITS } from '../dictionary/limits.js';
import { FunnelFilter } from '../storage/sqlite/analytics/funnels/funnel-definition.js';
import { ConsentPolicy, Webhook } from './audience-schema.js';
import { Bilingual, DefinitionId } from './tag-schema.js';

const Condition = z.object({
  event: z.string().min(1).max(LIMITS.nameLength).regex(NAME_PATTERN, 'must be an event name'),
  filters: z.array(FunnelFilter).max(10).optional(),
}).strict();

export const TriggerDefinition = z.object({
  name: Bilingual,
  description: Bilingual,
  when: Condition.meta({ description: 'The event that starts the trigger, e.g. view_product' }),
  unless: Condition.extend({
    withinMinutes: z.number().int().min(1).max(10_080).meta({ description: 'How long to wait for it; the trigger fires once this has passed without it' }),
  }).strict().optional().meta({ description: 'An event that cancels the trigger when it follows within withinMinutes, e.g. a conversion' }),
  oncePerHours: z.number().int().min(1).max(8760).default(24).meta({ description: 'At most one firing per person in each window of this length' }),
  maxAgeHours: z.number().int().min(1).max(720).default(24).meta({ description: 'Events older than this (after the delay) are not acted on' }),
  consent: ConsentPolicy.default('granted'),
  webhook: Webhook,
  enabled: z.boolean().default(true),
}).strict().meta({ title: 'TriggerDefinition' });

/** Body of `POST /v1/triggers` (create, or replace an existing id). */
export const SaveTriggerBody = z.object({ site: z.string().min(1), id: DefinitionId, ...TriggerDefinition.shape }).strict().meta({ title: 'SaveTrigger' });

export type TriggerDefinition = z.infer<typeof TriggerDefinition>;
