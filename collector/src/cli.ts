/**
 * `maidian-collector`: starts the collector from the command line and stops it gracefully on
 * SIGTERM/SIGINT (in-flight batches commit before the database closes). SIGHUP re-reads the
 * config file (token rotation without a restart); a bad file is refused and the old config stays.
 */
import { ConfigError } from './config/load-config.js';
import { parseCliArgs, USAGE, UsageError } from './cli-args.js';
import { startCollector } from './server.js';
import { StorageConfigError, storageFromEnv } from './storage/storage-choice.js';
import { runHashToken } from './security/hash-token-command.js';

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'hash-token') return runHashToken(argv.slice(1));
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`maidian-collector: ${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let collector;
  try {
    const storage = storageFromEnv();
    collector = await startCollector({
      dbPath: args.db, storage, port: args.port, host: args.host, config: args.config, backgroundJobs: args.jobs, ...(args.demo ? { demo: true } : {}),
    });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StorageConfigError) {
      process.stderr.write(`maidian-collector: ${err.message}\n`);
      return 1;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      process.stderr.write(`maidian-collector: cannot listen on ${args.host}:${args.port} (${code}); choose another --port\n`);
      return 1;
    }
    throw err;
  }
  process.stdout.write(`maidian-collector listening on ${collector.url}\n`);
  const running = collector;
  process.on('SIGHUP', () => reloadConfig(running));
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`maidian-collector: ${signal}, finishing in-flight requests…\n`);
      // A second signal means "now": exit without waiting.
      process.once(signal, () => process.exit(1));
      running.close().then(resolve, (err) => {
        process.stderr.write(`maidian-collector: shutdown failed: ${(err as Error).message}\n`);
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

/** Applies the config file again; prints what happened, so an operator can see a refusal. */
function reloadConfig(running: { reload(): void }): void {
  try {
    running.reload();
    process.stdout.write('maidian-collector: SIGHUP, config reloaded\n');
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`maidian-collector: SIGHUP, new config refused, the running one stays: ${err.message}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`maidian-collector: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  },
);
