/**
 * Starts the collector: opens the database, builds the app and listens. `close()` shuts down
 * gracefully: stop accepting connections, let in-flight requests finish (their transactions
 * commit before they answer), then close the database.
 */
import type Database from 'better-sqlite3';
import type { AddressInfo } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Logger } from 'pino';
import { createApp, sessionOptionsOfSites } from './app.js';
import { ConfigError, loadConfig, type RuntimeConfig } from './config/load-config.js';
import { demoModeFromEnv, findDemoSecrets } from './security/demo-secrets.js';
import { setBaseHeaders } from './security/base-headers.js';
import type { CollectorConfigInput } from './config/config-schema.js';
import { createLogger } from './http/create-logger.js';
import { openSqliteDatabase, openSqliteStore, type SqliteStore } from './storage/sqlite/sqlite-store.js';
import { openClickHouseStore, type ClickHouseStore } from './storage/clickhouse/clickhouse-store.js';
import type { StorageChoice } from './storage/storage-choice.js';
import type { Store } from './storage/store.js';
import { startBackgroundJobs } from './jobs/background-jobs.js';

/** Options of startCollector. */
export interface CollectorOptions {
  /**
   * SQLite file (created with its folder if missing) of the embedded engine. On ClickHouse it
   * holds the metadata only: alert rules and history, saved funnels, tags, audiences, triggers
   * and campaigns (docs/clickhouse.md).
   */
  dbPath: string;
  /** The storage engine (default: the embedded SQLite file at `dbPath`). */
  storage?: StorageChoice;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** A config object, or the path of a JSON config file. */
  config: CollectorConfigInput | string;
  /** Base folder of relative dictionary paths when `config` is an object (default: cwd). */
  configDir?: string;
  logger?: Logger;
  /** SDK bundle served at /maidian.js (default dist/sdk/maidian.js). */
  sdkBundle?: string;
  /**
   * Run the scheduled jobs (alerts, campaign reviews, tags and audiences, retention); default true.
   * Tests that drive those jobs with chosen times turn them off, so that a wall-clock schedule
   * cannot fire in the middle of a test.
   */
  backgroundJobs?: boolean;
  /** Demo mode: allow the published demo secrets (default: MAIDIAN_DEMO=1 in the environment). */
  demo?: boolean;
}

/** A running collector. */
/** A running collector; `S` is its store (the embedded SQLite one unless ClickHouse was chosen). */
export interface RunningCollector<S extends SqliteStore | ClickHouseStore = SqliteStore> {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  store: S;
  /** The metadata database (rules, saved funnels, tags, audiences, triggers, campaigns): the store's own on SQLite. */
  meta: Database.Database;
  /** Graceful shutdown; resolves when the database is closed. */
  close(): Promise<void>;
  /**
   * Re-reads the config (tokens, keys, origins, rate limits, sites' settings; not the database)
   * and swaps it in at once: requests already running finish on the old one. A config that fails
   * validation throws ConfigError and the running one stays.
   */
  reload(): void;
}

/** Starts a collector; rejects on a bad config or when the port cannot be bound. */
export async function startCollector(options: CollectorOptions & { storage?: { engine: 'sqlite' } }): Promise<RunningCollector<SqliteStore>>;
export async function startCollector(options: CollectorOptions): Promise<RunningCollector<SqliteStore | ClickHouseStore>>;
export async function startCollector(options: CollectorOptions): Promise<RunningCollector<SqliteStore | ClickHouseStore>> {
  const host = options.host ?? '127.0.0.1';
  let config = loadConfig(options.config, options.configDir);
  refuseDemoSecrets(config, options.demo ?? demoModeFromEnv(), typeof options.config === 'string' ? options.config : '(object)');
  const logger = options.logger ?? createLogger();
  const storage = options.storage ?? { engine: 'sqlite' };
  const store = storage.engine === 'clickhouse'
    ? await openClickHouseStore(storage.clickhouse, () => ({ sites: sessionOptionsOfSites(config) }))
    : openSqliteStore(options.dbPath);
  const meta = 'db' in store ? store.db : openSqliteDatabase(options.dbPath);
  let app = createApp({ store, meta, config, logger, sdkBundle: options.sdkBundle });
  let server: Server;
  try {
    // Requests go to whichever app is current, so a reload swaps the config in one assignment.
    server = await listen((req, res) => {
      setBaseHeaders(res);
      app(req, res);
    }, options.port, host);
  } catch (err) {
    await store.close();
    if (meta.open) meta.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, engine: storage.engine, ...(storage.engine === 'sqlite' ? { dbPath: options.dbPath } : { clickhouse: storage.clickhouse.urls }), sites: config.sites.all().map((s) => s.config.id) }, 'collector listening');
  const timeZones = Object.fromEntries(config.config.sites.map((s) => [s.id, s.timezone]));
  const unenforced = config.config.sites.filter((s) => s.retentionDays !== undefined).map((s) => s.id);
  if (storage.engine === 'clickhouse' && unenforced.length > 0) {
    // Said at every start rather than failing it: the data stays until the operator acts.
    logger.warn({ sites: unenforced }, 'retentionDays is not enforced on the ClickHouse engine yet: set a TTL on its tables or drop old partitions (docs/clickhouse.md)');
  }
  const jobs = options.backgroundJobs === false ? { stop: async () => {} } : startBackgroundJobs(store, meta, logger, timeZones, () => config.config.sites);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= jobs.stop().then(() => shutdown(server, store, meta, logger)));
  const reload = () => {
    const next = loadConfig(options.config, options.configDir);
    refuseDemoSecrets(next, options.demo ?? demoModeFromEnv(), typeof options.config === 'string' ? options.config : '(object)');
    app = createApp({ store, meta, config: next, logger, sdkBundle: options.sdkBundle });
    config = next;
    logger.info({ sites: next.sites.all().map((s) => s.config.id) }, 'config reloaded');
  };
  return { url, port, store, meta, close, reload };
}

/** Throws a ConfigError listing every published demo secret the config uses, unless in demo mode. */
function refuseDemoSecrets(config: RuntimeConfig, demo: boolean, source: string): void {
  if (demo) return;
  const found = findDemoSecrets(config.config);
  if (found.length > 0) throw new ConfigError(source, found);
}

function listen(handler: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler).listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

async function shutdown(server: Server, store: Store, meta: Database.Database, logger: Logger): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Keep-alive sockets with no request in flight would hold close() open.
    server.closeIdleConnections();
  });
  await store.close();
  if (meta.open) meta.close();
  logger.info('collector stopped');
}
