/**
 * The person endpoints: `GET /v1/persons/:id?site=` (read token), `POST /v1/persons/merge`
 * `{site, from, into}` and `DELETE /v1/persons/:id?site=` (admin token). Each refreshes the
 * site's derived rows first, so answers include events ingested a moment ago.
 */
import express, { Router } from 'express';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { CollectorConfig } from '../../config/config-schema.js';
import type { SiteRegistry } from '../../config/site-registry.js';
import { refreshDerived } from '../../analytics/sessions/refresh-derived.js';
import { configuredSessionOptions, type RefreshOptions } from '../../analytics/sessions/session-options.js';
import { getPerson } from '../../analytics/identity/get-person.js';
import { mergePersons } from '../../analytics/identity/merge-persons.js';
import { deletePerson } from '../../analytics/identity/delete-person.js';
import { PersonError } from '../../analytics/identity/person-error.js';
import { requireAdmin, requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

/** What the person routes need: the database the store opened, config, sites, session options. */
export interface PersonRouteDeps {
  db: Database.Database;
  config: CollectorConfig;
  sites: SiteRegistry;
  /** Session options per site (when absent: those configured for `db`). */
  sessions?: RefreshOptions;
}

const PersonId = z.string().min(1).max(256).meta({ description: 'A user id, or anon:<anonymous id> for a visitor never identified' });
/** Query of GET and DELETE /v1/persons/:id. */
export const PersonQuerySchema = z.object({ site: z.string().min(1) }).strict();
/** Body of POST /v1/persons/merge. */
export const MergeBodySchema = z
  .object({
    site: z.string().min(1),
    from: PersonId.meta({ description: 'The person merged away' }),
    into: PersonId.meta({ description: 'The person that remains (identified at least as strongly as from)' }),
  })
  .strict();

/** The person routes. */
export function personRoutes(deps: PersonRouteDeps): Router {
  const router = Router();
  const options = deps.sessions ?? configuredSessionOptions(deps.db);
  router.get('/v1/persons/:id', (req, res) => {
    const { site } = parseInput(PersonQuerySchema, req.query, 'query');
    requireRead(req, deps.config, site);
    knownSite(deps, site);
    const id = personIdParam(req.params.id);
    refreshDerived(deps.db, site, options);
    const person = getPerson(deps.db, site, id);
    if (!person) throw new HttpError(404, 'person_not_found', `no person "${id}" in site "${site}"`, [{ path: '/id', message: 'unknown person', expected: 'a user id or anon:<anonymous id> with events in this site' }]);
    res.json(person);
  });
  router.post('/v1/persons/merge', express.json({ limit: '16kb' }), (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(MergeBodySchema, req.body, 'body');
    knownSite(deps, body.site);
    const { refresh, ...merged } = withPersonErrors(() => mergePersons(deps.db, body.site, body.from, body.into, options));
    res.json({ ...merged, visitorsRefreshed: refresh.visitors });
  });
  router.delete('/v1/persons/:id', (req, res) => {
    requireAdmin(req, deps.config);
    const { site } = parseInput(PersonQuerySchema, req.query, 'query');
    knownSite(deps, site);
    const id = personIdParam(req.params.id);
    res.json({ deleted: withPersonErrors(() => deletePerson(deps.db, site, id, options)) });
  });
  return router;
}

function knownSite(deps: PersonRouteDeps, site: string): void {
  if (!deps.sites.get(site)) throw new HttpError(404, 'unknown_site', `no site "${site}" is configured on this collector`, [{ path: '/query/site', message: 'unknown site', expected: 'a site id from the collector config' }]);
}

function personIdParam(id: string): string {
  const parsed = PersonId.safeParse(id);
  if (!parsed.success) throw new HttpError(400, 'invalid_path', 'the person id in the path must be 1 to 256 characters', [{ path: '/id', message: 'invalid person id', expected: '1 to 256 characters' }]);
  return parsed.data;
}

/** Maps PersonError to its HTTP answer; anything else goes on to the error handler. */
function withPersonErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof PersonError)) throw err;
    const status = err.code === 'person_not_found' ? 404 : 409;
    throw new HttpError(status, err.code, err.message, [{ path: err.pointer, message: err.message }]);
  }
}
