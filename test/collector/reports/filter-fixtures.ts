/**
 * A small, hand-made history for session filters, creatives and month boundaries (site "shop",
 * Asia/Shanghai = UTC+8; `day(n)` from report-fixtures.ts, day 0 = 2026-02-28).
 *
 *  V1 desktop  day 1 10:00  baidu / cpc, "spring", utm_content "red"        → Paid Search; one page, bounces
 *  V2 mobile   day 1 10:05  baidu / cpc, "spring", "red"; buys 100 CNY 10:06 → Paid Search; engaged (converts)
 *  V3 mobile   day 1 10:10  baidu / cpc, "spring", "blue"; 2nd page 10:11    → Paid Search; engaged (2 pages)
 *  V4 mobile   day 1 11:00  newsletter / email, "march-news", "red"          → Email; one page, bounces
 *  V6 desktop  day 0 10:00 and day 1 12:00, direct                          → Direct; one page each, bounce
 */
import { batch, conversion, pageView } from '../helpers/events.js';
import type { TestCollector } from '../helpers/test-collector.js';
import { day } from './report-fixtures.js';

type Json = Record<string, any>;
const MOBILE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

const utm = (source: string, medium: string, campaign: string, content: string) => ({
  context: { campaign: { utm_source: source, utm_medium: medium, utm_campaign: campaign, utm_content: content } },
});
const who = (v: string, s = `${v}-1`) => ({ anonymousId: `anon-${v}`, sessionId: s });

/** Each visitor's events and the user agent its batch is sent with. */
function visitors(): { ua: string; events: Json[] }[] {
  return [
    { ua: DESKTOP_UA, events: [pageView(day(1), '/', { ...who('v1'), ...utm('baidu', 'cpc', 'spring', 'red') })] },
    {
      ua: MOBILE_UA,
      events: [
        pageView(day(1, 10, 5), '/', { ...who('v2'), ...utm('baidu', 'cpc', 'spring', 'red') }),
        conversion(day(1, 10, 6), 100, 'CNY', who('v2')),
      ],
    },
    {
      ua: MOBILE_UA,
      events: [pageView(day(1, 10, 10), '/', { ...who('v3'), ...utm('baidu', 'cpc', 'spring', 'blue') }), pageView(day(1, 10, 11), '/p', who('v3'))],
    },
    { ua: MOBILE_UA, events: [pageView(day(1, 11), '/', { ...who('v4'), ...utm('newsletter', 'email', 'march-news', 'red') })] },
    { ua: DESKTOP_UA, events: [pageView(day(0), '/', who('v6', 'v6-0')), pageView(day(1, 12), '/', who('v6', 'v6-1'))] },
  ];
}

/** Ingests the history through POST /v1/batch, one batch per visitor with its user agent. */
export async function seedFilterHistory(c: TestCollector): Promise<void> {
  for (const v of visitors()) {
    const res = await c.post('/v1/batch', batch(v.events, Date.now()), { 'user-agent': v.ua });
    if (res.body.accepted !== v.events.length) throw new Error(`seeding failed: ${JSON.stringify(res.body)}`);
  }
}
