/**
 * Which storage engine a collector runs on, and where it is. The embedded SQLite engine is the
 * default; `MAIDIAN_STORE=clickhouse` moves events and reports to ClickHouse:
 *
 *   MAIDIAN_STORE=clickhouse
 *   MAIDIAN_CLICKHOUSE_URL=http://127.0.0.1:8123          (one server, or one URL per shard, comma-separated)
 *   MAIDIAN_CLICKHOUSE_CLUSTER=maidian                     (with several shards: the cluster in remote_servers)
 *   MAIDIAN_CLICKHOUSE_DATABASE=maidian                    (default maidian)
 *   MAIDIAN_CLICKHOUSE_USER / MAIDIAN_CLICKHOUSE_PASSWORD  (default: default, no password)
 *   MAIDIAN_BUFFER_DIR=data/clickhouse-buffer              (this process's local on-disk buffer)
 */
import type { ClickHouseStoreOptions } from './clickhouse/clickhouse-store.js';

export type StorageChoice =
  | { engine: 'sqlite' }
  | { engine: 'clickhouse'; clickhouse: ClickHouseStoreOptions };

/** A setting of the environment that cannot be used; the message says what is allowed. */
export class StorageConfigError extends Error {
  constructor(variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'StorageConfigError';
  }
}

/** Reads the engine choice from environment variables (see the header). */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): StorageChoice {
  const engine = env.MAIDIAN_STORE ?? 'sqlite';
  if (engine === 'sqlite') return { engine };
  if (engine !== 'clickhouse') throw new StorageConfigError('MAIDIAN_STORE', `got "${engine}"; expected sqlite (the default) or clickhouse`);
  const urls = (env.MAIDIAN_CLICKHOUSE_URL ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0) throw new StorageConfigError('MAIDIAN_CLICKHOUSE_URL', 'required with MAIDIAN_STORE=clickhouse, e.g. http://127.0.0.1:8123 (comma-separated: one URL per shard)');
  for (const url of urls) {
    if (!/^https?:\/\/[^/]+/.test(url)) throw new StorageConfigError('MAIDIAN_CLICKHOUSE_URL', `"${url}" is not an http(s) URL of a ClickHouse server's HTTP interface`);
  }
  const cluster = env.MAIDIAN_CLICKHOUSE_CLUSTER || null;
  if (urls.length > 1 && !cluster) throw new StorageConfigError('MAIDIAN_CLICKHOUSE_CLUSTER', `${urls.length} URLs were given: name the cluster of their shards (remote_servers in the servers' config)`);
  const database = env.MAIDIAN_CLICKHOUSE_DATABASE || 'maidian';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new StorageConfigError('MAIDIAN_CLICKHOUSE_DATABASE', `"${database}" must be letters, digits and _, not starting with a digit`);
  return {
    engine,
    clickhouse: {
      urls, cluster, database,
      username: env.MAIDIAN_CLICKHOUSE_USER || undefined,
      password: env.MAIDIAN_CLICKHOUSE_PASSWORD || undefined,
      bufferDir: env.MAIDIAN_BUFFER_DIR || 'data/clickhouse-buffer',
    },
  };
}
