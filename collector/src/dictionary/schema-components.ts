/**
 * The named schemas of the wire format and the HTTP API, converted to JSON Schema once with
 * shared parts as references (Campaign is written once, not in every event), for the OpenAPI
 * document (`#/components/schemas/…`) and the events JSON Schema (`#/$defs/…`).
 */
import { z } from 'zod';
import {
  Batch, Campaign, ClickEvent, Context, ConversionEvent, CustomEvent, Identities, IdentifyEvent, PageViewEvent, Properties,
  PropertyValue, WireEvent,
} from './events.js';
import { EventSpec, PropertySpec, SiteDictionary } from './site-dictionary.js';
import { LIMITS } from './limits.js';
import {
  ErrorBodySchema, EventResultSchema, HealthSchema, IngestResponseSchema, QuarantineItemSchema, QuarantineListSchema, ReasonSchema,
  ReplayBodySchema, ReplayResponseSchema, SingleEventBody, SummaryResponseSchema,
} from '../http/api-schemas.js';

/** The batch as documented: each item is a wire event (the collector validates them one by one). */
export const DocumentedBatch = Batch.extend({ batch: z.array(WireEvent).min(1).max(LIMITS.batchEvents) }).meta({ title: 'Batch' });

/** The wire-format schemas by component name. */
export const WIRE_SCHEMAS: Record<string, z.ZodType> = {
  WireEvent, PageViewEvent, ClickEvent, ConversionEvent, IdentifyEvent, CustomEvent, Context, Campaign, Identities, Properties,
  PropertyValue, Batch: DocumentedBatch, SiteDictionary, EventSpec, PropertySpec,
};

/** The HTTP API's own schemas by component name. */
export const API_SCHEMAS: Record<string, z.ZodType> = {
  SingleEvent: SingleEventBody, IngestResponse: IngestResponseSchema, EventResult: EventResultSchema, Reason: ReasonSchema,
  Error: ErrorBodySchema, Summary: SummaryResponseSchema, QuarantineList: QuarantineListSchema, QuarantineItem: QuarantineItemSchema,
  ReplayRequest: ReplayBodySchema, ReplayReport: ReplayResponseSchema, Health: HealthSchema,
};

/**
 * JSON Schemas of the given named zod schemas, references written as `uri(name)`. Request
 * shapes are documented as the client writes them (zod "input").
 */
export function jsonSchemas(named: Record<string, z.ZodType>, uri: (id: string) => string): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri, io: 'input', unrepresentable: 'any' }) as { schemas: Record<string, Record<string, unknown>> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, s]) => {
      const { $schema: _schema, $id: _id, ...rest } = s;
      void _schema;
      void _id;
      return [id, rest];
    }),
  );
}
