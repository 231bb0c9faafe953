import { AnalyticsInputError, assertFiniteNumber, describeValue } from '../input-error.js';
import type { AttributionInput, Touch } from './types.js';

/**
 * Checks an attribution input and throws an {@link AnalyticsInputError} naming the first bad
 * value by JSON pointer. Models call it first so that a NaN never turns into silent nonsense.
 */
export function validateAttributionInput(input: AttributionInput): void {
  if (!input || !Array.isArray(input.conversions)) {
    throw new AnalyticsInputError('/conversions', `got ${describeValue(input?.conversions)}`, 'an array of conversions');
  }
  input.conversions.forEach((c, i) => {
    const at = `/conversions/${i}`;
    assertFiniteNumber(c?.value, `${at}/value`, 0);
    assertFiniteNumber(c.ts, `${at}/ts`);
    validateTouches(c.touches, `${at}/touches`);
  });
  const paths = input.nonConverting ?? [];
  if (!Array.isArray(paths)) {
    throw new AnalyticsInputError('/nonConverting', `got ${describeValue(paths)}`, 'an array of paths');
  }
  paths.forEach((p, i) => {
    validateTouches(p?.touches, `/nonConverting/${i}/touches`);
    if (p.count !== undefined) {
      assertFiniteNumber(p.count, `/nonConverting/${i}/count`, 0);
    }
  });
}

function validateTouches(touches: readonly Touch[] | undefined, at: string): void {
  if (!Array.isArray(touches)) {
    throw new AnalyticsInputError(at, `got ${describeValue(touches)}`, 'an array of touches');
  }
  touches.forEach((t, j) => {
    if (typeof t?.key !== 'string' || t.key.length === 0) {
      throw new AnalyticsInputError(`${at}/${j}/key`, `got ${describeValue(t?.key)}`, 'a non-empty string');
    }
    assertFiniteNumber(t.ts, `${at}/${j}/ts`);
    if (typeof t.direct !== 'boolean') {
      throw new AnalyticsInputError(`${at}/${j}/direct`, `got ${describeValue(t.direct)}`, 'true or false');
    }
  });
}
