import { isIPv4, isIPv6 } from 'node:net';

/** How the collector anonymizes IP addresses before storage. */
export type IpMode = 'truncate' | 'drop';

/**
 * Anonymizes an IP address: IPv4 keeps the first three octets (`203.0.113.0`), IPv6 the first
 * 48 bits (`2001:db8:85a3::`). IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is treated as IPv4. The full
 * address is never returned; anything unparseable gives null.
 */
export function anonymizeIp(ip: string | null | undefined, mode: IpMode = 'truncate'): string | null {
  if (!ip || mode === 'drop') return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped ? mapped[1] : ip;
  if (isIPv4(v4)) return v4.split('.').slice(0, 3).join('.') + '.0';
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return null;
  const groups = expandIpv6(bare).slice(0, 3).map((g) => parseInt(g, 16).toString(16));
  return `${groups.join(':')}::`;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two). */
function expandIpv6(ip: string): string[] {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, null];
  const part = (s: string | null) => (s ? s.split(':').flatMap(v4Groups) : []);
  const left = part(head);
  const right = part(tail);
  return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
}

function v4Groups(group: string): string[] {
  if (!group.includes('.')) return [group];
  const [a, b, c, d] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
