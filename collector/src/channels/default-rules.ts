import type { ChannelRule, ChannelRules, Condition } from './channel-rules.js';
import { DEFAULT_MINI_PROGRAM_SCENES } from './mini-program-scenes.js';
import { DEFAULT_SOURCE_CATEGORIES } from './source-categories.js';

/** The rule version implemented: GA4's default channel grouping plus Maidian's AI Assistants rule. */
export const DEFAULT_RULES_VERSION = 'ga4-default-2024 + maidian-ai-1';

/** GA4's paid medium: anything with "cp" (cpc, cpm, cpv, cpa…), ppc, retargeting, paid… */
const PAID: Condition = { field: 'medium', op: 'regex', pattern: '^(.*cp.*|ppc|retargeting|paid.*)$' };
/** GA4's shopping campaign: "shop" not preceded by a letter other than "e" (eshop yes, workshop no), or "shopping". */
const SHOP: Condition = { field: 'campaign', op: 'regex', pattern: '^(.*(([^a-df-z]|^)shop|shopping).*)$' };

const site = (category: 'search' | 'social' | 'video' | 'shopping' | 'ai'): Condition => ({
  field: 'source',
  op: 'sourceCategory',
  category,
});

/**
 * GA4's default channel grouping (manual traffic), in GA4's order, first match wins.
 * AI Assistants sits after the paid rules and Display (an ad bought on an assistant is still paid)
 * and before the organic and Referral rules, which would otherwise claim assistant traffic: ChatGPT
 * tags its links `utm_source=chatgpt.com`, and referrer-only visits carry medium `referral`.
 */
export const DEFAULT_CHANNEL_RULE_LIST: ChannelRule[] = [
  {
    channel: 'Direct',
    when: { all: [{ field: 'source', op: 'equals', value: '(direct)' }, { field: 'medium', op: 'in', values: ['(none)', '(not set)'] }] },
  },
  { channel: 'Cross-network', when: { field: 'campaign', op: 'contains', value: 'cross-network' } },
  { channel: 'Paid Shopping', when: { all: [{ any: [site('shopping'), SHOP] }, PAID] } },
  { channel: 'Paid Search', when: { all: [site('search'), PAID] } },
  { channel: 'Paid Social', when: { all: [site('social'), PAID] } },
  { channel: 'Paid Video', when: { all: [site('video'), PAID] } },
  { channel: 'Display', when: { field: 'medium', op: 'in', values: ['display', 'banner', 'expandable', 'interstitial', 'cpm'] } },
  { channel: 'Paid Other', when: PAID },
  { channel: 'AI Assistants', when: site('ai') },
  { channel: 'Organic Shopping', when: { any: [site('shopping'), SHOP] } },
  {
    channel: 'Organic Social',
    when: {
      any: [
        site('social'),
        { field: 'medium', op: 'in', values: ['social', 'social-network', 'social-media', 'sm', 'social network', 'social media'] },
      ],
    },
  },
  { channel: 'Organic Video', when: { any: [site('video'), { field: 'medium', op: 'contains', value: 'video' }] } },
  { channel: 'Organic Search', when: { any: [site('search'), { field: 'medium', op: 'equals', value: 'organic' }] } },
  { channel: 'Referral', when: { field: 'medium', op: 'in', values: ['referral', 'app', 'link'] } },
  {
    channel: 'Email',
    when: {
      any: [
        { field: 'source', op: 'in', values: ['email', 'e-mail', 'e_mail', 'e mail'] },
        { field: 'medium', op: 'in', values: ['email', 'e-mail', 'e_mail', 'e mail'] },
      ],
    },
  },
  { channel: 'Affiliates', when: { field: 'medium', op: 'equals', value: 'affiliate' } },
  { channel: 'Audio', when: { field: 'medium', op: 'equals', value: 'audio' } },
  {
    channel: 'SMS',
    when: { any: [{ field: 'source', op: 'equals', value: 'sms' }, { field: 'medium', op: 'equals', value: 'sms' }] },
  },
  {
    channel: 'Mobile Push Notifications',
    when: {
      any: [
        { field: 'medium', op: 'endsWith', value: 'push' },
        { field: 'medium', op: 'contains', value: 'mobile' },
        { field: 'medium', op: 'contains', value: 'notification' },
        { field: 'source', op: 'equals', value: 'firebase' },
      ],
    },
  },
];

/** The complete default rule set: rules, source categories, mini-program scenes, fallback. */
export const DEFAULT_CHANNEL_RULES: ChannelRules = {
  version: DEFAULT_RULES_VERSION,
  rules: DEFAULT_CHANNEL_RULE_LIST,
  sourceCategories: DEFAULT_SOURCE_CATEGORIES,
  scenes: DEFAULT_MINI_PROGRAM_SCENES,
  fallback: 'Unassigned',
};
