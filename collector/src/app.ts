/**
 * The collector's HTTP application (no `listen`; see server.ts). Routes are grouped by concern
 * under http/routes; every error answers `{ error: { code, message, issues? } }`.
 */
import type Database from 'better-sqlite3';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { SqliteStore } from './storage/sqlite/sqlite-store.js';
import type { ClickHouseStore } from './storage/clickhouse/clickhouse-store.js';
import { audienceEngineOf, reportEngineOf } from './storage/engine-of-store.js';
import { sqliteOnlyRoutes } from './http/engine-routes.js';
import type { RuntimeConfig } from './config/load-config.js';
import { createLogger } from './http/create-logger.js';
import { ipRateLimit } from './security/rate-limits.js';
import { errorHandler, notFound } from './http/http-error.js';
import { ingestRoutes } from './http/routes/ingest-routes.js';
import { statsRoutes } from './http/routes/stats-routes.js';
import { quarantineRoutes } from './http/routes/quarantine-routes.js';
import { serviceRoutes } from './http/routes/service-routes.js';
import { funnelRoutes } from './http/routes/funnel-routes.js';
import { retentionRoutes } from './http/routes/retention-routes.js';
import { rfmRoutes } from './http/routes/rfm-routes.js';
import { aiplRoutes } from './http/routes/aipl-routes.js';
import { dashboardRoutes } from './http/routes/dashboard-routes.js';
import { reportRoutes } from './http/routes/report-routes.js';
import { attributionRoutes } from './http/routes/attribution-routes.js';
import { costRoutes } from './http/routes/cost-routes.js';
import { metricRoutes } from './http/routes/metric-routes.js';
import { alertRoutes } from './http/routes/alert-routes.js';
import { campaignRoutes } from './http/routes/campaign-routes.js';
import { personRoutes } from './http/routes/person-routes.js';
import { tagRoutes } from './http/routes/tag-routes.js';
import { audienceRoutes } from './http/routes/audience-routes.js';
import { triggerRoutes } from './http/routes/trigger-routes.js';
import { configureSessionOptions, type RefreshOptions } from './analytics/sessions/session-options.js';

/** What the app is built from. */
export interface AppOptions {
  /** The storage engine: the embedded SQLite one, or ClickHouse. */
  store: SqliteStore | ClickHouseStore;
  /** The metadata database (default: the SQLite store's own; required with ClickHouse). */
  meta?: Database.Database;
  config: RuntimeConfig;
  logger?: Logger;
  /** Path of the SDK bundle served at /maidian.js (default dist/sdk/maidian.js). */
  sdkBundle?: string;
}

/** Builds the Express app. */
export function createApp({ store, meta, config, logger = createLogger(), sdkBundle }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // The script tag keeps a trailing slash of its endpoint (to stay small), so
  // `https://t.example.com/` posts to `//v1/batch`: a leading run of slashes reads as one.
  app.use((req, _res, next) => {
    req.url = req.url.replace(/^\/\/+/, '/');
    next();
  });
  // Without a configured proxy, req.ip is the socket address: a client cannot spoof it.
  app.set('trust proxy', config.config.trustProxy);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  const metaDb = meta ?? ('db' in store ? store.db : undefined);
  if (!metaDb) throw new Error('createApp: the ClickHouse engine needs a metadata database (meta)');
  const base = {
    store, config: config.config, sites: config.sites, logger, meta: metaDb, reports: reportEngineOf(store), audiences: audienceEngineOf(store, metaDb),
  };
  const sqlite = 'db' in store ? { ...base, db: store.db } : null;
  const deps = sqlite ?? base;
  if (sqlite) configureSessionOptions(sqlite.db, { sites: sessionOptionsOfSites(config) });
  app.use('/v1', ipRateLimit(config.config));
  app.use(ingestRoutes(deps));
  app.use(statsRoutes(deps));
  app.use(quarantineRoutes(deps));
  app.use(serviceRoutes(deps, sdkBundle));
  app.use(funnelRoutes(deps));
  app.use(retentionRoutes(deps));
  app.use(rfmRoutes(deps));
  app.use(aiplRoutes(deps));
  app.use(dashboardRoutes(deps));
  app.use(reportRoutes(deps));
  app.use(attributionRoutes(deps));
  app.use(costRoutes(deps));
  app.use(metricRoutes());
  app.use(alertRoutes(deps));
  app.use(tagRoutes(deps));
  app.use(audienceRoutes(deps));
  app.use(campaignRoutes(deps));
  app.use(triggerRoutes(deps));
  if (sqlite) {
    app.use(personRoutes(sqlite));
  } else {
    app.use(sqliteOnlyRoutes());
  }
  app.use(notFound);
  app.use(errorHandler);
  return app;
}

/** Session options per site id, from the config (sites without any use the defaults). */
export function sessionOptionsOfSites(config: RuntimeConfig): NonNullable<RefreshOptions['sites']> {
  return Object.fromEntries(config.config.sites.flatMap((s) => (s.sessions ? [[s.id, s.sessions]] : [])));
}
