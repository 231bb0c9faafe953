import { parse } from 'csv-parse/sync';
import { MAX_COST_ROWS } from './cost-row.js';
import { validateCostRows, type CostIssue, type CostValidation } from './validate-cost-rows.js';

/** Columns a cost CSV must have, and those it may have. */
export const REQUIRED_COLUMNS = ['date', 'source', 'campaign', 'cost', 'currency'] as const;
export const OPTIONAL_COLUMNS = ['medium', 'impressions', 'clicks'] as const;
const KNOWN = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
const NUMERIC = new Set(['cost', 'impressions', 'clicks']);
const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const ALLOWED = `a header row with ${REQUIRED_COLUMNS.join(', ')} and optionally ${OPTIONAL_COLUMNS.join(', ')}`;

/**
 * Parses and validates a cost CSV (UTF-8, comma separated, header row first, column order free).
 * Returns the valid rows and every problem, each with its line number; the caller decides what
 * to do with a file that has problems (Maidian refuses the whole file, see docs/reports.md).
 */
export function parseCostCsv(text: string): CostValidation {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, bom: true, trim: true, skip_empty_lines: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { rows: [], issues: [issue(line ?? 1, '', `the file is not valid CSV: ${(err as Error).message}`, 'comma-separated values, fields with commas or quotes in double quotes')] };
  }
  const header = headerIssues(text);
  if (header.length) return { rows: [], issues: header };
  if (records.length === 0) return { rows: [], issues: [issue(1, '', 'the file has a header but no rows', 'at least one row below the header')] };
  if (records.length > MAX_COST_ROWS) {
    return { rows: [], issues: [issue(1, '', `the file has ${records.length} rows`, `at most ${MAX_COST_ROWS} rows per import; split the file`)] };
  }
  return validateCostRows(
    records.map((r) => toRowInput(r.record)),
    (i) => ({ base: `/lines/${records[i].info.lines}`, line: records[i].info.lines }),
  );
}

function headerIssues(text: string): CostIssue[] {
  const [columns] = parse(text, { to_line: 1, bom: true, trim: true }) as string[][];
  const names = (columns ?? []).map((c) => c.toLowerCase());
  const issues: CostIssue[] = [];
  names.forEach((name) => {
    if (!KNOWN.has(name)) issues.push(issue(1, name, `unknown column "${name}"`, ALLOWED));
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!names.includes(name)) issues.push(issue(1, name, `the column "${name}" is missing`, ALLOWED));
  }
  return issues;
}

/** CSV cells are text: numbers become numbers, empty optional cells are left out. */
function toRowInput(record: Record<string, string>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) {
    const name = column.toLowerCase();
    if (value === '' && name !== 'medium') continue;
    row[name] = NUMERIC.has(name) && NUMBER_TEXT.test(value) ? Number(value) : value;
  }
  return row;
}

function issue(line: number, column: string, message: string, expected: string): CostIssue {
  return { path: column ? `/lines/${line}/${column}` : `/lines/${line}`, line, message: `line ${line}: ${message}`, expected };
}
