import { describe, expect, it } from 'vitest';
import { classifyChannel } from '../../../collector/src/channels/classify-channel.js';
import { DEFAULT_CHANNEL_RULES, DEFAULT_RULES_VERSION } from '../../../collector/src/channels/default-rules.js';

// Each expectation is read off the GA4 default channel grouping (first match wins):
// 1 Direct, 2 Cross-network, 3 Paid Shopping, 4 Paid Search, 5 Paid Social, 6 Paid Video, 7 Display,
// 8 Paid Other, [Maidian: AI Assistants], 9 Organic Shopping, 10 Organic Social, 11 Organic Video,
// 12 Organic Search, 13 Referral, 14 Email, 15 Affiliates, 16 Audio, 17 SMS, 18 Push, 19 Unassigned.
// PAID = medium ~ ^(.*cp.*|ppc|retargeting|paid.*)$ ; SHOP = campaign ~ ^(.*(([^a-df-z]|^)shop|shopping).*)$

describe('GA4 default channel grouping, one rule at a time', () => {
  it('1 Direct: (direct) with (none) or (not set)', () => {
    expect(classifyChannel({ source: '(direct)', medium: '(none)' })).toBe('Direct');
    expect(classifyChannel({ source: '(direct)', medium: '(not set)' })).toBe('Direct');
    // (direct) with another medium is not rule 1; "cpc" is PAID and (direct) is no known site → Paid Other.
    expect(classifyChannel({ source: '(direct)', medium: 'cpc' })).toBe('Paid Other');
  });

  it('2 Cross-network: campaign contains cross-network, even with a paid search source', () => {
    // Rule 2 comes before rule 4, so google + cpc does not reach Paid Search.
    expect(classifyChannel({ source: 'google', medium: 'cpc', campaign: 'pmax-cross-network-q3' })).toBe('Cross-network');
  });

  it('3 Paid Shopping: shopping site and PAID, or SHOP campaign and PAID', () => {
    expect(classifyChannel({ source: 'taobao', medium: 'cpc' })).toBe('Paid Shopping');
    // baidu is a search site, but SHOP ("-shopping") + PAID matches rule 3 before rule 4.
    expect(classifyChannel({ source: 'baidu', medium: 'cpc', campaign: 'summer-shopping' })).toBe('Paid Shopping');
    // "eshop": the letter before "shop" is "e", which [^a-df-z] allows.
    expect(classifyChannel({ source: 'newsletter-partner', medium: 'paid', campaign: 'eshop-launch' })).toBe('Paid Shopping');
  });

  it('SHOP does not match "workshop": k is in f-z', () => {
    // No shopping site, campaign not SHOP → rule 3 fails; baidu is search + cpc → rule 4.
    expect(classifyChannel({ source: 'baidu', medium: 'cpc', campaign: 'workshop' })).toBe('Paid Search');
  });

  it('4 Paid Search: search site and PAID (cpc, ppc, paidsearch)', () => {
    expect(classifyChannel({ source: 'baidu', medium: 'cpc' })).toBe('Paid Search');
    expect(classifyChannel({ source: 'bing', medium: 'ppc' })).toBe('Paid Search');
    expect(classifyChannel({ source: 'sogou', medium: 'paidsearch' })).toBe('Paid Search');
  });

  it('5 Paid Social: social site and PAID', () => {
    expect(classifyChannel({ source: 'douyin', medium: 'cpc' })).toBe('Paid Social');
    expect(classifyChannel({ source: 'facebook', medium: 'retargeting' })).toBe('Paid Social');
  });

  it('6 Paid Video: video site and PAID', () => {
    expect(classifyChannel({ source: 'bilibili', medium: 'cpv' })).toBe('Paid Video');
  });

  it('7 Display: medium display/banner/expandable/interstitial/cpm with a non-category source', () => {
    expect(classifyChannel({ source: 'adnetwork', medium: 'banner' })).toBe('Display');
    expect(classifyChannel({ source: 'adnetwork', medium: 'interstitial' })).toBe('Display');
    // cpm is PAID too, but an unknown source fails rules 3-6, so rule 7 wins over rule 8.
    expect(classifyChannel({ source: 'adnetwork', medium: 'cpm' })).toBe('Display');
    // cpm from a video site is rule 6 first.
    expect(classifyChannel({ source: 'youtube', medium: 'cpm' })).toBe('Paid Video');
  });

  it('8 Paid Other: PAID with no known site', () => {
    expect(classifyChannel({ source: 'partner-network', medium: 'cpa' })).toBe('Paid Other');
  });

  it('9 Organic Shopping: shopping site, or SHOP campaign, without PAID', () => {
    expect(classifyChannel({ source: 'jd', medium: 'referral' })).toBe('Organic Shopping');
    // SHOP beats medium "email" because rule 9 precedes rule 14.
    expect(classifyChannel({ source: 'newsletter', medium: 'email', campaign: 'double11_shop' })).toBe('Organic Shopping');
  });

  it('10 Organic Social: social site, or a social medium', () => {
    expect(classifyChannel({ source: 'xiaohongshu', medium: 'post' })).toBe('Organic Social');
    for (const medium of ['social', 'social-network', 'social-media', 'sm', 'social network', 'social media']) {
      expect(classifyChannel({ source: 'community-forum', medium })).toBe('Organic Social');
    }
  });

  it('11 Organic Video: video site, or medium containing "video"', () => {
    expect(classifyChannel({ source: 'kuaishou', medium: 'referral' })).toBe('Organic Video');
    expect(classifyChannel({ source: 'webinar-host', medium: 'product-video' })).toBe('Organic Video');
  });

  it('12 Organic Search: search site, or medium organic', () => {
    expect(classifyChannel({ source: 'so.com', medium: 'referral' })).toBe('Organic Search');
    expect(classifyChannel({ source: 'some-engine', medium: 'organic' })).toBe('Organic Search');
  });

  it('13 Referral: medium referral, app or link', () => {
    expect(classifyChannel({ source: 'example.org', medium: 'referral' })).toBe('Referral');
    expect(classifyChannel({ source: 'partner-app', medium: 'app' })).toBe('Referral');
    expect(classifyChannel({ source: 'blog', medium: 'link' })).toBe('Referral');
  });

  it('14 Email: source or medium in email, e-mail, e_mail, e mail', () => {
    expect(classifyChannel({ source: 'email', medium: 'newsletter' })).toBe('Email');
    expect(classifyChannel({ source: 'mailchimp', medium: 'e_mail' })).toBe('Email');
    expect(classifyChannel({ source: 'crm', medium: 'e mail' })).toBe('Email');
  });

  it('15 Affiliates and 16 Audio', () => {
    expect(classifyChannel({ source: 'partner', medium: 'affiliate' })).toBe('Affiliates');
    expect(classifyChannel({ source: 'ximalaya-podcast', medium: 'audio' })).toBe('Audio');
  });

  it('17 SMS: source or medium sms', () => {
    expect(classifyChannel({ source: 'sms', medium: 'text' })).toBe('SMS');
    expect(classifyChannel({ source: 'aliyun', medium: 'sms' })).toBe('SMS');
  });

  it('18 Mobile Push Notifications: medium ends with push, contains mobile or notification, or source firebase', () => {
    expect(classifyChannel({ source: 'jpush', medium: 'app-push' })).toBe('Mobile Push Notifications');
    expect(classifyChannel({ source: 'crm', medium: 'mobile-inbox' })).toBe('Mobile Push Notifications');
    expect(classifyChannel({ source: 'crm', medium: 'notification' })).toBe('Mobile Push Notifications');
    expect(classifyChannel({ source: 'firebase', medium: 'inapp' })).toBe('Mobile Push Notifications');
    // "pushed" does not end with "push".
    expect(classifyChannel({ source: 'crm', medium: 'pushed' })).toBe('Unassigned');
  });

  it('19 Unassigned: nothing matches', () => {
    expect(classifyChannel({ source: 'newsletter', medium: '(not set)' })).toBe('Unassigned');
    expect(classifyChannel({})).toBe('Unassigned');
  });
});

