/**
 * Starts a real collector for a test: a fresh SQLite file in a temp dir, a config and a copy of
 * the test dictionary written next to it, HTTP on 127.0.0.1 with a free port.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollector, type RunningCollector } from '../../../collector/src/server.js';
import type { SqliteStore } from '../../../collector/src/storage/sqlite/sqlite-store.js';
import type { ClickHouseStore, ClickHouseStoreOptions } from '../../../collector/src/storage/clickhouse/clickhouse-store.js';
import type { CollectorConfigInput } from '../../../collector/src/config/config-schema.js';
import type { SiteDictionaryInput } from '../../../collector/src/dictionary/site-dictionary.js';

process.env.MAIDIAN_LOG_LEVEL ??= 'silent';

export const READ_TOKEN = 'read-token-0123456789';
export const ADMIN_TOKEN = 'admin-token-0123456789';
export const WRITE_KEY = 'wk_shop_secret';
export const SALT = 'shop-salt-0123456789';
export const ORIGIN = 'https://shop.example.com';
/** A desktop Chrome user agent; Node's own ("node") is, rightly, taken for a bot. */
export const CHROME_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** The shop test dictionary from fixtures/. */
export function shopDictionary(): SiteDictionaryInput {
  return JSON.parse(readFileSync(new URL('../fixtures/shop.dictionary.json', import.meta.url), 'utf8'));
}

/** A running test collector with direct access to its database file. */
export interface TestCollector extends RunningCollector<SqliteStore> {
  dir: string;
  dbPath: string;
  dictionaryPath: string;
  /** Runs a query on the SQLite file directly (a separate read-only connection). */
  query<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): T[];
  /** Overwrites the site dictionary file (as an operator fixing it would). */
  writeDictionary(dictionary: SiteDictionaryInput): void;
  /** POSTs JSON (or raw text) and returns status, headers and parsed body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  get(path: string, token?: string): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

/** Options to vary the config per test. */
export interface TestCollectorOptions {
  /** The ClickHouse engine instead of a fresh SQLite file (see startClickHouseTestCollector). */
  clickhouse?: Omit<ClickHouseStoreOptions, 'bufferDir'> & { bufferDir?: string };
  dictionary?: SiteDictionaryInput;
  site?: Partial<CollectorConfigInput['sites'][number]>;
}

/** A test collector on the ClickHouse engine (no SQLite file to query). */
export type ClickHouseTestCollector = Omit<TestCollector, 'store' | 'query' | 'dbPath'> & { store: ClickHouseStore };

/** Starts a collector like startTestCollector, on ClickHouse (its buffer in the temp dir). */
export async function startClickHouseTestCollector(clickhouse: Omit<ClickHouseStoreOptions, 'bufferDir'> & { bufferDir?: string }, options: Omit<TestCollectorOptions, 'clickhouse'> = {}): Promise<ClickHouseTestCollector> {
  return startTestCollector({ ...options, clickhouse }) as unknown as Promise<ClickHouseTestCollector>;
}

/** Starts a collector with site "shop" (write key, one allowed origin, Asia/Shanghai). */
export async function startTestCollector(options: TestCollectorOptions = {}): Promise<TestCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-test-'));
  const dictionaryPath = join(dir, 'shop.dictionary.json');
  writeFileSync(dictionaryPath, JSON.stringify(options.dictionary ?? shopDictionary()));
  const config: CollectorConfigInput = {
    sites: [{
      id: 'shop', name: 'Test shop', hosts: ['shop.example.com'], writeKeys: [WRITE_KEY], allowedOrigins: [ORIGIN],
      dictionary: './shop.dictionary.json', timezone: 'Asia/Shanghai', salt: SALT, ...options.site,
    }],
    readTokens: [{ token: READ_TOKEN, sites: ['shop'] }],
    adminToken: ADMIN_TOKEN,
  };
  const configPath = join(dir, 'maidian.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  const dbPath = join(dir, 'maidian.db');
  // Scheduled jobs are tested by calling them with chosen times; the wall-clock schedules (every
  // minute, every 15 minutes) would otherwise fire in the middle of a test now and then.
  const storage = options.clickhouse ? { engine: 'clickhouse' as const, clickhouse: { bufferDir: join(dir, 'buffer'), ...options.clickhouse } } : undefined;
  const running = (await startCollector({ dbPath, port: 0, config: configPath, backgroundJobs: false, ...(storage ? { storage } : {}) })) as RunningCollector<SqliteStore>;
  const request = async (path: string, init: RequestInit) => {
    const res = await fetch(running.url + path, init);
    const text = await res.text();
    let body: unknown = text;
    try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.status, headers: res.headers, body: body as any };
  };
  return {
    ...running, dir, dbPath, dictionaryPath,
    query(sql, params = {}) {
      const db = new Database(dbPath, { readonly: true });
      try { return db.prepare(sql).all(params) as never[]; } finally { db.close(); }
    },
    writeDictionary(dictionary) { writeFileSync(dictionaryPath, JSON.stringify(dictionary)); },
    post(path, body, headers = {}) {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return request(path, { method: 'POST', body: text, headers: { 'content-type': 'application/json', 'user-agent': CHROME_UA, ...headers } });
    },
    get(path, token) {
      return request(path, { headers: { 'user-agent': CHROME_UA, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
    },
    async stop() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
