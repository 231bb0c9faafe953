/**
 * The real collector on a generated data set, for the report benchmark: one site `bench`
 * (Asia/Shanghai) and the read token given. In its own process, so the benchmark's HTTP client does not
 * share its event loop. Prints `READY <url>` once listening. argv: <dbPath> <readToken>.
 */
import { fileURLToPath } from 'node:url';
import { startCollector } from '../../collector/src/server.js';
import { storageFromEnv } from '../../collector/src/storage/storage-choice.js';

const [dbPath, readToken] = process.argv.slice(2);
const dictionary = fileURLToPath(new URL('../fixtures/bench.dictionary.json', import.meta.url));
process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
const collector = await startCollector({
  dbPath,
  // MAIDIAN_STORE=clickhouse and MAIDIAN_CLICKHOUSE_URL (set by the ClickHouse benchmark) move it to ClickHouse.
  storage: storageFromEnv(),
  port: 0,
  config: {
    sites: [{ id: 'bench', name: 'Benchmark', dictionary, timezone: 'Asia/Shanghai', salt: 'bench-salt-0123456789' }],
    readTokens: [{ token: readToken, sites: '*' }],
  },
});
console.log(`READY ${collector.url}`);
process.on('SIGTERM', () => void collector.close().then(() => process.exit(0)));
