/**
 * The collector's connection to ClickHouse, through `@clickhouse/client` over HTTP: query files
 * with typed parameters, inserts, and the table names of single-node and cluster layouts.
 *
 * Parameters are written in the query files as ClickHouse's own `{name:Type}` placeholders, and
 * bound here as literals: the HTTP query parameters that would carry them arrived after 18.16,
 * the oldest version Maidian supports. Binding checks each value against its declared type, so a
 * value can never change the shape of a query.
 */
import { ClickHouseLogLevel, createClient, type ClickHouseClient, type ClickHouseSettings } from '@clickhouse/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the ClickHouse engine's query files live (beside the SQLite ones, under the same names). */
export const CH_QUERIES_DIR = fileURLToPath(new URL('./queries/', import.meta.url));
export const CH_ANALYTICS_DIR = fileURLToPath(new URL('./analytics/', import.meta.url));

/** How to reach ClickHouse. */
export interface ClickHouseOptions {
  /** HTTP URLs of the servers: one, or one per shard of `cluster`. Queries go to the first. */
  urls: string[];
  /** The database holding Maidian's tables (created when missing). */
  database: string;
  /** With several shards: the cluster name in the servers' `remote_servers`. */
  cluster: string | null;
  username?: string;
  password?: string;
}

export type ParamValue = string | number | bigint | boolean | null | readonly (string | number)[];
export type Params = Record<string, ParamValue>;

/**
 * For a GROUP BY whose groups never span visitors (a visitor's rows all live on one shard): each
 * shard answers its groups whole, and no partial aggregate states cross the network.
 */
export const GROUPS_WITHIN_VISITOR: ClickHouseSettings = { distributed_group_by_no_merge: '1' };

/** A query runner bound to one database. */
export class ClickHouseDb {
  readonly options: ClickHouseOptions;
  /** One client per server; `clients[0]` answers queries and takes inserts. */
  readonly clients: ClickHouseClient[];
  private readonly files = new Map<string, string>();

  constructor(options: ClickHouseOptions) {
    if (options.urls.length === 0) throw new Error('ClickHouse: at least one server URL is required');
    if (options.urls.length > 1 && !options.cluster) throw new Error('ClickHouse: several server URLs need a cluster name (MAIDIAN_CLICKHOUSE_CLUSTER)');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.database)) throw new Error(`ClickHouse: database name "${options.database}" must be letters, digits and _`);
    this.options = options;
    this.clients = options.urls.map((url) => createClient({
      url,
      username: options.username ?? 'default',
      password: options.password ?? '',
      request_timeout: 300_000,
      // Failures reach the caller as errors, which the collector logs with the request.
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: {
        output_format_json_quote_64bit_integers: 0,
        // Keeps the connection alive through a long report or refresh.
        send_progress_in_http_headers: 1,
        http_headers_progress_interval_ms: '10000',
        // Lists of ids (a refresh round's visitors) are bound into the query text.
        max_query_size: '67108864',
        // Acknowledged means written on the shard that owns the row, not queued on this node.
        ...(options.cluster ? { insert_distributed_sync: 1 } : {}),
      },
    }));
  }

  /** The qualified name of a table as queries see it (the Distributed table on a cluster). */
  table(name: string): string {
    return `${this.options.database}.${name}`;
  }

  /** Reads `<dir>/<name>.sql` once and keeps it. */
  sql(dir: string, name: string): string {
    const key = join(dir, name);
    let text = this.files.get(key);
    if (text === undefined) {
      text = readFileSync(`${key}.sql`, 'utf8');
      this.files.set(key, text);
    }
    return text;
  }

  /** Runs a SELECT and returns its rows. */
  async rows<T>(sql: string, params: Params = {}, settings: ClickHouseSettings = {}): Promise<T[]> {
    const result = await this.clients[0].query({ query: this.prepare(sql, params), format: 'JSONEachRow', clickhouse_settings: settings });
    return result.json<T>();
  }

  /** Runs a statement without rows (INSERT … SELECT, DDL) on the first server. */
  async run(sql: string, params: Params = {}, settings: ClickHouseSettings = {}): Promise<void> {
    await this.clients[0].command({ query: this.prepare(sql, params), clickhouse_settings: settings });
  }

  /** Inserts rows into a table as JSONEachRow. */
  async insert(table: string, values: readonly object[]): Promise<void> {
    if (values.length === 0) return;
    await this.clients[0].insert({ table: this.table(table), values: values as object[], format: 'JSONEachRow' });
  }

  async ping(): Promise<boolean> {
    const results = await Promise.all(this.clients.map((c) => c.ping()));
    return results.every((r) => r.success);
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
  }

  /** Binds parameters and qualifies `{table:name}` references with the database. */
  prepare(sql: string, params: Params): string {
    return bind(sql.replace(/\{table:([a-z_]+)\}/g, (_, t: string) => this.table(t)), params);
  }
}

/**
 * Replaces each `{name:Type}` with a literal of that type. Types used by Maidian's queries:
 * String, Int64, UInt64, UInt32, UInt8, Float64, Nullable(String) and Array(String). An array after
 * `IN` is written as a tuple, and must not be empty.
 */
export function bind(sql: string, params: Params): string {
  return sql.replace(/(\bIN\s+)?\{([a-zA-Z_][a-zA-Z0-9_]*):([A-Za-z0-9()]+)\}/g, (_, inKeyword: string | undefined, name: string, type: string) => {
    if (!(name in params)) throw new Error(`ClickHouse query parameter {${name}:${type}} has no value`);
    const value = literal(params[name], type, name);
    // `x IN [a, b]` is a type error on ClickHouse: the set of an IN is a tuple.
    if (!inKeyword) return value;
    if (!type.startsWith('Array(')) return `${inKeyword}${value}`;
    if ((params[name] as readonly unknown[]).length === 0) throw new Error(`ClickHouse parameter ${name}: an IN list cannot be empty`);
    return `${inKeyword}(${value.slice(1, -1)})`;
  });
}

function literal(value: ParamValue, type: string, name: string): string {
  const nullable = /^Nullable\((.+)\)$/.exec(type);
  if (nullable) return value === null ? 'NULL' : literal(value, nullable[1], name);
  const array = /^Array\((.+)\)$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new Error(`ClickHouse parameter ${name}: expected an array`);
    return `[${value.map((v) => literal(v, array[1], name)).join(', ')}]`;
  }
  if (type === 'String') {
    if (typeof value !== 'string') throw new Error(`ClickHouse parameter ${name}: expected a string`);
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  }
  if (/^U?Int(8|16|32|64)$/.test(type)) {
    const n = typeof value === 'boolean' ? Number(value) : value;
    if ((typeof n !== 'number' || !Number.isSafeInteger(n)) && typeof n !== 'bigint') throw new Error(`ClickHouse parameter ${name}: expected an integer`);
    // A bare number: LIMIT takes nothing else, and ClickHouse widens it where it meets a column.
    return String(n);
  }
  if (type === 'Float64') {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`ClickHouse parameter ${name}: expected a finite number`);
    return `toFloat64(${String(value)})`;
  }
  throw new Error(`ClickHouse parameter ${name}: type ${type} is not supported`);
}
