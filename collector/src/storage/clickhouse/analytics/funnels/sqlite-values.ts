/**
 * How SQLite converts bound values when it compares them with a column of some affinity, so
 * the ClickHouse conditions can bind the value SQLite would have compared. better-sqlite3 binds
 * every JS number as a REAL.
 */

/**
 * SQLite's text of a REAL (`CAST(x AS TEXT)`, what a TEXT column compares a bound number as):
 * the shortest digits that read back the same, `.0` on integral values, and exponent form
 * (`1.0e-05`, `1.5e+17`) below 1e-4 or from 1e17 on.
 */
export function sqliteNumberText(x: number): string {
  if (x === 0) return '0.0';
  const [mantissa, exp] = x.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 17) {
    const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const fixed = String(x);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * A string compared with a REAL column: SQLite reads it as a number when it is a well-formed
 * integer or real literal (spaces around allowed); otherwise it stays text and equals no number.
 */
export function sqliteTextAsNumber(s: string): number | null {
  return NUMERIC_TEXT.test(s) ? Number(s.trim()) : null;
}
