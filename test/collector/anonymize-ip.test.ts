import { describe, expect, it } from 'vitest';
import { anonymizeIp } from '../../collector/src/ingest/enrich/ip.js';

describe('anonymizeIp', () => {
  it.each([
    ['203.0.113.57', '203.0.113.0'], // IPv4: last octet zeroed
    ['::ffff:198.51.100.7', '198.51.100.0'], // IPv4-mapped IPv6 is IPv4
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'], // first 48 bits = 3 groups
    ['2001:db8::1', '2001:db8:0::'], // the third group is the zero group inside "::"
    ['fe80::1%eth0', 'fe80:0:0::'], // zone id dropped
    ['::1', '0:0:0::'],
  ])('%s → %s', (ip, expected) => {
    expect(anonymizeIp(ip)).toBe(expected);
  });

  it('returns null for no address, garbage, or mode drop', () => {
    expect(anonymizeIp(undefined)).toBeNull();
    expect(anonymizeIp('not-an-ip')).toBeNull();
    expect(anonymizeIp('203.0.113.57', 'drop')).toBeNull();
  });
});
