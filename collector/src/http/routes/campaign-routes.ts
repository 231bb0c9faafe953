/**
 * Campaigns and their reviews (活动复盘): CRUD with the admin token, reads with a read token of
 * the site; reviews as JSON or as a self-contained HTML page (`?lang=zh|en`). See
 * docs/campaign-review.md.
 */
import express, { Router, type Request } from 'express';
import { nanoid } from 'nanoid';
import { z } from 'zod';
import { writeReview } from '../../campaigns/build-review.js';
import { CampaignSchema, type Campaign } from '../../campaigns/campaign-schema.js';
import { renderReviewHtml } from '../../campaigns/render-review-html.js';
import type { CampaignReview } from '../../campaigns/review-types.js';
import {
  deleteCampaign, getCampaign, getReview, insertCampaign, listCampaigns, listReviews, updateCampaign,
} from '../../storage/sqlite/campaigns/campaign-store.js';
import { nextDay, startOfZonedDay } from '../../time/zoned-time.js';
import type { AppDeps } from '../app-deps.js';
import { requireAdmin, requireRead } from '../auth.js';
import { HttpError } from '../http-error.js';
import { parseInput } from '../parse-query.js';

const json = express.json({ limit: '32kb' });
const SiteQuery = z.object({ site: z.string().min(1) }).strict();
const LangQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') }).strict();
const REVIEW_FILE = /^(\d{1,9})(\.html)?$/;
/** The review page runs no script and loads nothing; it may only be framed by the collector itself. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/** Router of `/v1/campaigns*`, on either engine: campaigns and reviews in the metadata database. */
export function campaignRoutes(deps: AppDeps): Router {
  const router = Router();
  const parseCampaign = (body: unknown) => {
    const def = parseInput(CampaignSchema, body, 'body');
    const site = deps.sites.get(def.site);
    if (!site) throw new HttpError(404, 'unknown_site', `no site "${def.site}" is configured on this collector`, [{ path: '/site', message: 'unknown site', expected: 'a site id from the collector config' }]);
    return { ...def, timezone: site.config.timezone };
  };
  const endAt = (c: Campaign) => startOfZonedDay(nextDay(c.end), c.timezone);
  const readable = (req: Request) => {
    const c = getCampaign(deps.meta, String(req.params.id));
    if (!c) throw new HttpError(404, 'unknown_campaign', `no campaign "${req.params.id}"`);
    requireRead(req, deps.config, c.site);
    return c;
  };

  router.post('/v1/campaigns', json, (req, res) => {
    requireAdmin(req, deps.config);
    const now = Date.now();
    const campaign: Campaign = { ...parseCampaign(req.body), id: nanoid(12), createdAt: now, updatedAt: now };
    insertCampaign(deps.meta, campaign, endAt(campaign));
    res.status(201).json(campaignJson(campaign));
  });
  router.get('/v1/campaigns', (req, res) => {
    const q = parseInput(SiteQuery, req.query, 'query');
    requireRead(req, deps.config, q.site);
    res.json({ campaigns: listCampaigns(deps.meta, q.site).map(campaignJson) });
  });
  router.get('/v1/campaigns/:id', (req, res) => { res.json(campaignJson(readable(req))); });
  router.put('/v1/campaigns/:id', json, (req, res) => {
    requireAdmin(req, deps.config);
    const old = readable(req);
    const campaign: Campaign = { ...parseCampaign(req.body), id: old.id, createdAt: old.createdAt, updatedAt: Date.now() };
    if (campaign.site !== old.site) throw new HttpError(400, 'invalid_body', 'a campaign cannot move to another site', [{ path: '/site', message: 'differs from the stored campaign', expected: JSON.stringify(old.site) }]);
    updateCampaign(deps.meta, campaign, endAt(campaign));
    res.json(campaignJson(campaign));
  });
  router.delete('/v1/campaigns/:id', (req, res) => {
    requireAdmin(req, deps.config);
    readable(req);
    deleteCampaign(deps.meta, String(req.params.id));
    res.status(204).end();
  });
  router.post('/v1/campaigns/:id/review', async (req, res) => {
    requireAdmin(req, deps.config);
    const c = readable(req);
    const version = await writeReview({ meta: deps.meta, reports: deps.reports }, c, 'on_demand');
    res.status(201).json({ campaignId: c.id, version, json: `/v1/campaigns/${c.id}/reviews/${version}`, html: `/v1/campaigns/${c.id}/reviews/${version}.html` });
  });
  router.get('/v1/campaigns/:id/reviews', (req, res) => {
    const c = readable(req);
    res.json({ campaignId: c.id, reviews: listReviews(deps.meta, c.id) });
  });
  router.get('/v1/campaigns/:id/reviews/:file', (req, res) => {
    const c = readable(req);
    const m = REVIEW_FILE.exec(String(req.params.file));
    if (!m) throw new HttpError(404, 'unknown_review', `no review "${req.params.file}"; use /reviews/<version> or /reviews/<version>.html`);
    const version = Number(m[1]);
    const review = getReview(deps.meta, c.id, version) as CampaignReview | undefined;
    if (!review) throw new HttpError(404, 'unknown_review', `campaign "${c.id}" has no review version ${version}`);
    if (!m[2]) return void res.json({ version, ...review });
    const { lang } = parseInput(LangQuery, req.query, 'query');
    res.set({ 'content-security-policy': PAGE_CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
    res.type('html').send(renderReviewHtml(review, version, lang));
  });
  return router;
}

function campaignJson(c: Campaign) {
  return { ...c, createdAt: new Date(c.createdAt).toISOString(), updatedAt: new Date(c.updatedAt).toISOString() };
}
