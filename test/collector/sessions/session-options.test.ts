import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_OPTIONS, sessionOptionsFor, SessionOptionsError } from '../../../collector/src/analytics/sessions/session-options.js';

describe('session options', () => {
  it('default to GA4: 30 minutes, no campaign split, 90-day lookback; 3-day bot limit', () => {
    expect(DEFAULT_SESSION_OPTIONS).toEqual({
      sessionTimeoutMs: 30 * 60 * 1000,
      splitOnCampaignChange: false,
      lastNonDirectLookbackMs: 90 * 24 * 60 * 60 * 1000,
      botSessionMaxMs: 3 * 24 * 60 * 60 * 1000,
    });
  });

  it('layers a site over the defaults', () => {
    const o = sessionOptionsFor({ defaults: { sessionTimeoutMs: 20 * 60_000 }, sites: { shop: { splitOnCampaignChange: true } } }, 'shop');
    expect(o).toMatchObject({ sessionTimeoutMs: 1_200_000, splitOnCampaignChange: true });
    expect(sessionOptionsFor({ sites: { shop: { splitOnCampaignChange: true } } }, 'blog').splitOnCampaignChange).toBe(false);
  });

  it('reports where a bad option is and what is allowed', () => {
    const bad = () => sessionOptionsFor({ sites: { shop: { sessionTimeoutMs: 5 } } }, 'shop');
    expect(bad).toThrow(SessionOptionsError);
    expect(bad).toThrow(/\/sites\/shop\/sessionTimeoutMs: .*>=60000/);
    expect(() => sessionOptionsFor({ defaults: { timeout: 5 } as never }, 'shop')).toThrow(/\/defaults\/timeout: unknown option "timeout"; the options are sessionTimeoutMs/);
  });
});
