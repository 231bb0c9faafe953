/**
 * The two ClickHouse set-ups the report tests compare with SQLite: one server, and a 2-shard
 * cluster (Distributed tables, sharded by visitor). Both are started before the SQLite collector
 * is seeded, so they boot meanwhile; `fill` copies the seeded data into them once it is refreshed.
 */
import { ClickHouseDb } from '../../../collector/src/storage/clickhouse/clickhouse-db.js';
import { migrateClickHouse } from '../../../collector/src/storage/clickhouse/migrate.js';
import { startClickHouse, startClickHouseCluster, type ClickHouseCluster } from '../../setup/clickhouse-server.js';
import { copyDerived } from './copy-derived.js';

/** A crawler's user agent: its events are stored as bots, and reports leave them out. */
export const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

/** One server and a 2-shard cluster, starting. */
export interface ClickHouseEngines {
  /**
   * Migrates both and copies a refreshed SQLite database (derived persons and sessions included)
   * into them. Resolves to [one server, 2-shard cluster].
   */
  fill(sqlitePath: string): Promise<[ClickHouseDb, ClickHouseDb]>;
  /** Closes the clients and stops the servers, also after a failed start or seeding: call it in afterAll. */
  stop(): Promise<void>;
}

/** Starts one ClickHouse server and a 2-shard cluster; start it first in beforeAll. */
export function startClickHouseEngines(): ClickHouseEngines {
  const starting: Promise<ClickHouseCluster>[] = [startClickHouse(), startClickHouseCluster(2)];
  const clients: ClickHouseDb[] = [];
  async function connect(cluster: ClickHouseCluster, sqlitePath: string): Promise<ClickHouseDb> {
    const ch = new ClickHouseDb({ urls: cluster.servers.map((s) => s.httpUrl), database: 'maidian', cluster: cluster.cluster });
    clients.push(ch);
    await migrateClickHouse(ch);
    await copyDerived(sqlitePath, ch);
    return ch;
  }
  return {
    async fill(sqlitePath) {
      const [single, sharded] = await Promise.all(starting);
      return Promise.all([connect(single, sqlitePath), connect(sharded, sqlitePath)]);
    },
    async stop() {
      await Promise.all(clients.map((ch) => ch.close()));
      await Promise.all(starting.map((p) => p.then((s) => s.stop(), () => undefined)));
    },
  };
}

/**
 * Per shard of a cluster, the distinct anonymous ids (sorted) of a person's rows in `table`
 * (`events` or `sessions`) that the shard holds: to check that a person's devices landed on
 * different shards.
 */
export async function anonymousIdsByShard(ch: ClickHouseDb, table: 'events' | 'sessions', personId: string): Promise<string[][]> {
  // The id goes into the text of the query (one query per shard's local table, without binding).
  if (!/^[\w-]+$/.test(personId)) throw new RangeError(`"${personId}" is not a plain test person id`);
  return Promise.all(ch.clients.map(async (client) => {
    const query = `SELECT DISTINCT anonymous_id FROM maidian.${table}_local WHERE person_id = '${personId}'`;
    const result = await client.query({ query, format: 'JSONEachRow' });
    return (await result.json<{ anonymous_id: string }>()).map((r) => r.anonymous_id).sort();
  }));
}
