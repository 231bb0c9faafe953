/**
 * Creates Maidian's ClickHouse tables on start, from the numbered files in `migrations/`, and
 * records each applied file in `schema_migrations` on every server.
 *
 * On one server each file creates its table under its own name. On a cluster (no ZooKeeper
 * needed) each file runs on every shard as `<name>_local`, and a Distributed table `<name>` over
 * them is created on every server: queries and inserts name `<name>` in both layouts. Rows are
 * sharded by visitor, so every version of a visitor's events and sessions lands on the same shard
 * and ReplacingMergeTree can collapse them there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClickHouseDb } from './clickhouse-db.js';

export const CH_MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_FILE = /^(\d+)-[a-z0-9-]+\.sql$/;

/** How each table's rows are spread over shards. */
const SHARDING_KEY: Record<string, string> = {
  events: 'sipHash64(anonymous_id)',
  sessions: 'sipHash64(anonymous_id)',
  dirty_visitors: 'sipHash64(anonymous_id)',
  quarantine: 'qid',
  client_drops: 'rand()',
  ad_costs: 'sipHash64(site)',
  person_tags: 'sipHash64(person_id)',
};

/** Applies pending migrations on every server; returns the file names applied now. */
export async function migrateClickHouse(db: ClickHouseDb, dir: string = CH_MIGRATIONS_DIR): Promise<string[]> {
  const { database, cluster } = db.options;
  const files = readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort((a, b) => Number(MIGRATION_FILE.exec(a)![1]) - Number(MIGRATION_FILE.exec(b)![1]));
  const appliedNow = new Set<string>();
  for (const client of db.clients) {
    const run = (query: string) => client.command({ query });
    await run(`CREATE DATABASE IF NOT EXISTS ${database}`);
    await run(`CREATE TABLE IF NOT EXISTS ${database}.schema_migrations (name String, applied_at UInt64) ENGINE = MergeTree ORDER BY name`);
    const result = await client.query({ query: `SELECT name FROM ${database}.schema_migrations`, format: 'JSONEachRow' });
    const applied = new Set((await result.json<{ name: string }>()).map((r) => r.name));
    for (const name of files.filter((f) => !applied.has(f))) {
      const sql = readFileSync(join(dir, name), 'utf8');
      const table = /\{table:([a-z_]+)\}/.exec(sql)?.[1];
      if (!table) throw new Error(`ClickHouse migration ${name} names no {table:…}`);
      if (cluster) {
        await run(sql.replace(`{table:${table}}`, `${database}.${table}_local`));
        const key = SHARDING_KEY[table];
        if (!key) throw new Error(`ClickHouse migration ${name}: no sharding key for table ${table}`);
        await run(`CREATE TABLE IF NOT EXISTS ${database}.${table} AS ${database}.${table}_local ENGINE = Distributed(${cluster}, ${database}, ${table}_local, ${key})`);
      } else {
        await run(sql.replace(`{table:${table}}`, `${database}.${table}`));
      }
      await client.insert({ table: `${database}.schema_migrations`, values: [{ name, applied_at: Date.now() }], format: 'JSONEachRow' });
      appliedNow.add(name);
    }
  }
  return [...appliedNow];
}
