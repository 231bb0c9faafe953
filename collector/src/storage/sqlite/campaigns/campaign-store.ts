/** Stored campaigns and their versioned reviews. */
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import type { Campaign } from '../../../campaigns/campaign-schema.js';
import { preparedStatement } from '../analytics/channels/prepare-cached.js';

const DIR = fileURLToPath(new URL('./', import.meta.url));
const sql = (db: Database.Database, name: string) => preparedStatement(db, DIR, name);

interface CampaignRow { id: string; site: string; definition: string; created_at: number; updated_at: number }

const toCampaign = (r: CampaignRow): Campaign => ({ ...JSON.parse(r.definition), id: r.id, site: r.site, createdAt: r.created_at, updatedAt: r.updated_at });

function params(c: Campaign, endAt: number) {
  const { id: _i, createdAt: _c, updatedAt: _u, ...definition } = c;
  return { id: c.id, site: c.site, name: c.name, definition: JSON.stringify(definition), end_at: endAt, created_at: c.createdAt, updated_at: c.updatedAt };
}

/** Stores a new campaign; `endAt` is when its last day ends (epoch ms). */
export function insertCampaign(db: Database.Database, c: Campaign, endAt: number): void {
  sql(db, 'insert-campaign').run(params(c, endAt));
}

/** Replaces a campaign; false when there is none with its id. */
export function updateCampaign(db: Database.Database, c: Campaign, endAt: number): boolean {
  const { site: _s, created_at: _c, ...p } = params(c, endAt);
  return sql(db, 'update-campaign').run(p).changes === 1;
}

/** Deletes a campaign (its reviews stay readable by id and version). */
export function deleteCampaign(db: Database.Database, id: string): boolean {
  return sql(db, 'delete-campaign').run({ id }).changes === 1;
}

/** The campaign with this id, or undefined. */
export function getCampaign(db: Database.Database, id: string): Campaign | undefined {
  const row = sql(db, 'select-campaign').get({ id }) as CampaignRow | undefined;
  return row && toCampaign(row);
}

/** Campaigns of a site, latest end first. */
export function listCampaigns(db: Database.Database, site: string): Campaign[] {
  return (sql(db, 'select-site-campaigns').all({ site }) as CampaignRow[]).map(toCampaign);
}

/** The site's campaign that ended last before `start` (epoch ms), other than `id`. */
export function previousCampaign(db: Database.Database, site: string, id: string, start: number): Campaign | undefined {
  const row = sql(db, 'select-previous-campaign').get({ site, id, start }) as CampaignRow | undefined;
  return row && toCampaign(row);
}

/** Campaigns over by `now` that have no review written on ending yet. */
export function endedUnreviewed(db: Database.Database, now: number): Campaign[] {
  return (sql(db, 'select-ended-unreviewed').all({ now }) as CampaignRow[]).map(toCampaign);
}

/** Stores a review as the campaign's next version and returns the version number. */
export function insertReview(db: Database.Database, campaignId: string, trigger: 'ended' | 'on_demand', json: unknown, now: number): number {
  return (sql(db, 'insert-review').get({ campaign_id: campaignId, created_at: now, trigger, json: JSON.stringify(json) }) as { version: number }).version;
}

/** A campaign's review versions, oldest first. */
export function listReviews(db: Database.Database, campaignId: string) {
  return (sql(db, 'select-reviews').all({ campaign_id: campaignId }) as { version: number; created_at: number; trigger: string }[])
    .map((r) => ({ version: r.version, createdAt: new Date(r.created_at).toISOString(), trigger: r.trigger }));
}

/** One version of a campaign's review, or undefined. */
export function getReview(db: Database.Database, campaignId: string, version: number): unknown {
  const row = sql(db, 'select-review').get({ campaign_id: campaignId, version }) as { json: string } | undefined;
  return row && JSON.parse(row.json);
}
