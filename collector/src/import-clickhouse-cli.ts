/**
 * `maidian-migrate-clickhouse --sqlite <maidian.db> --clickhouse <url>`: copies a SQLite collector
 * database into ClickHouse (storage/clickhouse/import-sqlite/), drawing a progress bar on a
 * terminal and writing one line per chunk otherwise. Interrupted (Ctrl-C, a crash, a lost
 * server), it continues where it stopped when run again with the same arguments.
 */
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { ClickHouseDb } from './storage/clickhouse/clickhouse-db.js';
import {
  DEFAULT_CHUNK, ImportError, importSqlite,
  type CopiedTable, type CopyObserver, type CopyStart, type ImportSummary, type TableResult,
} from './storage/clickhouse/import-sqlite/import-sqlite.js';

const NAME = 'maidian-migrate-clickhouse';
const MAX_CHUNK = 1_000_000;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Usage text of the command. */
export const USAGE = `usage: ${NAME} --sqlite <maidian.db> [--clickhouse <url>[,<url>…]] [options]

Copies the events, quarantine and client drop reports of a SQLite collector database into
ClickHouse. Sessions and persons are recomputed there from the events. Safe to run while the
SQLite collector is running; run it again to copy what arrived since, or to resume after an
interruption (it continues after the last chunk it recorded).

  --sqlite <file>          the collector's SQLite database (opened read-only)
  --clickhouse <urls>      ClickHouse HTTP URL, or one per server of a cluster, comma-separated
                           (default: $MAIDIAN_CLICKHOUSE_URL)
  --database <name>        ClickHouse database (default: $MAIDIAN_CLICKHOUSE_DATABASE or maidian)
  --cluster <name>         cluster name in the servers' remote_servers, for several servers
                           (default: $MAIDIAN_CLICKHOUSE_CLUSTER)
  --chunk <rows>           rows per chunk and progress record, 1 to ${MAX_CHUNK} (default ${DEFAULT_CHUNK})
  -h, --help               this text`;

/** Where the command writes, and its environment (tests pass their own). */
export interface CliIo {
  out: NodeJS.WritableStream & { isTTY?: boolean };
  err: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

interface Settings { sqlite: string; urls: string[]; database: string; cluster: string | null; chunk: number }

/** Runs the command; resolves the exit code (0 done, 1 failed, 2 usage error, 130 stopped). */
export async function runMigrateClickHouse(argv: string[], io: CliIo = { out: process.stdout, err: process.stderr, env: process.env }): Promise<number> {
  const parsed = parseSettings(argv, io.env);
  if (parsed === 'help') return (io.out.write(USAGE + '\n'), 0);
  if (typeof parsed === 'string') return (io.err.write(`${NAME}: ${parsed}\n\n${USAGE}\n`), 2);
  const ch = new ClickHouseDb({ urls: parsed.urls, database: parsed.database, cluster: parsed.cluster });
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    io.err.write(`\n${NAME}: stopping after the chunk in flight (Ctrl-C again to quit at once; a rerun resumes)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSigint);
  const observer = io.out.isTTY ? barObserver(io.out) : lineObserver(io.out);
  try {
    const summary = await importSqlite(ch, { sqlitePath: parsed.sqlite, chunk: parsed.chunk, observer, signal: stop.signal });
    io.out.write(describeSummary(summary, parsed));
    return summary.complete ? 0 : 130;
  } catch (err) {
    observer.abandon();
    if (err instanceof ImportError) io.err.write(`${NAME}: ${err.message}\n`);
    else io.err.write(`${NAME}: the copy failed: ${(err as Error).message}\nWhat was copied is recorded; run the same command again to resume.\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSigint);
    await ch.close();
  }
}

