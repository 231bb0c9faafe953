import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignColumns, campaignFromLanding, firstTouchJson, withLandingFields } from '../../collector/src/ingest/enrich/campaign.js';
import { startTestCollector, type TestCollector } from './helpers/test-collector.js';
import { batch, pageView } from './helpers/events.js';

describe('campaignFromLanding', () => {
  it('reads UTM fields and click ids from the query, ignoring other parameters', () => {
    expect(campaignFromLanding('https://a.com/p?utm_source=baidu&utm_medium=cpc&gclid=Ab-9&x=1')).toEqual({
      utm_source: 'baidu',
      utm_medium: 'cpc',
      gclid: 'Ab-9',
    });
  });

  it('reads a query after # (hash routing), which wins over the main query', () => {
    // utm_source appears twice: `q` in the query, `hash` after #/pricing?; the later one wins.
    expect(campaignFromLanding('https://a.com/?utm_source=q&utm_term=t#/pricing?utm_source=hash&utm_campaign=spring')).toEqual({
      utm_source: 'hash',
      utm_term: 't',
      utm_campaign: 'spring',
    });
    // only after #: a query-less URL of a hash-routed app
    expect(campaignFromLanding('https://a.com/#/p?utm_medium=email')).toEqual({ utm_medium: 'email' });
  });

  it('decodes + as a space and %2B as a plus', () => {
    // summer+sale → "summer sale"; c%2B%2B+books → "c" "++" " books"
    expect(campaignFromLanding('/?utm_campaign=summer+sale&utm_term=c%2B%2B+books')).toEqual({
      utm_campaign: 'summer sale',
      utm_term: 'c++ books',
    });
    // UTF-8 escapes: %E6%98%A5 is 春
    expect(campaignFromLanding('/?utm_campaign=%E6%98%A5')).toEqual({ utm_campaign: '春' });
  });

  it('treats empty and blank values as absent', () => {
    expect(campaignFromLanding('/?utm_source=&utm_medium=email&gclid=&utm_term=+')).toEqual({ utm_medium: 'email' });
  });

  it('keeps the case of click ids and reads every listed platform', () => {
    const url = '/?gbraid=0AAAAAoXyZ&wbraid=WbR&dclid=Dc&fbclid=IwAR&msclkid=Ms1&ttclid=TtC&li_fat_id=Li-F&twclid=Tw';
    expect(campaignFromLanding(url)).toEqual({
      gbraid: '0AAAAAoXyZ', wbraid: 'WbR', dclid: 'Dc', fbclid: 'IwAR', msclkid: 'Ms1', ttclid: 'TtC', li_fat_id: 'Li-F', twclid: 'Tw',
    });
  });

  it('reads the GA4 extra fields and ignores unknown or differently cased names', () => {
    const url = '/?utm_id=7&utm_source_platform=sa360&utm_creative_format=video&utm_marketing_tactic=remarketing&UTM_SOURCE=x&utm_foo=y';
    expect(campaignFromLanding(url)).toEqual({ utm_id: '7', utm_source_platform: 'sa360', utm_creative_format: 'video', utm_marketing_tactic: 'remarketing' });
  });

  it('keeps a stray % as written instead of losing the field', () => {
    // "100%" has no two hex digits after %; "50%25off" decodes %25 to %.
    expect(campaignFromLanding('/?utm_source=100%&utm_medium=cpc&utm_content=50%25off')).toEqual({ utm_source: '100%', utm_medium: 'cpc', utm_content: '50%off' });
  });

  it('reads a mini-program landing (path?query) and caps values at the dictionary limits', () => {
    expect(campaignFromLanding('pages/index/index?utm_source=moments&utm_campaign=spring%20sale')).toEqual({ utm_source: 'moments', utm_campaign: 'spring sale' });
    // UTM values stop at 256 characters, click ids at 512
    const long = campaignFromLanding(`/?utm_term=${'a'.repeat(300)}&gclid=${'b'.repeat(600)}`);
    expect([long.utm_term!.length, long.gclid!.length]).toEqual([256, 512]);
  });

  it('reads nothing from an absent landing', () => {
    expect(campaignFromLanding(undefined)).toEqual({});
  });
});

describe('withLandingFields and campaignColumns', () => {
  it('lets explicit fields win over the landing, per field', () => {
    const touch = { landing: '/?utm_source=landing&utm_medium=cpc', utm_source: 'explicit', ts: 5 };
    expect(withLandingFields(touch)).toEqual({ landing: '/?utm_source=landing&utm_medium=cpc', utm_source: 'explicit', utm_medium: 'cpc', ts: 5 });
    // an empty explicit field is absent, so the landing's value fills it
    expect(withLandingFields({ landing: '/?utm_source=landing', utm_source: '' }).utm_source).toBe('landing');
  });

  it('derives the columns from the landing: UTMs, the first click id in order, the scene', () => {
    // fbclid and gclid both present: gclid comes first in CLICK_ID_TYPES
    expect(campaignColumns({ landing: 'https://s.com/?fbclid=F1&gclid=G1&utm_source=news&utm_content=a+b', scene: 1007 })).toEqual({
      utm_source: 'news', utm_medium: null, utm_campaign: null, utm_term: null, utm_content: 'a b', utm_id: null,
      click_id_type: 'gclid', click_id: 'G1', scene: '1007',
    });
  });

  it('writes the first touch with its landing fields filled in', () => {
    expect(JSON.parse(firstTouchJson({ landing: '/#/home?utm_source=weibo', referrer: 'https://weibo.com/', ts: 1 })!)).toEqual({
      landing: '/#/home?utm_source=weibo', referrer: 'https://weibo.com/', ts: 1, utm_source: 'weibo',
    });
    expect(firstTouchJson(undefined)).toBeNull();
  });
});

describe('ingest of landing-only touches', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector();
  });
  afterAll(() => c.stop());

  it('stores the UTM and click-id columns read from context.campaign.landing, and resolves the channel', async () => {
    const now = Date.now();
    const ad = pageView(now, '/', { context: { campaign: { landing: 'https://shop.example.com/?utm_source=baidu&utm_medium=cpc&utm_campaign=spring+sale', ts: now } } });
    const google = pageView(now, '/', { context: { campaign: { landing: 'https://shop.example.com/#/p?gclid=Cj0K', ts: now } } });
    const res = await c.post('/v1/batch', batch([ad, google], now));
    expect(res.status).toBe(200);
    const rows = c.query<Record<string, unknown>>('SELECT id, utm_source, utm_medium, utm_campaign, click_id_type, click_id, channel FROM events ORDER BY seq');
    const byId = new Map(rows.map((r) => [r.id, r]));
    // baidu is a search site and cpc is paid: Paid Search (GA4 rule 4)
    expect(byId.get(ad.id)).toMatchObject({ utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring sale', click_id_type: null, channel: 'Paid Search' });
    // a Google click id alone marks paid Google traffic
    expect(byId.get(google.id)).toMatchObject({ utm_source: null, click_id_type: 'gclid', click_id: 'Cj0K', channel: 'Paid Search' });
  });
});
