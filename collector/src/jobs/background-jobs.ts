/**
 * The collector's background work, started with the server and stopped before the databases
 * close: the alert scheduler (evaluations and deliveries), the tag, audience and trigger jobs
 * and the campaign review check on either engine; on the SQLite engine also the daily retention
 * run.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { startAudienceJobs } from '../audiences/audience-jobs.js';
import { startReviewScheduler } from '../campaigns/review-scheduler.js';
import { AlertScheduler } from '../alerts/schedule/alert-scheduler.js';
import { startRetentionJob } from '../retention/retention-job.js';
import type { RetentionSite } from '../retention/enforce-retention.js';
import type { ClickHouseStore } from '../storage/clickhouse/clickhouse-store.js';
import { audienceEngineOf, reportEngineOf } from '../storage/engine-of-store.js';
import type { SqliteStore } from '../storage/sqlite/sqlite-store.js';

/** Running background jobs. */
export interface BackgroundJobs {
  /** Stops every job and waits for work in progress. */
  stop(): Promise<void>;
}

/**
 * Starts the background jobs on `store` and the metadata database `meta`; `timeZones` maps each
 * site id to its IANA time zone; `retention` gives the sites' retention settings at each daily run.
 */
export function startBackgroundJobs(
  store: SqliteStore | ClickHouseStore, meta: Database.Database, logger: Logger,
  timeZones: Record<string, string> = {}, retention: () => RetentionSite[] = () => [],
): BackgroundJobs {
  const data = { meta, reports: reportEngineOf(store) };
  const alerts = new AlertScheduler({ data, logger });
  void alerts.start();
  const stops = [startAudienceJobs({ meta, engine: audienceEngineOf(store, meta) }, logger, { timeZones }), startReviewScheduler(data, logger)];
  if ('db' in store) stops.push(startRetentionJob(store.db, logger, retention));
  return {
    async stop() {
      for (const stop of stops.reverse()) stop();
      await alerts.stop();
    },
  };
}
