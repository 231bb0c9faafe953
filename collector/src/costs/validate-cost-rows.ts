import { reasonsFromZod } from '../dictionary/zod-reasons.js';
import { COST_FIELD_RULES, CostRowSchema, normalizeCostRow, type CostRow } from './cost-row.js';

/** One problem with an imported row: what was wrong, where, what is allowed. */
export interface CostIssue {
  /** JSON pointer, e.g. `/rows/3/cost` (JSON) or `/lines/5/cost` (CSV, by line number). */
  path: string;
  message: string;
  expected?: string;
  /** CSV only: the line of the file (1 = the header). */
  line?: number;
}

/** The outcome of validating an import: valid rows, and every problem found. */
export interface CostValidation {
  rows: CostRow[];
  issues: CostIssue[];
}

/**
 * Validates rows one by one and collects every problem instead of stopping at the first, so a
 * user fixes a file in one pass. `where(i)` gives the pointer prefix and line of row `i`.
 * Two rows for the same day and campaign are refused: the second would silently replace the first.
 */
export function validateCostRows(
  input: readonly unknown[],
  where: (index: number) => { base: string; line?: number },
): CostValidation {
  const rows: CostRow[] = [];
  const issues: CostIssue[] = [];
  const seen = new Map<string, string>();
  input.forEach((raw, i) => {
    const { base, line } = where(i);
    const parsed = CostRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const r of reasonsFromZod(parsed.error, base)) {
        const field = r.path.slice(base.length + 1).split('/')[0];
        const expected = r.expected ?? COST_FIELD_RULES[field];
        issues.push({ path: r.path, message: line ? `line ${line}: ${r.message}` : r.message, ...(expected ? { expected } : {}), ...(line ? { line } : {}) });
      }
      return;
    }
    const row = normalizeCostRow(parsed.data);
    const key = JSON.stringify([row.date, row.source, row.medium, row.campaign]);
    const first = seen.get(key);
    if (first) {
      issues.push({
        path: base, message: `${line ? `line ${line}: ` : ''}the same date, source, medium and campaign already appear at ${first}`,
        expected: 'one row per date, source, medium and campaign', ...(line ? { line } : {}),
      });
      return;
    }
    seen.set(key, line ? `line ${line}` : base);
    rows.push(row);
  });
  return { rows, issues };
}
