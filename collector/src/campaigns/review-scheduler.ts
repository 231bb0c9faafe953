/**
 * Writes the review of every campaign whose last day is over, once (the `ended` review); runs
 * every 10 minutes and at start, so a campaign that ended while the collector was down is
 * reviewed when it comes back.
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { endedUnreviewed } from '../storage/sqlite/campaigns/campaign-store.js';
import { writeReview, type ReviewData } from './build-review.js';

/** Reviews every ended, unreviewed campaign; returns how many were written. */
export async function reviewEndedCampaigns(data: ReviewData, now = Date.now(), logger?: Logger): Promise<number> {
  let written = 0;
  for (const campaign of endedUnreviewed(data.meta, now)) {
    try {
      await writeReview(data, campaign, 'ended', now);
      written += 1;
    } catch (err) {
      logger?.error({ err, campaign: campaign.id }, 'campaign review failed');
    }
  }
  return written;
}

/** Starts the periodic check; returns a function that stops it. */
export function startReviewScheduler(data: ReviewData, logger?: Logger): () => void {
  void reviewEndedCampaigns(data, Date.now(), logger);
  const job = new Cron('*/10 * * * *', { protect: true }, async () => { await reviewEndedCampaigns(data, Date.now(), logger); });
  return () => job.stop();
}
