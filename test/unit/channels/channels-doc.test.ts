import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_RULES } from '../../../collector/src/channels/default-rules.js';

const doc = readFileSync(new URL('../../../docs/channels.md', import.meta.url), 'utf8');

describe('docs/channels.md', () => {
  it('names the implemented rule version', () => {
    expect(doc).toContain(`\`${DEFAULT_CHANNEL_RULES.version}\``);
  });

  it('lists the channels in the order the rules apply them, then the fallback', () => {
    // Rows of the channel table look like "| 4 | Paid Search | 付费搜索 | …".
    const documented = [...doc.matchAll(/^\| (?:\d+|—) \| ([A-Za-z -]+?) \| /gm)].map((m) => m[1]);
    const implemented = [...DEFAULT_CHANNEL_RULES.rules.map((r) => r.channel), DEFAULT_CHANNEL_RULES.fallback];
    expect(documented).toEqual(implemented);
  });
});
