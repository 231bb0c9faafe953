/**
 * The collector's background work, started with the server and stopped before the database
 * closes: the alert scheduler (evaluations and deliveries) and the campaign review check.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { startReviewScheduler } from '../campaigns/review-scheduler.js';
import { AlertScheduler } from './schedule/alert-scheduler.js';

/** Running background jobs. */
export interface BackgroundJobs {
  /** Stops every job and waits for work in progress. */
  stop(): Promise<void>;
}

/** Starts the background jobs on `db`. */
export function startBackgroundJobs(db: Database.Database, logger: Logger): BackgroundJobs {
  const alerts = new AlertScheduler({ db, logger });
  alerts.start();
  const stopReviews = startReviewScheduler(db, logger);
  return {
    async stop() {
      stopReviews();
      await alerts.stop();
    },
  };
}
