/**
 * fast-check arbitraries for fuzzing the collector: valid events that follow the wire format
 * (collector/src/dictionary/events.ts) and the shop test dictionary, mutations of them, and
 * hostile raw bodies and query values.
 */
import fc from 'fast-check';

type Json = Record<string, unknown>;

const idChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split(''));
let seq = 0;
/** A valid, unique event id (the suffix keeps generated ids from colliding). */
const eventId = fc.string({ unit: idChars, minLength: 8, maxLength: 40 }).map((s) => `${s}_${(seq++).toString(36)}`);
const shortText = fc.string({ maxLength: 60 });
const path = fc.webPath({ size: 'small' }).map((p) => (p.startsWith('/') ? p : `/${p}`).slice(0, 200));

const context = fc.record({
  platform: fc.constantFrom('web', 'h5', 'wechat', 'alipay', 'bytedance'),
  library: fc.record({ name: fc.constant('maidian-web'), version: fc.constant('0.1.0') }),
  page: path.map((p) => ({ url: `https://shop.example.com${p}`, path: p })),
  campaign: fc.option(fc.record({ utm_source: shortText, utm_medium: shortText }, { requiredKeys: [] }), { nil: undefined }),
}).map((c) => JSON.parse(JSON.stringify(c)) as Json); // drop undefined keys, as JSON on the wire would

const baseFields = fc.record({
  id: eventId,
  ts: fc.integer({ min: Date.now() - 3 * 86_400_000, max: Date.now() }),
  anonymousId: fc.string({ minLength: 1, maxLength: 40 }),
  sessionId: fc.string({ minLength: 1, maxLength: 40 }),
  context,
});

/** A valid event of the shop site: page view, declared custom event or conversion. */
export const validEvent: fc.Arbitrary<Json> = fc.oneof(
  baseFields.map((b) => ({ ...b, event: 'page_view' })),
  fc.tuple(baseFields, fc.constantFrom('basic', 'pro'), fc.integer({ min: 1, max: 100 })).map(([b, plan, seats]) => ({ ...b, event: 'signup', props: { plan, seats } })),
  fc.tuple(baseFields, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('CNY', 'USD')).map(([b, value, currency]) => ({ ...b, event: 'conversion', props: { goal: 'purchase', value, currency } })),
);

/** Strings meant to break parsers, SQL, HTML and JavaScript objects. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__', 'constructor', 'prototype', "'; DROP TABLE events; --", '" OR 1=1 --', '<script>alert(1)</script>',
    '\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud83d', '\u202e', '\uffff', '%00', '../../etc/passwd', '${7*7}', '{{7*7}}',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ minLength: 1025, maxLength: 3000 }),
);

/** Values of every JSON type, some hostile, some deeply nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, Number.MAX_SAFE_INTEGER + 2, 1.5),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 30, max: 200 }).map((d) => JSON.parse('['.repeat(d) + ']'.repeat(d)) as unknown),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'), fc.jsonValue({ maxDepth: 1 })),
);

const fieldPath = fc.constantFrom(
  ['id'], ['ts'], ['event'], ['anonymousId'], ['sessionId'], ['userId'], ['props'], ['props', 'plan'], ['props', '__proto__'],
  ['context'], ['context', 'platform'], ['context', 'page'], ['context', 'page', 'url'], ['context', 'campaign', 'utm_source'],
  ['__proto__'], ['constructor'], ['identities'], ['identities', 'email'], ['traits'],
);

/** A valid event with one field replaced by a hostile value (it may, by chance, stay valid). */
export const mutatedEvent: fc.Arbitrary<Json> = fc.tuple(validEvent, fieldPath, hostileValue, fc.boolean()).map(([ev, path, value, remove]) => {
  // Rebuilt from JSON text so "__proto__" becomes an own key, as it would arriving on the wire.
  const copy = JSON.parse(JSON.stringify(ev)) as Json;
  let at: Json = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Json;
  }
  const last = path[path.length - 1];
  if (remove) delete at[last];
  else Object.defineProperty(at, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
});

/** Raw bodies: random bytes, random text, random JSON, near-miss envelopes, deep nesting. */
export const rawBody: fc.Arbitrary<Uint8Array | string> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.json({ maxDepth: 4 }),
  fc.record({ site: fc.oneof(fc.constant('shop'), hostileString), sentAt: hostileValue, batch: hostileValue, key: hostileValue }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  fc.integer({ min: 33, max: 100_000 }).map((d) => '{"site":"shop","batch":' + '['.repeat(d) + ']'.repeat(d) + '}'),
  fc.constantFrom('', ' ', 'null', '[]', '{}', '"x"', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}'),
);

/** A query string of random parameters, some with the names reports use. */
export const queryString: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom('site', 'from', 'to', 'limit', 'by', 'dimension', 'metric', 'interval', 'metrics', 'status', 'model', 'currency', '__proto__', 'constructor', 'site[]'), fc.string({ maxLength: 10 })), fc.oneof(fc.constantFrom('shop', '2024-01-01', '2024-13-45', '-1', '1e9', 'NaN'), hostileString)), { maxLength: 6 })
  .chain((pairs) => fc.constantFrom('', '&%', '&site=%ff%fe', '&from=%E0%A4%A', '&%zz=1').map((raw) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&') + raw));

/** Percent-encodes text; a lone surrogate (which encodeURIComponent refuses) becomes invalid UTF-8 bytes. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80' + encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''));
  }
}
