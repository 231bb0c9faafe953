import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deletePerson } from '../../../collector/src/analytics/identity/delete-person.js';
import { mergePersons } from '../../../collector/src/analytics/identity/merge-persons.js';
import { WRITE_KEY } from '../helpers/test-collector.js';
import { DAY, HOUR, identifyAs, MINUTE, purchase, sessionRows, startSessionFixture, T0, view, wire, type SessionFixture } from './session-fixture.js';

let f: SessionFixture;
beforeEach(async () => { f = await startSessionFixture(); });
afterEach(async () => { await f.stop(); });

/** Every row of every table, as text, so a search for an id cannot miss a table or a column. */
function everyRow(fx: SessionFixture): { table: string; text: string }[] {
  const tables = fx.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  return tables.flatMap(({ name }) => fx.rows(`SELECT * FROM "${name}"`).map((row) => ({ table: name, text: JSON.stringify(row) })));
}

describe('deleting a person', () => {
  it('removes the person from every table and keeps the other user of a shared device', async () => {
    await f.send([
      // alice: her laptop, plus a kiosk merged into her by hand.
      view(T0, { anon: 'alice-laptop', campaign: { utm_source: 'baidu', utm_medium: 'cpc' }, first: { utm_source: 'baidu' } }),
      identifyAs(T0 + MINUTE, 'alice-id', { unionid: 'UNION-shared', phone: '13800138000' }, { anon: 'alice-laptop' }),
      purchase(T0 + 2 * MINUTE, 50, 'order-alice', { anon: 'alice-laptop', user: 'alice-id' }),
      view(T0 + DAY, { anon: 'alice-kiosk' }),
      // A family tablet: alice first (so its link is hers), then bob, who also claims the unionid.
      identifyAs(T0 + 2 * DAY, 'alice-id', {}, { anon: 'family-tablet' }),
      view(T0 + 2 * DAY + MINUTE, { anon: 'family-tablet', user: 'alice-id' }),
      identifyAs(T0 + 2 * DAY + HOUR, 'bob-id', { unionid: 'UNION-shared' }, { anon: 'family-tablet' }),
      view(T0 + 2 * DAY + HOUR + MINUTE, { anon: 'family-tablet', user: 'bob-id' }),
    ]);
    // Quarantined events (undeclared custom event): one of alice, one of bob.
    for (const [anon, user] of [['alice-laptop', 'alice-id'], ['family-tablet', 'bob-id']]) {
      const bad = { ...wire('page_view', T0 + 3 * DAY, { anon, user }), event: 'newsletter_open' };
      const res = await f.c.post('/v1/event', { site: 'shop', key: WRITE_KEY, event: bad });
      expect(res.body).toMatchObject({ quarantined: 1 });
    }
    f.refresh();
    mergePersons(f.db, 'shop', 'anon:alice-kiosk', 'alice-id');
    seedPersonData(f);
    // Her typed identities as stored (the phone is a salted hash), to search for afterwards; the
    // unionid is bob's too, so it stays.
    const aliceValues = f.rows<{ value: string }>("SELECT value FROM identities WHERE person_id = 'alice-id' AND type <> 'unionid'").map((r) => r.value);
    expect(aliceValues).toHaveLength(2);

    const counts = deletePerson(f.db, 'shop', 'alice-id');

    // alice's events: laptop 3 + kiosk 1 + tablet 2 = 6. Sessions: laptop 1 (3 events within
    // 2 minutes), kiosk 1, tablet 1 (alice's part; the person changes to bob) = 3. Identities:
    // user_id alice-id, phone, unionid (alice claimed it first) = 3. Links: laptop→alice-id and
    // tablet→alice-id = 2 (the kiosk had none). Merges: kiosk→alice-id = 1. Quarantine: 1.
    // From seedPersonData: tags 2 (hers and the kiosk's, computed before the merge), membership
    // spells 2, pushed 1, delivered 1, consent 2, trigger firings 1, queue-drop reports 1 (the
    // laptop; the tablet's report stays with the tablet).
    expect(counts).toEqual({
      personId: 'alice-id', events: 6, sessions: 3, identities: 3, identityLinks: 2, personMerges: 1, quarantine: 1,
      clientDrops: 1, personTags: 2, audienceMembers: 2, audiencePushed: 1, audienceDelivered: 1, consentRecords: 2, triggerFirings: 1,
    });
    const leftovers = everyRow(f).filter((r) => /alice|13800138000/.test(r.text) || aliceValues.some((v) => r.text.includes(v)));
    expect(leftovers).toEqual([]);
    // bob's rows of every kind are still there: one each.
    for (const table of ['person_tags', 'audience_members', 'consent_records', 'trigger_firings']) {
      expect(f.rows(`SELECT person_id FROM ${table}`), table).toEqual([{ person_id: 'bob-id' }]);
    }
    expect(f.rows('SELECT anonymous_id FROM client_drops')).toEqual([{ anonymous_id: 'family-tablet' }]);
    // bob keeps his events and session; the tablet is now linked to him, and the unionid passes to him.
    expect(sessionRows(f, 'anonymous_id, person_id, events')).toEqual([{ anonymous_id: 'family-tablet', person_id: 'bob-id', events: 2 }]);
    expect(f.rows('SELECT anonymous_id, user_id FROM identity_links')).toEqual([{ anonymous_id: 'family-tablet', user_id: 'bob-id' }]);
    expect(f.rows('SELECT type, value, person_id FROM identities ORDER BY type')).toEqual([
      { type: 'unionid', value: 'UNION-shared', person_id: 'bob-id' },
      { type: 'user_id', value: 'bob-id', person_id: 'bob-id' },
    ]);
    expect(f.rows('SELECT COUNT(*) AS n FROM quarantine')).toEqual([{ n: 1 }]);
    expect(f.rows('SELECT COUNT(*) AS n FROM dirty_visitors')).toEqual([{ n: 0 }]);
    expect(() => deletePerson(f.db, 'shop', 'alice-id')).toThrow(/no person "alice-id"/);
  });
});

