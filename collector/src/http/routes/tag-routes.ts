/**
 * Tags: definitions (admin token to write, read token to read), on-demand refresh and a person's
 * tags. Every edit is a new version; the old ones stay readable.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { audiencesUsingTag } from '../../audiences/tag-references.js';
import { CreateTagBody, DefinitionId, UpdateTagBody } from '../../audiences/tag-schema.js';
import { createTag, deleteTag, getTag, listTags, tagVersions, updateTag } from '../../storage/sqlite/analytics/tags/tag-store.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';
import { readableSite } from './funnel-routes.js';

/** Query naming the site. */
export const TagSiteQuery = z.object({ site: z.string().min(1) }).strict();
/** Body of `POST /v1/tags/refresh`. */
export const RefreshTagsBody = z.object({
  site: z.string().min(1),
  tags: z.array(DefinitionId).min(1).max(200).optional().meta({ description: 'Only these tags (default: all of the site)' }),
  full: z.boolean().default(false).meta({ description: 'Recompute every person, not only those with new events' }),
}).strict().meta({ title: 'RefreshTags' });

/** The tag routes: definitions in the metadata database, values on the engine (`deps.audiences`). */
export function tagRoutes(deps: AppDeps): Router {
  const router = Router();
  const db = deps.meta;
  const json = express.json({ limit: '64kb' });
  router.post('/v1/tags/refresh', json, async (req, res) => {
    requireAdmin(req, deps.config);
    const body = parseInput(RefreshTagsBody, req.body, 'body');
    const site = readableSite(req, deps, body.site, '');
    res.json({ site: body.site, tags: await deps.audiences.refreshTags(body.site, { full: body.full, tagIds: body.tags, timeZone: site.config.timezone }) });
  });
  router.post('/v1/tags', json, (req, res) => {
    requireAdmin(req, deps.config);
    const { site, id, ...def } = parseInput(CreateTagBody, req.body, 'body');
    readableSite(req, deps, site, '');
    if (!createTag(db, site, id, def)) throw new HttpError(409, 'tag_exists', `site "${site}" already has a tag "${id}"; edit it with PUT /v1/tags/${id}`, [{ path: '/id', message: 'taken', expected: 'a new tag id' }]);
    res.status(201).json(getTag(db, site, id));
  });
  router.put('/v1/tags/:id', json, (req, res) => {
    requireAdmin(req, deps.config);
    const { site, ...def } = parseInput(UpdateTagBody, req.body, 'body');
    readableSite(req, deps, site, '');
    if (updateTag(db, site, req.params.id, def) === null) throw noTag(site, req.params.id);
    res.json(getTag(db, site, req.params.id));
  });
  router.get('/v1/tags', (req, res) => {
    const { site } = parseInput(TagSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    res.json({ site, items: listTags(db, site) });
  });
  router.get('/v1/tags/:id', async (req, res) => {
    const { site } = parseInput(TagSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    const tag = getTag(db, site, req.params.id);
    if (!tag) throw noTag(site, req.params.id);
    res.json({ ...tag, versions: tagVersions(db, site, tag.id), values: await deps.audiences.tagDistribution(site, tag.id) });
  });
  router.delete('/v1/tags/:id', async (req, res) => {
    requireAdmin(req, deps.config);
    const { site } = parseInput(TagSiteQuery, req.query, 'query');
    // An audience over a deleted tag would change meaning silently (neq would hold for all).
    const users = audiencesUsingTag(db, site, req.params.id);
    if (users.length > 0) {
      throw new HttpError(409, 'tag_in_use', `tag "${req.params.id}" is used by audiences ${users.join(', ')}; edit or delete them first`,
        users.map((a) => ({ path: '/id', message: `used by audience "${a}"`, expected: 'a tag no saved audience reads' })));
    }
    if (!deleteTag(db, site, req.params.id)) throw noTag(site, req.params.id);
    await deps.audiences.dropTagValues(site, req.params.id);
    res.status(204).end();
  });
  router.get('/v1/persons/:id/tags', async (req, res) => {
    const { site } = parseInput(TagSiteQuery, req.query, 'query');
    readableSite(req, deps, site, '/query');
    res.json({ site, personId: req.params.id, tags: await deps.audiences.personTags(site, req.params.id) });
  });
  return router;
}

function noTag(site: string, id: string): HttpError {
  return new HttpError(404, 'unknown_tag', `site "${site}" has no tag "${id}"`, [{ path: '/id', message: 'unknown tag', expected: 'an id from GET /v1/tags?site=…' }]);
}
