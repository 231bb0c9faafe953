/**
 * Facts about given persons (audience lift and export) on ClickHouse against the SQLite engine:
 * which persons converted in a range, and which identities they own. Persons are seeded through
 * the real ingest of a SQLite collector and copied with their derived rows into one server and a
 * 2-shard cluster (sharded by visitor: ann's two devices, and ann's phone and bob, sit on
 * different shards). Both functions must give the SQLite answers for several lists, ranges,
 * goals and type sets; a few answers are also worked out by hand from the definitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshDerived } from '../../collector/src/analytics/sessions/refresh-derived.js';
import { hashIdentity } from '../../collector/src/ingest/enrich/identities.js';
import * as sqlite from '../../collector/src/storage/sqlite/analytics/audiences/person-facts.js';
import type { ClickHouseDb } from '../../collector/src/storage/clickhouse/clickhouse-db.js';
import { convertedPersons, identitiesOfPersons } from '../../collector/src/storage/clickhouse/analytics/audiences/person-facts.js';
import { conversion, identify } from '../collector/helpers/events.js';
import { SALT, startTestCollector, type TestCollector } from '../collector/helpers/test-collector.js';
import { DAY, HOUR, MIN, send } from '../collector/funnels/funnel-fixtures.js';
import { anonymousIdsByShard, GOOGLEBOT, startClickHouseEngines, type ClickHouseEngines } from './helpers/clickhouse-engines.js';

type Json = Record<string, any>;
const NOW = Date.UTC(2024, 5, 1, 4);
const ago = (days: number, plus = 0) => NOW - days * DAY + plus;
const SITE = 'shop';
const on = (anon: string, id?: string) => ({ anonymousId: anon, sessionId: `s-${anon}`, ...(id ? { id } : {}) });
const login = (anon: string, ts: number, userId: string, identities: Json, traits: Json = {}, id?: string) => identify(ts, userId, identities, traits, on(anon, id));
const buy = (anon: string, ts: number, orderId: string) => conversion(ts, 100, 'CNY', on(anon), { order_id: orderId });
const signup = (anon: string, ts: number) => conversion(ts, 0, 'CNY', on(anon), { goal: 'signup' });
const phone = (v: string) => hashIdentity('phone', v, SALT);
const email = (v: string) => hashIdentity('email', v, SALT);

/** A custom identity type with a quote, a backslash and a control character. */
const ODD_TYPE = 'crm"id\\\t';

function seed(): Json[] {
  // An identify without any identities object: its props have no "$identities" key.
  const { identities: _, ...bare } = login('dan', ago(3), 'dan', {}, { city: 'Wuhan' });
  return [
    // ann: phone (shard 1) and laptop (shard 2). Phone 1 on the phone, phone 2 on the laptop; the
    // first email on the phone, written differently on the laptop later (the same hash); a work
    // email on the laptop; an empty openid (no claim).
    login('ann-phone', ago(20), 'ann', { phone: '138 0000 0001', email: 'Ann@Example.com' }),
    login('ann-laptop', ago(5), 'ann', { phone: '139-0000-0002', email: 'ann.work@example.com', openid: '' }),
    login('ann-laptop', ago(2), 'ann', { email: ' ANN@example.com' }),
    // bob claims ann's phone 1 later (shard 2): ann keeps it, its last_seen moves to bob's claim.
    login('bob-phone', ago(1), 'bob', { phone: '13800000001', email: 'bob@example.com' }),
    // ann's order o-1 twice (counted once, the phone's), and a signup.
    buy('ann-phone', ago(10), 'o-1'), buy('ann-laptop', ago(9), 'o-1'), signup('ann-laptop', ago(5, HOUR)),
    signup('bob-phone', ago(3)),
    // gus: a user_id inside the identities too, and traits that look like identities.
    login('gus-phone', ago(4), 'gus', { user_id: 'gus-alt', device_id: 'd-1' }, { phone: 'trait-phone', note: 'x"$identities":{"email":"fake"}' }),
    buy('gus-phone', ago(4, MIN), 'o-2'),
    // o-9: eve's counts, carol's later one does not; carol's o-10 is before every range but one.
    buy('eve-anon', ago(20), 'o-9'), buy('carol', ago(3), 'o-9'), buy('carol', ago(40), 'o-10'),
    // hal and ivy claim one unionid at the same instant (different shards): the smaller event id
    // (ivy's) owns it.
    login('hal-phone', ago(8), 'hal', { unionid: 'u-shared' }, {}, 'evt_tie_z'),
    login('ivy-pad', ago(8), 'ivy', { unionid: 'u-shared', openid: 'o-ivy' }, {}, 'evt_tie_a'),
    bare,
    // Byte order (SQLite's BINARY) of persons, types and values differs from UTF-16's: ｚ is
    // EF BC 9A in UTF-8 but FF5A in UTF-16, 😀 F0 9F… and D83D.
    login('uni-0', ago(2), '😀-user', { x: 'ｚ', ｚ: '1', '😀': '2', [ODD_TYPE]: 'a"b\\c\n😀' }),
    login('uni-0', ago(2), '😀-user', { x: '😀' }),
    login('uni-1', ago(2), 'ｚ-user', { x: 'é', [ODD_TYPE]: '\u0001' }),
    login('uni-2', ago(2), 'é-user', { x: 'ｙ' }),
  ];
}

