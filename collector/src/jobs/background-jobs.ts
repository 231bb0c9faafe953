/**
 * The collector's background work, started with the server and stopped before the database
 * closes: the alert scheduler (evaluations and deliveries), the campaign review check, and the
 * tag, audience and trigger jobs, and the daily retention run.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { startAudienceJobs } from '../audiences/audience-jobs.js';
import { startReviewScheduler } from '../campaigns/review-scheduler.js';
import { AlertScheduler } from '../alerts/schedule/alert-scheduler.js';
import { startRetentionJob } from '../retention/retention-job.js';
import type { RetentionSite } from '../retention/enforce-retention.js';

/** Running background jobs. */
export interface BackgroundJobs {
  /** Stops every job and waits for work in progress. */
  stop(): Promise<void>;
}

/**
 * Starts the background jobs on `db`; `timeZones` maps each site id to its IANA time zone;
 * `retention` gives the sites' retention settings at each daily run.
 */
export function startBackgroundJobs(db: Database.Database, logger: Logger, timeZones: Record<string, string> = {}, retention: () => RetentionSite[] = () => []): BackgroundJobs {
  const alerts = new AlertScheduler({ db, logger });
  alerts.start();
  const stopReviews = startReviewScheduler(db, logger);
  const stopAudiences = startAudienceJobs(db, logger, { timeZones });
  const stopRetention = startRetentionJob(db, logger, retention);
  return {
    async stop() {
      stopRetention();
      stopAudiences();
      stopReviews();
      await alerts.stop();
    },
  };
}
