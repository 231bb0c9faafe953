/**
 * The real collector for the ingest benchmark, in its own process so that the load generator does
 * not share its event loop. Prints `READY <url>` once listening. argv: <dbPath>.
 */
import { fileURLToPath } from 'node:url';
import { startCollector } from '../../collector/src/server.js';
import { storageFromEnv } from '../../collector/src/storage/storage-choice.js';

const dbPath = process.argv[2];
const dictionary = fileURLToPath(new URL('../fixtures/bench.dictionary.json', import.meta.url));
process.env.MAIDIAN_LOG_LEVEL ??= 'silent';
const collector = await startCollector({
  dbPath,
  // MAIDIAN_STORE=clickhouse and MAIDIAN_CLICKHOUSE_URL (set by the ClickHouse benchmark) move it to ClickHouse.
  storage: storageFromEnv(),
  port: 0,
  config: {
    sites: [{ id: 'bench', name: 'Benchmark', dictionary, timezone: 'Asia/Shanghai', salt: 'bench-salt-0123456789' }],
  },
});
console.log(`READY ${collector.url}`);
process.on('SIGTERM', () => void collector.close().then(() => process.exit(0)));