/** The settings, 'help', or what is wrong with the arguments. */
function parseSettings(argv: string[], env: NodeJS.ProcessEnv): Settings | 'help' | string {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sqlite: { type: 'string' }, clickhouse: { type: 'string' }, database: { type: 'string' },
        cluster: { type: 'string' }, chunk: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    return (e as Error).message;
  }
  if (values.help) return 'help';
  const sqlite = values.sqlite as string | undefined;
  if (!sqlite) return '--sqlite is required: the SQLite database file to copy, e.g. --sqlite data/maidian.db';
  const urlList = (values.clickhouse as string | undefined) ?? env.MAIDIAN_CLICKHOUSE_URL;
  if (!urlList) return 'give --clickhouse <url> (e.g. http://127.0.0.1:8123) or set MAIDIAN_CLICKHOUSE_URL';
  const urls = urlList.split(',').map((u) => u.trim()).filter(Boolean);
  const badUrl = urls.find((u) => !isHttpUrl(u));
  if (badUrl !== undefined || urls.length === 0) return `--clickhouse "${badUrl ?? urlList}" is not an http(s) URL; expected e.g. http://127.0.0.1:8123, comma-separated for several servers`;
  const database = (values.database as string | undefined) ?? env.MAIDIAN_CLICKHOUSE_DATABASE ?? 'maidian';
  if (!IDENTIFIER.test(database)) return `--database "${database}" is not allowed: letters, digits and _, not starting with a digit`;
  const cluster = (values.cluster as string | undefined) ?? env.MAIDIAN_CLICKHOUSE_CLUSTER ?? null;
  if (cluster !== null && !IDENTIFIER.test(cluster)) return `--cluster "${cluster}" is not allowed: letters, digits and _, not starting with a digit`;
  if (urls.length > 1 && !cluster) return `${urls.length} ClickHouse URLs were given without --cluster: several servers need the cluster name from their remote_servers (or MAIDIAN_CLICKHOUSE_CLUSTER)`;
  const chunkText = (values.chunk as string | undefined) ?? String(DEFAULT_CHUNK);
  const chunk = /^\d+$/.test(chunkText) ? Number(chunkText) : NaN;
  if (!(chunk >= 1 && chunk <= MAX_CHUNK)) return `--chunk "${chunkText}" is not allowed: a whole number of rows from 1 to ${MAX_CHUNK}`;
  return { sqlite, urls, database, cluster, chunk };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** A copy observer that can also clear its display when the copy fails. */
type CliObserver = CopyObserver & { abandon(): void };

/** A bar per table on a terminal: rows copied / total, rate, ETA. */
function barObserver(out: NodeJS.WritableStream): CliObserver {
  let bar: SingleBar | null = null;
  let run = { at: 0, from: 0 };
  return {
    start(table, start) {
      if (start.resumedAfter !== null) out.write(resumeLine(table, start) + '\n');
      run = { at: Date.now(), from: start.done };
      bar = new SingleBar({
        stream: out, hideCursor: true,
        format: `${table.padEnd(12)} [{bar}] {value}/{total} | {rate} rows/s | ETA {eta_formatted}`,
      }, Presets.shades_classic);
      bar.start(start.total, start.done, { rate: '0' });
    },
    advance(_table, done) { bar?.update(done, { rate: formatCount(rate(run, done)) }); },
    finish() { bar?.stop(); bar = null; },
    abandon() { bar?.stop(); bar = null; },
  };
}

/** One line per chunk when stdout is a file or a pipe (a log, CI). */
function lineObserver(out: NodeJS.WritableStream): CliObserver {
  let run = { at: 0, from: 0, total: 0 };
  return {
    start(table, start) {
      run = { at: Date.now(), from: start.done, total: start.total };
      out.write((start.resumedAfter !== null ? resumeLine(table, start) : `${table}: ${start.total} rows to copy`) + '\n');
    },
    advance(table, done) {
      const perSecond = rate(run, done);
      const eta = perSecond > 0 ? `${Math.ceil((run.total - done) / perSecond)}s` : '?';
      const percent = run.total > 0 ? ((100 * done) / run.total).toFixed(1) : '100.0';
      out.write(`${table}: ${done}/${run.total} (${percent}%), ${formatCount(perSecond)} rows/s, ETA ${eta}\n`);
    },
    finish(table, result) {
      out.write(`${table}: ${result.stopped ? 'stopped at' : 'done,'} ${result.done + result.copied}/${result.total} (${result.copied} in this run)\n`);
    },
    abandon() {},
  };
}

function resumeLine(table: CopiedTable, start: CopyStart): string {
  return `${table}: resuming after ${start.keyName} ${start.resumedAfter}: ${start.done} of ${start.total} rows were copied by an earlier run`;
}

function rate(run: { at: number; from: number }, done: number): number {
  const seconds = (Date.now() - run.at) / 1000;
  return seconds > 0 ? (done - run.from) / seconds : 0;
}

function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function describeSummary(summary: ImportSummary, settings: Settings): string {
  const lines = [`${summary.complete ? 'copied' : 'stopped copying'} ${summary.path} to ClickHouse database ${settings.database}:`];
  for (const t of summary.tables) lines.push(`  ${t.table.padEnd(12)} ${t.done + t.copied} of ${t.total} rows (${t.copied} in this run)${arrived(t)}`);
  if (!summary.complete) lines.push('Run the same command again to continue.');
  else lines.push('Every copied visitor is marked dirty: the ClickHouse collector recomputes their sessions and persons.');
  if (summary.skipped.length) lines.push('Not copied:');
  for (const s of summary.skipped) {
    lines.push(s.column ? `  column ${s.table}.${s.column}: ${s.reason}` : `  ${s.table} (${s.rows} rows): ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}

function arrived(t: TableResult): string {
  return t.arrivedSince > 0 ? `; ${t.arrivedSince} more arrived during the copy: run again to copy them` : '';
}
