import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyChannel } from '../../../collector/src/channels/classify-channel.js';
import { resolveTraffic } from '../../../collector/src/channels/resolve-traffic.js';

// Values drawn from the words the rules and categories use, mixed with arbitrary text, so that
// both matching and non-matching paths are exercised.
const word = fc.oneof(
  fc.constantFrom('baidu', 'm.baidu.com', 'google', 'weibo', 'bilibili', 'taobao', 'chatgpt.com', 'email', 'sms', 'firebase', '(direct)', 'newsletter'),
  fc.constantFrom('cpc', 'cpm', 'ppc', 'paid_social', 'organic', 'referral', 'social media', 'banner', 'app-push', 'affiliate', '(none)', '(not set)'),
  fc.constantFrom('summer-shopping', 'eshop', 'workshop', 'cross-network', 'brand'),
  // ASCII only: full Unicode case mapping is not reversible (ß → SS → ss), and tags are ASCII in practice.
  fc.string({ maxLength: 12, unit: 'grapheme-ascii' }),
);
const mixCase = (s: string, seed: number): string =>
  [...s].map((c, i) => ((seed >> i % 16) & 1 ? c.toUpperCase() : c.toLowerCase())).join('');

describe('matching ignores case and surrounding spaces', () => {
  it('classifyChannel gives the same channel for any casing', () => {
    fc.assert(
      fc.property(word, word, word, fc.integer(), (source, medium, campaign, seed) => {
        const base = classifyChannel({ source, medium, campaign });
        expect(classifyChannel({ source: ` ${mixCase(source, seed)} `, medium: mixCase(medium, ~seed), campaign: mixCase(campaign, seed >> 3) })).toBe(base);
      }),
      { numRuns: 300 },
    );
  });

  it('resolveTraffic stores lowercased, trimmed source and medium from UTMs', () => {
    fc.assert(
      fc.property(word, word, fc.integer(), (source, medium, seed) => {
        const t = resolveTraffic({ utm_source: ` ${mixCase(source, seed)}`, utm_medium: mixCase(medium, seed) });
        // Empty after trimming means absent; both absent falls through to direct.
        const s = source.trim().toLowerCase();
        const m = medium.trim().toLowerCase();
        if (!s && !m) expect(t.source).toBe('(direct)');
        else expect([t.source, t.medium]).toEqual([s || '(not set)', m || '(not set)']);
      }),
      { numRuns: 300 },
    );
  });
});
