/** OpenAPI paths of the small routes the dashboard needs: readable sites and the live count. */
import { LiveQuery } from '../routes/dashboard-routes.js';
import { bearer, error, queryParams, type Json } from './openapi-helpers.js';

const object = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });

/** The paths of this area. */
export const paths: Json = {
  '/v1/sites': {
    get: { summary: 'The sites the token may read, with what the set-up snippet needs', tags: ['service'], security: bearer, responses: { 200: object('{ sites: [...] }'), 401: error('Missing or unknown token') } },
  },
  '/v1/stats/live': {
    get: {
      summary: 'Events received in the last seconds (the live count)', tags: ['reports'], security: bearer, parameters: queryParams(LiveQuery),
      responses: { 200: object('{ site, since, now, seconds, events, … }'), 400: error('Invalid query'), 401: error('Missing or unknown token'), 403: error('Token may not read this site'), 404: error('Unknown site') },
    },
  },
};
