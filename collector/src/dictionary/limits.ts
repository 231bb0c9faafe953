/**
 * Size limits of the wire format. The SDK stays below them and the collector enforces them with
 * clear errors, so they live in one place.
 */
export const LIMITS = {
  /** Largest request body the collector reads (bytes). The SDK keeps each request under 64 KB. */
  bodyBytes: 512 * 1024,
  /** Largest request the SDK sends (bytes). */
  sdkRequestBytes: 64 * 1024,
  /** Most events in one batch. */
  batchEvents: 500,
  /** Longest string property value. */
  stringLength: 1024,
  /** Longest URL or referrer. */
  urlLength: 2048,
  /** Most properties on one event. */
  propertyCount: 64,
  /** Longest property or event name. */
  nameLength: 64,
} as const;