describe('Maidian additions and matching details', () => {
  it('AI Assistants: a known assistant without PAID, before Referral', () => {
    expect(classifyChannel({ source: 'chatgpt.com', medium: 'referral' })).toBe('AI Assistants');
    expect(classifyChannel({ source: 'deepseek', medium: '(not set)' })).toBe('AI Assistants');
    // Paid rules come first: an ad bought on an assistant is paid (no category site for 3-6 → rule 8).
    expect(classifyChannel({ source: 'perplexity', medium: 'cpc' })).toBe('Paid Other');
  });

  it('is case-insensitive and ignores surrounding spaces', () => {
    expect(classifyChannel({ source: ' Baidu ', medium: 'CPC' })).toBe('Paid Search');
    expect(classifyChannel({ source: 'Google', medium: 'Organic' })).toBe('Organic Search');
    expect(classifyChannel({ source: 'Partner', medium: 'cpc', campaign: 'Summer-SHOPPING' })).toBe('Paid Shopping');
    expect(classifyChannel({ source: 'EMAIL', medium: 'x' })).toBe('Email');
  });

  it('recognizes Chinese sites in every category', () => {
    expect(classifyChannel({ source: 'shenma', medium: 'cpc' })).toBe('Paid Search');
    expect(classifyChannel({ source: 'weibo', medium: 'cpc' })).toBe('Paid Social');
    expect(classifyChannel({ source: 'iqiyi', medium: 'cpc' })).toBe('Paid Video');
    expect(classifyChannel({ source: 'pinduoduo', medium: 'cpc' })).toBe('Paid Shopping');
    expect(classifyChannel({ source: 'zhihu', medium: 'answer' })).toBe('Organic Social');
  });

  it('records the rule version', () => {
    expect(DEFAULT_CHANNEL_RULES.version).toBe(DEFAULT_RULES_VERSION);
    expect(DEFAULT_RULES_VERSION).toMatch(/ga4-default-2024/);
    // 19 GA4 rules, of which rule 19 (Unassigned) is the fallback, plus AI Assistants: 18 + 1 listed.
    expect(DEFAULT_CHANNEL_RULES.rules).toHaveLength(19);
    expect(DEFAULT_CHANNEL_RULES.fallback).toBe('Unassigned');
  });
});
