/** Small builders shared by every part of the OpenAPI document. */
import type { z } from 'zod';
import { jsonSchemas } from '../../dictionary/schema-components.js';

export type Json = Record<string, unknown>;

/** A reference to a component schema. */
export const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
/** A JSON body of a component schema. */
export const json = (id: string) => ({ 'application/json': { schema: ref(id) } });
/** An error response (the common `{ error }` body). */
export const error = (description: string) => ({ description, content: json('Error') });
/** Bearer-token security (read or admin token). */
export const bearer = [{ bearer: [] }];

/** The query parameters of a zod object schema. */
export function queryParams(s: z.ZodObject): Json[] {
  const { Query: js } = jsonSchemas({ Query: s }, (id) => id) as { Query: { properties: Record<string, Json>; required?: string[] } };
  return Object.entries(js.properties).map(([name, p]) => ({
    name, in: 'query', required: js.required?.includes(name) ?? false, schema: p, description: p.description,
  }));
}

/** A JSON body described inline from a zod schema (for report responses and request bodies). */
export function inlineJson(s: z.ZodType): Json {
  const { Body } = jsonSchemas({ Body: s }, (id) => `#/components/schemas/${id}`) as { Body: Json };
  return { 'application/json': { schema: Body } };
}
