/**
 * Solves `A x = b` by Gaussian elimination with partial pivoting. Exact up to float rounding,
 * which is what the Markov model needs instead of simulating random walks. `A` and `b` are
 * copied, not modified. Throws if `A` is singular (a pivot below 1e-14 in absolute value).
 */
export function solveLinearSystem(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    const pivotRow = findPivot(m, col);
    if (Math.abs(m[pivotRow][col]) < 1e-14) {
      throw new Error(`singular system: no usable pivot in column ${col}`);
    }
    [m[col], m[pivotRow]] = [m[pivotRow], m[col]];
    for (let r = col + 1; r < n; r++) {
      const factor = m[r][col] / m[col][col];
      if (factor === 0) continue;
      for (let k = col; k <= n; k++) m[r][k] -= factor * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r][n];
    for (let k = r + 1; k < n; k++) sum -= m[r][k] * x[k];
    x[r] = sum / m[r][r];
  }
  return x;
}

/** Row index (≥ col) with the largest absolute value in column `col`: keeps rounding small. */
function findPivot(m: number[][], col: number): number {
  let best = col;
  for (let r = col + 1; r < m.length; r++) {
    if (Math.abs(m[r][col]) > Math.abs(m[best][col])) best = r;
  }
  return best;
}
