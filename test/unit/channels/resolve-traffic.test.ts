import { describe, expect, it } from 'vitest';
import { resolveTraffic } from '../../../collector/src/channels/resolve-traffic.js';

describe('resolveTraffic: click ids', () => {
  it('a Google click id means google / cpc, even over UTMs (auto-tagging wins)', () => {
    for (const clickIdType of ['gclid', 'gbraid', 'wbraid', 'dclid']) {
      // google is a search site, cpc is PAID → Paid Search (rule 4).
      expect(resolveTraffic({ clickIdType, utm_source: 'newsletter', utm_medium: 'email' })).toEqual({
        source: 'google', medium: 'cpc', channel: 'Paid Search',
      });
    }
  });

  it('keeps utm_campaign next to a Google click id, so shopping and cross-network campaigns still count', () => {
    // google / cpc with SHOP campaign → rule 3 before rule 4.
    expect(resolveTraffic({ clickIdType: 'gclid', utm_campaign: 'spring_shopping' }).channel).toBe('Paid Shopping');
    expect(resolveTraffic({ clickIdType: 'gclid', utm_campaign: 'cross-network' }).channel).toBe('Cross-network');
  });

  it('other paid click ids give the platform / cpc only when there are no UTMs', () => {
    expect(resolveTraffic({ clickIdType: 'msclkid' })).toEqual({ source: 'bing', medium: 'cpc', channel: 'Paid Search' });
    expect(resolveTraffic({ clickIdType: 'ttclid' })).toEqual({ source: 'tiktok', medium: 'cpc', channel: 'Paid Social' });
    expect(resolveTraffic({ clickIdType: 'li_fat_id' })).toEqual({ source: 'linkedin', medium: 'cpc', channel: 'Paid Social' });
    // With UTMs the UTMs win: baidu / cpc → Paid Search.
    expect(resolveTraffic({ clickIdType: 'msclkid', utm_source: 'baidu', utm_medium: 'cpc' })).toEqual({
      source: 'baidu', medium: 'cpc', channel: 'Paid Search',
    });
  });

  it('fbclid and twclid alone are organic social (the platforms tag organic links too)', () => {
    expect(resolveTraffic({ clickIdType: 'fbclid' })).toEqual({ source: 'facebook', medium: 'referral', channel: 'Organic Social' });
    expect(resolveTraffic({ clickIdType: 'twclid' })).toEqual({ source: 'twitter', medium: 'referral', channel: 'Organic Social' });
    // A referrer says more than fbclid: Instagram also adds fbclid.
    expect(resolveTraffic({ clickIdType: 'fbclid', referrerHost: 'l.instagram.com' })).toEqual({
      source: 'instagram', medium: 'referral', channel: 'Organic Social',
    });
  });
});

describe('resolveTraffic: UTMs', () => {
  it('stores source and medium lowercased and trimmed', () => {
    expect(resolveTraffic({ utm_source: ' Baidu ', utm_medium: 'CPC', utm_campaign: 'Brand' })).toEqual({
      source: 'baidu', medium: 'cpc', channel: 'Paid Search',
    });
  });

  it('a missing medium or source is (not set)', () => {
    // newsletter is no known site and (not set) matches no medium rule → Unassigned.
    expect(resolveTraffic({ utm_source: 'newsletter' })).toEqual({ source: 'newsletter', medium: '(not set)', channel: 'Unassigned' });
    expect(resolveTraffic({ utm_medium: 'email' })).toEqual({ source: '(not set)', medium: 'email', channel: 'Email' });
    // ChatGPT tags its links utm_source=chatgpt.com only → AI Assistants.
    expect(resolveTraffic({ utm_source: 'chatgpt.com' }).channel).toBe('AI Assistants');
  });

  it('UTMs win over the referrer and the scene', () => {
    expect(resolveTraffic({ utm_source: 'weibo', utm_medium: 'cpc', referrerHost: 'baidu.com' })).toEqual({
      source: 'weibo', medium: 'cpc', channel: 'Paid Social',
    });
    expect(resolveTraffic({ utm_source: 'sms', utm_medium: 'text', scene: 1007 })).toEqual({ source: 'sms', medium: 'text', channel: 'SMS' });
  });

  it('empty UTM values count as absent', () => {
    expect(resolveTraffic({ utm_source: '  ', utm_medium: '' })).toEqual({ source: '(direct)', medium: '(none)', channel: 'Direct' });
  });
});

