import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { CollectorConfig } from '../config/config-schema.js';
import type { SiteRegistry } from '../config/site-registry.js';
import type { Store } from '../storage/store.js';

/** What the HTTP routes need. */
export interface AppDeps {
  store: Store;
  config: CollectorConfig;
  sites: SiteRegistry;
  logger: Logger;
  /** The SQLite connection the analytics reports query. */
  db: Database.Database;
}