let c: TestCollector;
// Started first and stopped in afterAll even when seeding fails, so no server outlives the file.
let engines: ClickHouseEngines | undefined;
let layouts: [string, ClickHouseDb][];
let allPersons: string[];
let allTypes: string[];
/** Known when the tests are collected, before beforeAll starts the servers. */
const LAYOUT_NAMES = ['one server', '2 shards'];

beforeAll(async () => {
  engines = startClickHouseEngines();
  c = await startTestCollector();
  await send(c, seed());
  // robo is a crawler: its conversion is not counted, its identify still claims.
  await send(c, [login('robo', ago(6), 'robo', { device_id: 'd-robo' }), buy('robo', ago(6, MIN), 'o-r')], { 'user-agent': GOOGLEBOT });
  refreshDerived(c.store.db, SITE);
  const [single, sharded] = await engines.fill(c.dbPath);
  layouts = [['one server', single], ['2 shards', sharded]];
  allPersons = (c.store.db.prepare('SELECT DISTINCT person_id FROM events WHERE site = ? ORDER BY person_id').all(SITE) as { person_id: string }[]).map((r) => r.person_id);
  allTypes = (c.store.db.prepare('SELECT DISTINCT type FROM identities WHERE site = ?').all(SITE) as { type: string }[]).map((r) => r.type);
}, 120_000);

afterAll(async () => {
  await engines?.stop();
  await c?.stop();
});

const range = (from: number, to: number) => ({ from, to });
const LISTS: [string, () => string[]][] = [
  ['every person', () => allPersons],
  ['every person and one unknown, reversed', () => [...allPersons, 'nobody'].reverse()],
  ['ann, twice, and bob', () => ['bob', 'ann', 'ann']],
  ['hal and ivy', () => ['ivy', 'hal']],
  ['the unicode users', () => ['é-user', 'ｚ-user', '😀-user']],
  ['nobody known', () => ['nobody']],
  ['an empty list', () => []],
];
const RANGES = [range(0, NOW + DAY), range(ago(30), NOW), range(NOW - 9.5 * DAY, NOW), range(ago(7), ago(2)), range(ago(5), ago(5))];
const GOALS = [null, 'purchase', 'signup', 'nope'];
const TYPE_SETS: [string, () => string[]][] = [
  ['phone', () => ['phone']],
  ['email and phone', () => ['email', 'phone']],
  ['user_id', () => ['user_id']],
  ['unionid, openid, device_id', () => ['unionid', 'openid', 'device_id']],
  ['every type', () => allTypes],
  ['the custom types', () => ['x', 'ｚ', '😀', ODD_TYPE]],
  ['an unknown type', () => ['nope']],
  ['no type', () => []],
];

describe('converted persons: ClickHouse = SQLite', () => {
  it('by hand, on both engines: counted conversions only, once per order, by goal and range', async () => {
    for (const converted of converters()) {
      const q = (from: number, to: number, goal: string | null, personIds = allPersons) => converted({ site: SITE, personIds, from, to, goal });
      // In 30 days: ann (o-1 on the phone), bob (signup), gus (o-2), eve (o-9). carol's o-9 came
      // after eve's, her o-10 is older; robo is a bot.
      expect(await q(ago(30), NOW, null)).toEqual(['ann', 'anon:eve-anon', 'bob', 'gus']);
      expect(await q(0, NOW, null)).toEqual(['ann', 'anon:carol', 'anon:eve-anon', 'bob', 'gus']);
      expect(await q(ago(30), NOW, 'signup')).toEqual(['ann', 'bob']);
      // From 9.5 days ago the only purchase of ann's is the laptop's repeat of o-1: not counted.
      expect(await q(NOW - 9.5 * DAY, NOW, 'purchase')).toEqual(['gus']);
      expect(await q(NOW - 9.5 * DAY, NOW, null, ['ann', 'robo', 'anon:carol'])).toEqual(['ann']);
      expect(await q(ago(30), NOW, 'purchase', ['anon:carol', 'robo'])).toEqual([]);
      expect(await q(ago(30), NOW, null, [])).toEqual([]);
    }
  });

  const cases = LISTS.flatMap(([list, persons]) => RANGES.flatMap((r) => GOALS.map((goal) => ({ list, persons, ...r, goal }))));
  it.each(LAYOUT_NAMES)('%s: every list, range and goal', async (name) => {
    const ch = layout(name);
    for (const k of cases) {
      const q = { site: SITE, personIds: k.persons(), from: k.from, to: k.to, goal: k.goal };
      expect(await convertedPersons(ch, q), `${k.list}, [${k.from}, ${k.to}), ${k.goal}`).toEqual(sqlite.convertedPersons(c.store.db, q));
    }
  });
});

