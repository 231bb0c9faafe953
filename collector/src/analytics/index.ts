/**
 * Maidian's analytics core: pure computations with no I/O. Queries feed them aggregates or
 * per-person rows; HTTP routes and alerts read their results.
 */
export * from './attribution/index.js';
export * from './funnels/index.js';
export * from './rfm/index.js';
export * from './metrics/index.js';
export { AnalyticsInputError } from './input-error.js';
