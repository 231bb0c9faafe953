/**
 * Bad input to an analytics computation, reported so the caller can act on it: what was wrong,
 * where (a JSON pointer into the input), and what is allowed. The HTTP layer turns it into a
 * 400 response without having to parse the message.
 */
export class AnalyticsInputError extends Error {
  /** JSON pointer (RFC 6901) to the offending value, e.g. `/conversions/3/touches/0/ts`. */
  readonly pointer: string;
  /** What would have been accepted, e.g. `a finite number ≥ 0`. */
  readonly expected: string;

  constructor(pointer: string, problem: string, expected: string) {
    super(`${pointer || '/'}: ${problem}; expected ${expected}`);
    this.name = 'AnalyticsInputError';
    this.pointer = pointer;
    this.expected = expected;
  }
}

/** Throws unless `value` is a finite number (optionally ≥ `min`). */
export function assertFiniteNumber(value: unknown, pointer: string, min?: number): asserts value is number {
  const expected = min === undefined ? 'a finite number' : `a finite number ≥ ${min}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AnalyticsInputError(pointer, `got ${describeValue(value)}`, expected);
  }
  if (min !== undefined && value < min) {
    throw new AnalyticsInputError(pointer, `got ${value}, which is below ${min}`, expected);
  }
}

/** Short, safe description of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
