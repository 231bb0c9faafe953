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

    const counts = deletePerson(f.db, 'shop', 'alice-id');

    // alice's events: laptop 3 + kiosk 1 + tablet 2 = 6. Sessions: laptop 1 (3 events within
    // 2 minutes), kiosk 1, tablet 1 (alice's part; the person changes to bob) = 3. Identities:
    // user_id alice-id, phone, unionid (alice claimed it first) = 3. Links: laptop→alice-id and
    // tablet→alice-id = 2 (the kiosk had none). Merges: kiosk→alice-id = 1. Quarantine: 1.
    expect(counts).toEqual({ personId: 'alice-id', events: 6, sessions: 3, identities: 3, identityLinks: 2, personMerges: 1, quarantine: 1 });
    const leftovers = everyRow(f).filter((r) => /alice|13800138000/.test(r.text));
    expect(leftovers).toEqual([]);
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
