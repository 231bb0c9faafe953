/**
 * Runs the real `maidian-collector` command as a child process on a SQLite file in a temp
 * folder, so tests can SIGKILL / SIGTERM / SIGHUP it and restart it on the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { shopDictionary, SALT, WRITE_KEY, READ_TOKEN, ADMIN_TOKEN } from '../../collector/helpers/test-collector.js';

const BIN = new URL('../../../collector/bin/maidian-collector.mjs', import.meta.url).pathname;

/** A folder with a config (site "shop") and a database path, shared by successive runs. */
export interface CollectorHome {
  dir: string;
  configPath: string;
  dbPath: string;
  /** Rewrites the config file (e.g. before a SIGHUP). */
  writeConfig(config: Record<string, unknown>): void;
  /** Runs a query on the database file in a separate connection. */
  query<T = Record<string, unknown>>(sql: string, params?: Record<string, unknown>): T[];
  remove(): void;
}

/** The default config of a collector home: site shop with a write key, read and admin tokens. */
export function shopConfig(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sites: [{ id: 'shop', name: 'Shop', dictionary: './shop.json', salt: SALT, writeKeys: [WRITE_KEY], timezone: 'Asia/Shanghai' }],
    readTokens: [{ token: READ_TOKEN, sites: ['shop'] }],
    adminToken: ADMIN_TOKEN,
    ...extra,
  };
}

/** Makes a temp folder with the shop dictionary and config. */
export function makeHome(config: Record<string, unknown> = shopConfig()): CollectorHome {
  const dir = mkdtempSync(join(tmpdir(), 'maidian-rel-'));
  const configPath = join(dir, 'maidian.config.json');
  writeFileSync(join(dir, 'shop.json'), JSON.stringify(shopDictionary()));
  const home: CollectorHome = {
    dir,
    configPath,
    dbPath: join(dir, 'data', 'maidian.db'),
    writeConfig: (c) => writeFileSync(configPath, JSON.stringify(c)),
    query(sql, params = {}) {
      const db = new Database(home.dbPath);
      try { return db.prepare(sql).all(params) as never[]; } finally { db.close(); }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  home.writeConfig(config);
  return home;
}

/** A running collector child process. */
export interface CollectorProcess {
  child: ChildProcess;
  url: string;
  pid: number;
  exited: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

/** Runs the CLI with `args`; resolves once it prints its URL, rejects if it exits first. */
export async function spawnCollector(home: CollectorHome, args: string[] = [], env: Record<string, string> = {}): Promise<CollectorProcess> {
  const p = runCli(['--config', home.configPath, '--db', home.dbPath, '--port', '0', ...args], home.dir, env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(p.stdout());
      if (m) { clearInterval(timer); resolve(m[1]); }
    }, 20);
    void p.exited.then((code) => { clearInterval(timer); reject(new Error(`collector exited (${code}) before listening: ${p.stderr()}`)); });
  });
  return { ...p, url, pid: p.child.pid! };
}

/** Runs the CLI with exactly `args` and collects its output. */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, MAIDIAN_LOG_LEVEL: 'silent', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, stdout: () => out, stderr: () => err };
}
