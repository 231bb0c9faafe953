import { describe, expect, it } from 'vitest';
import { parseCampaign, recordTouch, touches } from '../../../sdk/src/core/campaign.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';

describe('parseCampaign', () => {
  it('reads UTM fields and click ids from the query', () => {
    expect(parseCampaign('https://a.com/p?utm_source=baidu&utm_medium=cpc&gclid=Ab-9&x=1')).toEqual({
      utm_source: 'baidu',
      utm_medium: 'cpc',
      gclid: 'Ab-9',
    });
  });
  it('reads a query after # (hash routing) and lets it win over the main query', () => {
    expect(parseCampaign('https://a.com/?utm_source=q&utm_term=t#/pricing?utm_source=hash&utm_campaign=spring')).toEqual({
      utm_source: 'hash',
      utm_term: 't',
      utm_campaign: 'spring',
    });
  });
  it('decodes + as a space and %2B as a plus', () => {
    expect(parseCampaign('/?utm_campaign=summer+sale&utm_term=c%2B%2B+books')).toEqual({
      utm_campaign: 'summer sale',
      utm_term: 'c++ books',
    });
  });
  it('treats empty values as absent', () => {
    expect(parseCampaign('/?utm_source=&utm_medium=email&gclid=')).toEqual({ utm_medium: 'email' });
  });
  it('keeps the case of click ids and reads every listed platform', () => {
    const url = '/?gbraid=0AAAAAoXyZ&wbraid=WbR&dclid=Dc&fbclid=IwAR&msclkid=Ms1&ttclid=TtC&li_fat_id=Li-F&twclid=Tw';
    expect(parseCampaign(url)).toEqual({ gbraid: '0AAAAAoXyZ', wbraid: 'WbR', dclid: 'Dc', fbclid: 'IwAR', msclkid: 'Ms1', ttclid: 'TtC', li_fat_id: 'Li-F', twclid: 'Tw' });
  });
  it('reads the GA4 extra fields and ignores unknown or differently cased names', () => {
    const url = '/?utm_id=7&utm_source_platform=sa360&utm_creative_format=video&utm_marketing_tactic=remarketing&UTM_SOURCE=x&utm_foo=y';
    expect(parseCampaign(url)).toEqual({ utm_id: '7', utm_source_platform: 'sa360', utm_creative_format: 'video', utm_marketing_tactic: 'remarketing' });
  });
  it('keeps a malformed escape as written instead of losing the field', () => {
    expect(parseCampaign('/?utm_source=100%&utm_medium=cpc')).toEqual({ utm_source: '100%', utm_medium: 'cpc' });
  });
});

describe('recordTouch', () => {
  const host = 'shop.example.com';
  it('keeps the first touch once and replaces the last touch only on a campaign or external landing', () => {
    const store = memoryStore();
    recordTouch(store, { url: 'https://shop.example.com/?utm_source=baidu', referrer: 'https://www.baidu.com/s', host }, 1000);
    // a direct return and an internal referrer keep the last touch
    recordTouch(store, { url: 'https://shop.example.com/cart', host }, 2000);
    recordTouch(store, { url: 'https://shop.example.com/cart', referrer: 'https://shop.example.com/', host }, 3000);
    expect(touches(store).campaign).toMatchObject({ utm_source: 'baidu', ts: 1000 });
    // an external referrer without UTMs is a new touch
    recordTouch(store, { url: 'https://shop.example.com/a', referrer: 'https://news.example.org/x', host }, 4000);
    expect(touches(store).campaign).toEqual({ referrer: 'https://news.example.org/x', landing: 'https://shop.example.com/a', ts: 4000 });
    // a campaign landing is a new touch; the first touch never changes
    recordTouch(store, { url: 'https://shop.example.com/?utm_source=newsletter', host }, 5000);
    expect(touches(store).campaign).toEqual({ utm_source: 'newsletter', landing: 'https://shop.example.com/?utm_source=newsletter', ts: 5000 });
    expect(touches(store).first).toEqual({
      utm_source: 'baidu',
      referrer: 'https://www.baidu.com/s',
      landing: 'https://shop.example.com/?utm_source=baidu',
      ts: 1000,
    });
  });
  it('uses a mini-program scene as a campaign field', () => {
    const store = memoryStore();
    recordTouch(store, { url: 'pages/index/index?utm_source=moments', scene: 1007 }, 10);
    expect(touches(store).campaign).toEqual({ utm_source: 'moments', scene: 1007, landing: 'pages/index/index?utm_source=moments', ts: 10 });
  });
});
