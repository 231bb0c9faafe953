import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_CATEGORIES } from '../../../collector/src/channels/source-categories.js';
import { buildSourceLookup, registrableLabel } from '../../../collector/src/channels/source-lookup.js';

const lookup = buildSourceLookup(DEFAULT_SOURCE_CATEGORIES);

describe('source categories', () => {
  it('match a source by its registrable name: host, subdomain or bare name', () => {
    for (const value of ['baidu', 'baidu.com', 'www.baidu.com', 'm.baidu.com', 'image.baidu.com']) {
      expect(lookup(value), value).toEqual({ name: 'baidu', category: 'search' });
    }
    expect(lookup('l.facebook.com')).toEqual({ name: 'facebook', category: 'social' });
    expect(lookup('m.facebook.com')).toEqual({ name: 'facebook', category: 'social' });
    expect(lookup('t.co')).toEqual({ name: 'twitter', category: 'social' });
  });

  it('prefer the most specific host: a product under a portal keeps its own category', () => {
    // v.qq.com is Tencent Video, weixin.qq.com is WeChat, qq.com itself is QQ (social).
    expect(lookup('v.qq.com')).toEqual({ name: 'tencent-video', category: 'video' });
    expect(lookup('mp.weixin.qq.com')).toEqual({ name: 'wechat', category: 'social' });
    expect(lookup('qq.com')).toEqual({ name: 'qq', category: 'social' });
    expect(lookup('yiyan.baidu.com')).toEqual({ name: 'yiyan', category: 'ai' });
    expect(lookup('gemini.google.com')).toEqual({ name: 'gemini', category: 'ai' });
    expect(lookup('tieba.baidu.com')).toEqual({ name: 'tieba', category: 'social' });
  });

  it('match brand aliases under any country domain', () => {
    expect(lookup('google.co.uk')).toEqual({ name: 'google', category: 'search' });
    expect(lookup('news.google.de')).toEqual({ name: 'google', category: 'search' });
    expect(lookup('amazon.co.jp')).toEqual({ name: 'amazon', category: 'shopping' });
    expect(lookup('yahoo.co.jp')).toEqual({ name: 'yahoo', category: 'search' });
  });

  it('know Chinese sites of every category', () => {
    const expected: [string, string, string][] = [
      ['sogou.com', 'sogou', 'search'], ['m.so.com', '360', 'search'], ['m.sm.cn', 'shenma', 'search'],
      ['cn.bing.com', 'bing', 'search'], ['weibo.cn', 'weibo', 'social'], ['douyin', 'douyin', 'social'],
      ['xhslink.com', 'xiaohongshu', 'social'], ['zhuanlan.zhihu.com', 'zhihu', 'social'], ['douban', 'douban', 'social'],
      ['m.bilibili.com', 'bilibili', 'video'], ['kuaishou', 'kuaishou', 'video'], ['youku.com', 'youku', 'video'],
      ['iqiyi.com', 'iqiyi', 'video'], ['ixigua.com', 'ixigua', 'video'], ['item.taobao.com', 'taobao', 'shopping'],
      ['detail.tmall.com', 'tmall', 'shopping'], ['item.jd.com', 'jd', 'shopping'], ['mobile.yangkeduo.com', 'pinduoduo', 'shopping'],
      ['vip.com', 'vipshop', 'shopping'], ['suning', 'suning', 'shopping'], ['dianping.com', 'dianping', 'shopping'],
      ['meituan', 'meituan', 'shopping'], ['chat.deepseek.com', 'deepseek', 'ai'], ['kimi.moonshot.cn', 'kimi', 'ai'],
      ['doubao.com', 'doubao', 'ai'], ['tongyi.aliyun.com', 'tongyi', 'ai'],
    ];
    for (const [value, name, category] of expected) expect(lookup(value), value).toEqual({ name, category });
  });

  it('do not match unknown sites or bare top-level domains', () => {
    expect(lookup('example.com')).toBeUndefined();
    expect(lookup('com')).toBeUndefined();
    expect(lookup('newsletter')).toBeUndefined();
    // "notbaidu.com" is not a subdomain of baidu.com.
    expect(lookup('notbaidu.com')).toBeUndefined();
  });

  it('list every alias once across all categories', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const [category, sites] of Object.entries(DEFAULT_SOURCE_CATEGORIES)) {
      for (const [name, aliases] of Object.entries(sites ?? {})) {
        for (const alias of new Set([name, ...aliases])) {
          const where = `${category}/${name}`;
          const before = seen.get(alias);
          if (before !== undefined && before !== where) duplicates.push(`${alias}: ${before} and ${where}`);
          seen.set(alias, where);
        }
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('registrableLabel finds the label under simple and country second-level suffixes', () => {
    expect(registrableLabel('news.google.co.uk')).toBe('google');
    expect(registrableLabel('www.amazon.com.cn')).toBe('amazon');
    expect(registrableLabel('google.de')).toBe('google');
    expect(registrableLabel('localhost')).toBe('');
  });
});
