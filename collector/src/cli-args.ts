import { parseArgs } from 'node:util';

/** Usage text of maidian-collector. */
export const USAGE = `Usage: maidian-collector --config <file> [--db <file>] [--port <n>] [--host <addr>] [--no-jobs]
       maidian-collector --demo
       maidian-collector hash-token [token]   print "sha256:<hex>" for a tokenHash (token from stdin if omitted)

  --config <file>  collector config JSON (sites, tokens, dictionaries)   required unless --demo
  --db <file>      SQLite database file, created if missing (on ClickHouse: the
                   metadata database of rules, tags and audiences)        default ./data/maidian.db
  --port <n>       port to listen on, 0 picks a free one                  default 8787
  --host <addr>    interface to listen on                                 default 127.0.0.1
  --no-jobs        run no scheduled jobs (alerts, audiences, reviews, retention): for
                   extra collectors behind a load balancer, beside the one that runs them
  --demo           demo mode: allow the published demo secrets; without
                   --config, use demo-site/maidian.config.json (also MAIDIAN_DEMO=1)
  --help           show this help`;

/** Parsed command line. */
export interface CliArgs {
  config: string;
  db: string;
  port: number;
  host: string;
  help: boolean;
  /** Demo mode: the published demo secrets are allowed. */
  demo: boolean;
  /** Run the scheduled jobs (false with --no-jobs). */
  jobs: boolean;
}

/** A command-line mistake; the message says what was wrong and what is allowed. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Parses the command line; throws UsageError on unknown flags or bad values. */
export function parseCliArgs(argv: string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' },
        demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, 'no-jobs': { type: 'boolean' },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const help = values.help ?? false;
  const config = values.config ?? (values.demo ? 'demo-site/maidian.config.json' : undefined);
  if (!config && !help) throw new UsageError('--config <file> is required (or --demo)');
  const portText = values.port ?? '8787';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${portText}"`);
  return {
    config: config ?? '', db: values.db ?? './data/maidian.db', port, host: values.host ?? '127.0.0.1', help, demo: values.demo ?? false,
    jobs: !values['no-jobs'],
  };
}
