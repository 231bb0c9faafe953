/**
 * Writes the review of every campaign whose last day is over, once (the `ended` review); runs
 * every 10 minutes and at start, so a campaign that ended while the collector was down is
 * reviewed when it comes back.
 */
import type Database from 'better-sqlite3';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { endedUnreviewed } from '../storage/sqlite/campaigns/campaign-store.js';
import { writeReview } from './build-review.js';

/** Reviews every ended, unreviewed campaign; returns how many were written. */
export function reviewEndedCampaigns(db: Database.Database, now = Date.now(), logger?: Logger): number {
  let written = 0;
  for (const campaign of endedUnreviewed(db, now)) {
    try {
      writeReview(db, campaign, 'ended', now);
      written += 1;
    } catch (err) {
      logger?.error({ err, campaign: campaign.id }, 'campaign review failed');
    }
  }
  return written;
}

/** Starts the periodic check; returns a function that stops it. */
export function startReviewScheduler(db: Database.Database, logger?: Logger): () => void {
  reviewEndedCampaigns(db, Date.now(), logger);
  const job = new Cron('*/10 * * * *', { protect: true }, () => { reviewEndedCampaigns(db, Date.now(), logger); });
  return () => job.stop();
}