describe('identities of persons: ClickHouse = SQLite', () => {
  it('by hand, on both engines: the owner is the earliest claim on any shard, last_seen the latest of anyone', async () => {
    const sharded = layout('2 shards');
    // ann's devices are on different shards, and so are ann's phone and bob, hal and ivy.
    expect((await anonymousIdsByShard(sharded, 'events', 'ann')).map((ids) => ids.length)).toEqual([1, 1]);
    const shardOf = async (person: string, device: string) => (await anonymousIdsByShard(sharded, 'events', person)).findIndex((ids) => ids.includes(device));
    expect(await shardOf('bob', 'bob-phone')).not.toBe(await shardOf('ann', 'ann-phone'));
    expect(await shardOf('hal', 'hal-phone')).not.toBe(await shardOf('ivy', 'ivy-pad'));
    const row = (personId: string, type: string, value: string) => ({ personId, type, value });
    for (const identities of identityReaders()) {
      const q = (personIds: string[], types: string[]) => identities({ site: SITE, personIds, types });
      // Emails: Ann@Example.com was last seen on the laptop 2 days ago, the work email 5 days
      // ago. Phones: bob's claim a day ago is the latest of phone 1 (ann keeps it), phone 2 was
      // seen 5 days ago. The empty openid is no identity.
      expect(await q(['ann'], ['phone', 'email', 'openid'])).toEqual([
        row('ann', 'email', email('ann@example.com')),
        row('ann', 'email', email('ann.work@example.com')),
        row('ann', 'phone', phone('13800000001')),
        row('ann', 'phone', phone('13900000002')),
      ]);
      expect(await q(['bob'], ['phone', 'email', 'user_id'])).toEqual([
        row('bob', 'email', email('bob@example.com')),
        row('bob', 'user_id', 'bob'),
      ]);
      // The tie at one instant goes to the smaller event id: ivy's.
      expect(await q(['hal', 'ivy'], ['unionid', 'openid'])).toEqual([row('ivy', 'openid', 'o-ivy'), row('ivy', 'unionid', 'u-shared')]);
      // gus: both user ids (same instant: by value); the trait named phone is no identity.
      expect(await q(['gus', 'dan'], ['user_id', 'phone', 'email'])).toEqual([row('dan', 'user_id', 'dan'), row('gus', 'user_id', 'gus'), row('gus', 'user_id', 'gus-alt')]);
      // A bot's identify claims too.
      expect(await q(['robo'], ['device_id'])).toEqual([row('robo', 'device_id', 'd-robo')]);
      // Persons, types and values in UTF-8 byte order; one instant for both of 😀-user's x.
      expect(await q(['😀-user', 'é-user', 'ｚ-user'], ['x', 'ｚ', '😀', ODD_TYPE])).toEqual([
        row('é-user', 'x', 'ｙ'),
        row('ｚ-user', ODD_TYPE, '\u0001'),
        row('ｚ-user', 'x', 'é'),
        row('😀-user', ODD_TYPE, 'a"b\\c\n😀'),
        row('😀-user', 'x', 'ｚ'),
        row('😀-user', 'x', '😀'),
        row('😀-user', 'ｚ', '1'),
        row('😀-user', '😀', '2'),
      ]);
      expect(await q([], ['phone'])).toEqual([]);
      expect(await q(['ann'], [])).toEqual([]);
    }
  });

  const cases = LISTS.flatMap(([list, persons]) => TYPE_SETS.map(([types, of]) => ({ list, persons, types, of })));
  it.each(LAYOUT_NAMES)('%s: every list and type set', async (name) => {
    const ch = layout(name);
    for (const k of cases) {
      const q = { site: SITE, personIds: k.persons(), types: k.of() };
      expect(await identitiesOfPersons(ch, q), `${k.list}, ${k.types}`).toEqual(sqlite.identitiesOfPersons(c.store.db, q));
    }
    // Sanity: the comparisons above are not all empty.
    expect(sqlite.identitiesOfPersons(c.store.db, { site: SITE, personIds: allPersons, types: allTypes }).length).toBeGreaterThan(15);
  });
});

/** convertedPersons of SQLite, then of each ClickHouse layout: the worked answers hold for all. */
function converters(): ((q: sqlite.ConvertedPersonsQuery) => Promise<string[]>)[] {
  return [async (q) => sqlite.convertedPersons(c.store.db, q), ...layouts.map(([, ch]) => (q: sqlite.ConvertedPersonsQuery) => convertedPersons(ch, q))];
}

/** identitiesOfPersons of SQLite, then of each ClickHouse layout. */
function identityReaders(): ((q: sqlite.IdentitiesOfPersonsQuery) => Promise<sqlite.PersonIdentity[]>)[] {
  return [async (q) => sqlite.identitiesOfPersons(c.store.db, q), ...layouts.map(([, ch]) => (q: sqlite.IdentitiesOfPersonsQuery) => identitiesOfPersons(ch, q))];
}

function layout(name: string): ClickHouseDb {
  return layouts.find(([n]) => n === name)![1];
}
