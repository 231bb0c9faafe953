/**
 * The collector's HTTP application (no `listen`; see server.ts). Routes are grouped by concern
 * under http/routes; every error answers `{ error: { code, message, issues? } }`.
 */
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { SqliteStore } from './storage/sqlite/sqlite-store.js';
import type { RuntimeConfig } from './config/load-config.js';
import { createLogger } from './http/create-logger.js';
import { errorHandler, notFound } from './http/http-error.js';
import { ingestRoutes } from './http/routes/ingest-routes.js';
import { statsRoutes } from './http/routes/stats-routes.js';
import { quarantineRoutes } from './http/routes/quarantine-routes.js';
import { serviceRoutes } from './http/routes/service-routes.js';

/** What the app is built from. */
export interface AppOptions {
  store: SqliteStore;
  config: RuntimeConfig;
  logger?: Logger;
  /** Path of the SDK bundle served at /maidian.js (default dist/sdk/maidian.js). */
  sdkBundle?: string;
}

/** Builds the Express app. */
export function createApp({ store, config, logger = createLogger(), sdkBundle }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Without a configured proxy, req.ip is the socket address: a client cannot spoof it.
  app.set('trust proxy', config.config.trustProxy);
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  const deps = { store, config: config.config, sites: config.sites, logger, db: store.db };
  app.use(ingestRoutes(deps));
  app.use(statsRoutes(deps));
  app.use(quarantineRoutes(deps));
  app.use(serviceRoutes(deps, sdkBundle));
  app.use(notFound);
  app.use(errorHandler);
  return app;
}
