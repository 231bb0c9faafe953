/**
 * `maidian-import-costs --db <file> --site <id> <costs.csv>`: imports ad spend into a collector
 * database. The file is all-or-nothing: with any bad row, every problem is listed (with its line)
 * and nothing is stored, so a half-imported month never skews ROI.
 */
import Database from 'better-sqlite3';
import { SingleBar, Presets } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { migrate } from '../storage/sqlite/migrate.js';
import { storeAdCosts } from '../storage/sqlite/analytics/costs/store-ad-costs.js';
import { parseCostCsv } from './parse-cost-csv.js';

/** Usage text of the command. */
export const USAGE = `usage: maidian-import-costs --db <maidian.db> --site <site id> <costs.csv>

The CSV needs a header row with date,source,campaign,cost,currency and optionally
medium,impressions,clicks. A row for a day and campaign already imported replaces it.
If any row is invalid, nothing is imported and every problem is listed with its line.`;

const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs the command; resolves the exit code (0 done, 1 invalid file, 2 usage error). */
export function runImportCosts(argv: string[], out = process.stdout, err = process.stderr): number {
  let values: { db?: string; site?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: 'string' }, site: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    err.write(`maidian-import-costs: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return (out.write(USAGE + '\n'), 0);
  const problem = !values.db ? '--db is required' : !values.site ? '--site is required'
    : !SITE_ID.test(values.site) ? `--site "${values.site}" is not a site id (letters, digits, _ and -)`
    : positionals.length !== 1 ? `give exactly one CSV file (got ${positionals.length})` : null;
  if (problem) return (err.write(`maidian-import-costs: ${problem}\n\n${USAGE}\n`), 2);
  const file = positionals[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return (err.write(`maidian-import-costs: cannot read ${file}: ${(e as Error).message}\n`), 1);
  }
  const { rows, issues } = parseCostCsv(text);
  if (issues.length) {
    err.write(`maidian-import-costs: ${file} has ${issues.length} problem(s); nothing was imported:\n`);
    for (const i of issues) err.write(`  ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}\n`);
    return 1;
  }
  const db = new Database(values.db!);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    const bar = new SingleBar({ stream: err, format: 'importing costs [{bar}] {value}/{total} rows' }, Presets.shades_classic);
    bar.start(rows.length, 0);
    const stored = storeAdCosts(db, values.site!, rows, (done) => bar.update(done));
    bar.stop();
    out.write(`imported ${stored} cost rows for site ${values.site} from ${file}\n`);
    return 0;
  } finally {
    db.close();
  }
}
