/** GA4's thresholds for an engaged session. */
export const ENGAGED_SESSION_RULE = {
  /** A session lasting at least this long (ms) is engaged. */
  minDurationMs: 10_000,
  /** … or one with at least this many page views. */
  minPageViews: 2,
  /** … or one with at least this many conversions. */
  minConversions: 1,
} as const;

/** What the rule looks at in a session. */
export interface SessionActivity {
  /** Last event time − first event time, ms. */
  durationMs: number;
  pageViews: number;
  conversions: number;
}

/**
 * Whether a session is engaged (GA4): it lasts at least 10 s, or has a conversion, or has at
 * least 2 page views. A bounce is a session that is not engaged.
 */
export function isEngagedSession(session: SessionActivity): boolean {
  return (
    session.durationMs >= ENGAGED_SESSION_RULE.minDurationMs ||
    session.pageViews >= ENGAGED_SESSION_RULE.minPageViews ||
    session.conversions >= ENGAGED_SESSION_RULE.minConversions
  );
}