/**
 * Rows as the tag, audience, consent and trigger jobs and the SDK's drop reports write them, for
 * alice (under her id and the kiosk's pre-merge id) and for bob, who must keep his.
 */
function seedPersonData(fx: SessionFixture): void {
  const run = (sql: string) => fx.db.prepare(sql).run();
  const t = T0 + 4 * DAY;
  run(`INSERT INTO person_tags VALUES ('shop', 'city', 'alice-id', 'Hangzhou', ${t}), ('shop', 'stage', 'anon:alice-kiosk', 'new', ${t}),
       ('shop', 'city', 'bob-id', 'Suzhou', ${t})`);
  run(`INSERT INTO audience_members VALUES ('shop', 'vip', 'alice-id', ${t}, ${t + HOUR}, 0), ('shop', 'vip', 'alice-id', ${t + DAY}, NULL, 0),
       ('shop', 'vip', 'bob-id', ${t}, NULL, 1)`);
  run(`INSERT INTO audience_pushed VALUES ('shop', 'vip', 'alice-id', ${t})`);
  run(`INSERT INTO audience_delivered VALUES ('shop', 'vip', 'alice-id', ${t})`);
  run(`INSERT INTO consent_records VALUES ('shop', 'alice-id', ${t}, 1, 'api'), ('shop', 'alice-id', ${t + HOUR}, 0, 'api'), ('shop', 'bob-id', ${t}, 1, 'api')`);
  run(`INSERT INTO trigger_firings (site, trigger_id, person_id, window_start, event_ts, event_id, created_at)
       VALUES ('shop', 'cart', 'alice-id', ${t}, ${t}, 'evt-alice-cart', ${t}), ('shop', 'cart', 'bob-id', ${t}, ${t}, 'evt-bob-cart', ${t})`);
  run(`INSERT INTO client_drops VALUES ('shop', ${t}, 'alice-laptop', 3), ('shop', ${t}, 'family-tablet', 2)`);
}
