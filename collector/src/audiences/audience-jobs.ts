/**
 * The scheduled side of tags, audiences and triggers (croner):
 *  - every 15 minutes: refresh the tags of each site (incrementally where the kind allows), then
 *    its saved audiences (size history), then push the audiences that have a webhook;
 *  - every minute: scan and deliver triggers. A trigger's latency is therefore its `unless`
 *    delay plus at most a minute (plus the time an event takes to reach the collector).
 */
import { Cron } from 'croner';
import type { Logger } from 'pino';
import { audienceSql, listAudiences } from '../storage/sqlite/analytics/audiences/audience-store.js';
import type { AudienceData } from './audience-engine.js';
import { pushAudience } from './push-audience.js';
import { refreshAudience } from './refresh-audience.js';
import { runTriggers } from './run-triggers.js';

/** Options of the jobs. */
export interface AudienceJobOptions {
  /** Site id → IANA time zone (calendar months of AIPL); default UTC. */
  timeZones?: Record<string, string>;
}

/** Refreshes tags and audiences of every site that has any, and pushes webhooks. */
export async function refreshAllAudiences(data: AudienceData, logger?: Logger, o: AudienceJobOptions = {}, now = Date.now()): Promise<void> {
  for (const { site } of audienceSql(data.meta, 'select-audience-sites').all() as { site: string }[]) {
    try {
      const timeZone = o.timeZones?.[site];
      await data.engine.refreshTags(site, { now, timeZone });
      for (const audience of listAudiences(data.meta, site)) {
        await refreshAudience(data, site, audience, { now, refreshTags: false, timeZone });
        if (audience.definition.activation.webhook) {
          const pushed = await pushAudience(data, site, audience, now);
          if (pushed.status === 'failed') logger?.warn({ site, audience: audience.id, error: pushed.error }, 'audience push failed');
        }
      }
    } catch (err) {
      logger?.error({ err, site }, 'audience refresh failed');
    }
  }
}

/** Runs the triggers of every site that has any. */
export async function runAllTriggers(data: AudienceData, logger?: Logger, now = Date.now()): Promise<void> {
  for (const { site } of audienceSql(data.meta, 'select-audience-sites').all() as { site: string }[]) {
    try {
      await runTriggers(data, site, now);
    } catch (err) {
      logger?.error({ err, site }, 'trigger run failed');
    }
  }
}

/** Starts both schedules; the returned function stops them. */
export function startAudienceJobs(data: AudienceData, logger?: Logger, o: AudienceJobOptions = {}): () => void {
  const refresh = new Cron('*/15 * * * *', { protect: true }, () => refreshAllAudiences(data, logger, o));
  const triggers = new Cron('* * * * *', { protect: true }, () => runAllTriggers(data, logger));
  return () => {
    refresh.stop();
    triggers.stop();
  };
}
