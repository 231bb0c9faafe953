import { describe, expect, it } from 'vitest';
import { parseChannelRulesOverride } from '../../../collector/src/channels/channel-rules-override.js';
import { classifyChannel } from '../../../collector/src/channels/classify-channel.js';
import { DEFAULT_CHANNEL_RULES } from '../../../collector/src/channels/default-rules.js';
import { mergeChannelRules } from '../../../collector/src/channels/merge-channel-rules.js';
import { resolveTraffic } from '../../../collector/src/channels/resolve-traffic.js';

const site = mergeChannelRules(
  DEFAULT_CHANNEL_RULES,
  parseChannelRulesOverride({
    version: 'shop-3',
    rules: [
      { channel: 'KOL', when: { all: [{ field: 'medium', op: 'equals', value: 'kol' }, { field: 'source', op: 'sourceCategory', category: 'social' }] } },
      { channel: 'Offline', when: { any: [{ field: 'medium', op: 'in', values: ['offline', 'print'] }, { field: 'source', op: 'regex', pattern: '^poster-\\d+$' }] } },
    ],
    sourceCategories: {
      search: { toutiao: ['toutiao', 'toutiao.com'], baidu: ['baidu.cn'] },
      shopping: { youzan: ['youzan', 'youzan.com'] },
    },
    scenes: { '1011': { source: 'store_qrcode', medium: 'offline' }, '1129': { source: 'wechat_crawler', medium: 'bot' } },
  }),
);

describe('site channel rules', () => {
  it('record both versions', () => {
    expect(site.version).toBe(`${DEFAULT_CHANNEL_RULES.version} + site:shop-3`);
  });

  it('run site rules before the defaults', () => {
    // Without the site rule xiaohongshu / kol is a social site → Organic Social.
    expect(classifyChannel({ source: 'xiaohongshu', medium: 'kol' })).toBe('Organic Social');
    expect(classifyChannel({ source: 'xiaohongshu', medium: 'KOL' }, site)).toBe('KOL');
    expect(classifyChannel({ source: 'Poster-12', medium: 'x' }, site)).toBe('Offline');
    // Default rules still apply after the site's.
    expect(classifyChannel({ source: 'baidu', medium: 'cpc' }, site)).toBe('Paid Search');
  });

  it('add source categories, move a source to another category, extend an existing site', () => {
    expect(classifyChannel({ source: 'youzan.com', medium: 'cpc' }, site)).toBe('Paid Shopping');
    // toutiao is social by default; the site lists it as search.
    expect(classifyChannel({ source: 'toutiao', medium: 'cpc' })).toBe('Paid Social');
    expect(classifyChannel({ source: 'toutiao', medium: 'cpc' }, site)).toBe('Paid Search');
    // baidu keeps its default aliases and gains baidu.cn.
    expect(resolveTraffic({ referrerHost: 'm.baidu.cn' }, site)).toEqual({ source: 'baidu', medium: 'organic', channel: 'Organic Search' });
    expect(resolveTraffic({ referrerHost: 'm.baidu.com' }, site).source).toBe('baidu');
  });

  it('add and replace mini-program scenes', () => {
    // The site's 1011 replaces the default, and offline now matches the site rule "Offline".
    expect(resolveTraffic({ scene: 1011 }, site)).toEqual({ source: 'store_qrcode', medium: 'offline', channel: 'Offline' });
    expect(resolveTraffic({ scene: 1129 }, site)).toEqual({ source: 'wechat_crawler', medium: 'bot', channel: 'Unassigned' });
    expect(resolveTraffic({ scene: 1007 }, site).channel).toBe('Organic Social');
  });

  it('leave the defaults unchanged', () => {
    expect(DEFAULT_CHANNEL_RULES.rules).toHaveLength(19);
    expect(DEFAULT_CHANNEL_RULES.sourceCategories.social?.toutiao).toEqual(['toutiao', 'toutiao.com']);
    expect(DEFAULT_CHANNEL_RULES.scenes['1011'].source).toBe('qrcode');
  });
});

describe('parseChannelRulesOverride errors', () => {
  const messageOf = (value: unknown): string => {
    try {
      parseChannelRulesOverride(value);
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('expected the override to be rejected');
  };

  it('names an invalid regex by JSON pointer', () => {
    const message = messageOf({ rules: [{ channel: 'X', when: { field: 'source', op: 'regex', pattern: '(' } }] });
    expect(message).toContain('/rules/0/when/pattern');
    expect(message).toContain('valid JavaScript regular expression');
  });

  it('names an unknown operator and the allowed ones', () => {
    const message = messageOf({ rules: [{ channel: 'X', when: { any: [{ field: 'source', op: 'startsWith', value: 'a' }] } }] });
    // The union is reported through the "any" branch down to the bad operator.
    expect(message).toContain('/rules/0/when/any/0/op:');
    expect(message).toContain("'equals' | 'in' | 'regex' | 'contains' | 'endsWith' | 'sourceCategory'");
  });

  it('reports a bad leaf inside "all" at its own pointer', () => {
    const message = messageOf({ rules: [{ channel: 'X', when: { all: [{ field: 'medium', op: 'in', values: [] }] } }] });
    expect(message).toContain('/rules/0/when/all/0/values:');
  });

  it('rejects unknown categories and keys', () => {
    expect(messageOf({ sourceCategories: { news: { sina: ['sina.com.cn'] } } })).toContain(
      '/sourceCategories: unknown category "news"; allowed: search, social, video, shopping, ai',
    );
    expect(messageOf({ scenes: { 'a b': { source: 's', medium: 'm' } } })).toContain('/scenes/a b: scene keys are launch scene values');
    expect(messageOf({ rulez: [] })).toContain('rulez');
    expect(messageOf({ rules: [{ channel: '', when: { field: 'medium', op: 'equals', value: 'x' } }] })).toContain('/rules/0/channel');
  });

  it('sourceCategory conditions test the source only', () => {
    expect(messageOf({ rules: [{ channel: 'X', when: { field: 'medium', op: 'sourceCategory', category: 'social' } }] })).toContain(
      '/rules/0/when/field:',
    );
  });
});
