import { describe, expect, it } from 'vitest';
import { CAMPAIGN, TOUCHES_KEY, recordTouch } from '../../../sdk/src/core/campaign.js';
import { load } from '../../../sdk/src/core/json.js';
import { memoryStore } from '../../../sdk/src/storage/memory-store.js';
import type { KV } from '../../../sdk/src/core/platform.js';

// The SDK only decides whether a landing is a new touch; the collector reads the fields
// (test/collector/campaign-parsing.test.ts).
describe('CAMPAIGN', () => {
  it('sees UTM fields and click ids with a value, in the query or after #', () => {
    for (const url of [
      '/?utm_source=baidu',
      '/?x=1&utm_marketing_tactic=remarketing',
      '/#/pricing?utm_campaign=spring',
      '/#utm_medium=email',
      ...['gclid', 'gbraid', 'wbraid', 'dclid', 'fbclid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid'].map((k) => `/?${k}=X1`),
    ]) expect([url, CAMPAIGN.test(url)]).toEqual([url, true]);
  });
  it('ignores empty values, other parameters and names inside other names', () => {
    for (const url of ['/?utm_source=', '/?utm_source=&x=1', '/?page=2', '/p/utm_source=x', '/?xutm_source=a', '/?UTM_SOURCE=a']) {
      expect([url, CAMPAIGN.test(url)]).toEqual([url, false]);
    }
  });
});

const touches = (store: KV) => load(store, TOUCHES_KEY);

describe('recordTouch', () => {
  const host = 'shop.example.com';
  it('keeps the first touch once and replaces the last touch only on a campaign or external landing', () => {
    const store = memoryStore();
    recordTouch(store, { url: 'https://shop.example.com/?utm_source=baidu', referrer: 'https://www.baidu.com/s', host }, 1000);
    // a direct return and an internal referrer keep the last touch
    recordTouch(store, { url: 'https://shop.example.com/cart', referrer: '', host }, 2000);
    recordTouch(store, { url: 'https://shop.example.com/cart', referrer: 'https://shop.example.com/', host }, 3000);
    expect(touches(store).campaign).toEqual({ landing: 'https://shop.example.com/?utm_source=baidu', referrer: 'https://www.baidu.com/s', ts: 1000 });
    // an external referrer without UTMs is a new touch
    recordTouch(store, { url: 'https://shop.example.com/a', referrer: 'https://news.example.org/x', host }, 4000);
    expect(touches(store).campaign).toEqual({ referrer: 'https://news.example.org/x', landing: 'https://shop.example.com/a', ts: 4000 });
    // a campaign landing (here after #) is a new touch; the first touch never changes
    recordTouch(store, { url: 'https://shop.example.com/#/?utm_source=newsletter', referrer: '', host }, 5000);
    expect(touches(store).campaign).toEqual({ landing: 'https://shop.example.com/#/?utm_source=newsletter', ts: 5000 });
    expect(touches(store).first).toEqual({ landing: 'https://shop.example.com/?utm_source=baidu', referrer: 'https://www.baidu.com/s', ts: 1000 });
  });
  it('makes a mini-program launch with a scene a new touch, landing path?query', () => {
    const store = memoryStore();
    recordTouch(store, { url: 'pages/index/index?utm_source=moments', scene: 1007 }, 10);
    recordTouch(store, { url: 'pages/index/index', scene: 1089 }, 20);
    expect(touches(store).campaign).toEqual({ scene: 1089, landing: 'pages/index/index', ts: 20 });
    expect(touches(store).first).toEqual({ scene: 1007, landing: 'pages/index/index?utm_source=moments', ts: 10 });
  });
  it('cuts landing and referrer to the dictionary limit of 2048 characters', () => {
    const store = memoryStore();
    const long = 'https://shop.example.com/?q=' + 'x'.repeat(3000);
    recordTouch(store, { url: long, referrer: long, host }, 1);
    const first = touches(store).first;
    expect([first.landing.length, first.referrer.length]).toEqual([2048, 2048]);
  });
});