describe('resolveTraffic: referrer-only and direct traffic', () => {
  it('a search site referrer is its canonical name / organic', () => {
    expect(resolveTraffic({ referrerHost: 'm.baidu.com' })).toEqual({ source: 'baidu', medium: 'organic', channel: 'Organic Search' });
    expect(resolveTraffic({ referrerHost: 'google.com.hk' })).toEqual({ source: 'google', medium: 'organic', channel: 'Organic Search' });
    expect(resolveTraffic({ referrerHost: 'm.sm.cn' })).toEqual({ source: 'shenma', medium: 'organic', channel: 'Organic Search' });
  });

  it('social, video and shopping referrers are canonical name / referral, channel from the category', () => {
    expect(resolveTraffic({ referrerHost: 'xhslink.com' })).toEqual({ source: 'xiaohongshu', medium: 'referral', channel: 'Organic Social' });
    expect(resolveTraffic({ referrerHost: 'b23.tv' })).toEqual({ source: 'bilibili', medium: 'referral', channel: 'Organic Video' });
    expect(resolveTraffic({ referrerHost: 'item.jd.com' })).toEqual({ source: 'jd', medium: 'referral', channel: 'Organic Shopping' });
  });

  it('AI assistant referrers go to AI Assistants, not Referral', () => {
    expect(resolveTraffic({ referrerHost: 'chatgpt.com' })).toEqual({ source: 'chatgpt', medium: 'referral', channel: 'AI Assistants' });
    expect(resolveTraffic({ referrerHost: 'kimi.com' })).toEqual({ source: 'kimi', medium: 'referral', channel: 'AI Assistants' });
    expect(resolveTraffic({ referrerHost: 'perplexity.ai' }).channel).toBe('AI Assistants');
  });

  it('any other referrer is host / referral', () => {
    expect(resolveTraffic({ referrerHost: 'blog.example.org' })).toEqual({ source: 'blog.example.org', medium: 'referral', channel: 'Referral' });
    expect(resolveTraffic({ referrerHost: 'WWW.Example.org' })).toEqual({ source: 'example.org', medium: 'referral', channel: 'Referral' });
  });

  it('no UTMs and no referrer is direct', () => {
    expect(resolveTraffic({})).toEqual({ source: '(direct)', medium: '(none)', channel: 'Direct' });
  });

  it('a campaign alone does not replace the referrer, but still classifies', () => {
    // google / organic with a SHOP campaign → Organic Shopping (rule 9 before rule 12).
    expect(resolveTraffic({ utm_campaign: 'shop-week', referrerHost: 'google.com' })).toEqual({
      source: 'google', medium: 'organic', channel: 'Organic Shopping',
    });
  });
});

describe('resolveTraffic: mini-program scenes', () => {
  const cases: [string | number, string, string, string][] = [
    [1001, '(direct)', '(none)', 'Direct'],
    [1089, '(direct)', '(none)', 'Direct'],
    [1104, '(direct)', '(none)', 'Direct'],
    // wechat_search is a search site, organic → Organic Search.
    [1005, 'wechat_search', 'organic', 'Organic Search'],
    [1053, 'wechat_search', 'organic', 'Organic Search'],
    // wechat is a social site, share is not PAID → Organic Social.
    [1007, 'wechat', 'share', 'Organic Social'],
    ['1008', 'wechat', 'share', 'Organic Social'],
    [1154, 'wechat', 'moments', 'Organic Social'],
    // qrcode is no known site, offline matches no rule → Unassigned.
    [1011, 'qrcode', 'offline', 'Unassigned'],
    // wechat_oa is a WeChat alias (social) → Organic Social.
    [1035, 'wechat_oa', 'menu', 'Organic Social'],
    [1058, 'wechat_oa', 'article', 'Organic Social'],
    [1037, 'wechat_miniprogram', 'referral', 'Referral'],
    // wechat_ads is a WeChat alias (social), cpc is PAID → Paid Social.
    [1045, 'wechat_ads', 'cpc', 'Paid Social'],
    // medium push ends with "push" → Mobile Push Notifications.
    [1014, 'wechat_message', 'push', 'Mobile Push Notifications'],
  ];
  it.each(cases)('scene %s → %s / %s → %s', (scene, source, medium, channel) => {
    expect(resolveTraffic({ scene })).toEqual({ source, medium, channel });
  });

  it('an unknown scene is direct', () => {
    expect(resolveTraffic({ scene: 9999 })).toEqual({ source: '(direct)', medium: '(none)', channel: 'Direct' });
  });

  it('UTMs in the launch query win over the scene; a Google click id wins over both', () => {
    expect(resolveTraffic({ scene: 1011, utm_source: 'poster', utm_medium: 'offline', utm_campaign: 'store-opening' })).toEqual({
      source: 'poster', medium: 'offline', channel: 'Unassigned',
    });
    expect(resolveTraffic({ scene: 1007, utm_source: 'poster', clickIdType: 'gclid' }).source).toBe('google');
  });
});
