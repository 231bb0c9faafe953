/** The daily retention run (croner), started and stopped with the other background jobs. */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { Cron } from 'croner';
import { enforceRetention, type RetentionSite } from './enforce-retention.js';

/**
 * Runs retention every day at 03:17 server time (a quiet hour, off the full hour other jobs
 * like). `sites` is read at each run, so a reloaded config takes effect. Returns a stop function.
 */
export function startRetentionJob(db: Database.Database, logger: Logger, sites: () => RetentionSite[]): () => void {
  const job = new Cron('17 3 * * *', { protect: true }, async () => {
    try {
      const reports = await enforceRetention(db, sites(), Date.now());
      for (const r of reports) logger.info({ site: r.site, cutoff: new Date(r.cutoff).toISOString(), deleted: r.deleted }, 'retention enforced');
    } catch (err) {
      // A failed run (e.g. the disk is full) is retried the next day; nothing is half-deleted
      // because every chunk is its own transaction.
      logger.error({ err }, 'retention run failed');
    }
  });
  return () => job.stop();
}
