/** The shared OpenAPI builders, re-exported for alert-paths.ts with the JSON Schema converter. */
export { bearer, error, queryParams, ref, type Json } from './openapi-helpers.js';
export { jsonSchemas } from '../../dictionary/schema-components.js';
