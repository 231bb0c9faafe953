import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { CollectorConfig } from '../config/config-schema.js';
import type { SiteRegistry } from '../config/site-registry.js';
import type { Store } from '../storage/store.js';
import type { ReportEngine } from '../storage/report-engine.js';
import type { AudienceEngine } from '../audiences/audience-engine.js';

/** What the HTTP routes need. */
export interface AppDeps {
  store: Store;
  config: CollectorConfig;
  sites: SiteRegistry;
  logger: Logger;
  /** The reports, on the configured engine. */
  reports: ReportEngine;
  /** Tag values and audience selections, on the configured engine. */
  audiences: AudienceEngine;
  /**
   * The metadata database (SQLite) on either engine: alert rules and their history, saved
   * funnels, tag and audience definitions, spells and consent records. On the SQLite engine it
   * is the same connection as `db`.
   */
  meta: Database.Database;
  /**
   * The SQLite connection, on the SQLite engine only: features not yet available on ClickHouse
   * (campaigns, persons, triggers) use it.
   */
  db?: Database.Database;
}

/** The dependencies of a route group that needs the SQLite engine. */
export type SqliteDeps = AppDeps & { db: Database.Database };
