/**
 * The whole demo in one process: a collector on a fresh SQLite file in a temp folder and the demo
 * shop, both on 127.0.0.1 with ports chosen by the system.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCollector } from '../../../collector/src/server.js';
import { createDemoSiteApp } from '../../../demo-site/server.js';
import { demoCredentials, loadDemoConfig } from '../../../demo-site/demo-config.js';
import type { DemoCredentials } from '../../../demo-site/demo-config.js';

/** The running demo and a read-only view of its database. */
export interface DemoStack {
  collectorUrl: string;
  demoUrl: string;
  dbPath: string;
  credentials: DemoCredentials;
  /** Rows of a query on the collector's database (opened read-only, beside the collector). */
  query<T>(sql: string, params?: Record<string, unknown>): T[];
  /** Stops both servers and deletes the temp folder. */
  close(): Promise<void>;
}

/** Starts the collector and the demo site; the demo's origin is allowed by the collector's CORS. */
export async function startDemoStack(): Promise<DemoStack> {
  process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
  const dir = mkdtempSync(join(tmpdir(), 'maidian-e2e-'));
  const dbPath = join(dir, 'maidian.db');

  // The demo site listens first, so its port is known when the collector's origins are set;
  // its request handler is attached once the collector's URL is known.
  const demoServer = createServer();
  await new Promise<void>((ok, fail) => demoServer.once('error', fail).listen(0, '127.0.0.1', ok));
  const demoUrl = `http://127.0.0.1:${(demoServer.address() as AddressInfo).port}`;

  const config = loadDemoConfig([demoUrl]);
  const credentials = demoCredentials(config);
  // The demo config carries the published demo secrets, which only demo mode accepts.
  const collector = await startCollector({ dbPath, port: 0, host: '127.0.0.1', config, demo: true });
  demoServer.on('request', createDemoSiteApp({ collectorUrl: collector.url, site: credentials.site, writeKey: credentials.writeKey }));

  let db: Database.Database | undefined;
  return {
    collectorUrl: collector.url,
    demoUrl,
    dbPath,
    credentials,
    query<T>(sql: string, params: Record<string, unknown> = {}): T[] {
      db ??= new Database(dbPath, { readonly: true, fileMustExist: true });
      const statement = db.prepare(sql);
      return (Object.keys(params).length ? statement.all(params) : statement.all()) as T[];
    },
    async close() {
      db?.close();
      await new Promise<void>((ok) => {
        demoServer.close(() => ok());
        demoServer.closeAllConnections();
      });
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
