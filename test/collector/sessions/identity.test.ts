import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getPerson } from '../../../collector/src/analytics/identity/get-person.js';
import { mergePersons } from '../../../collector/src/analytics/identity/merge-persons.js';
import { PersonError } from '../../../collector/src/analytics/identity/person-error.js';
import { DAY, HOUR, identifyAs, MINUTE, sessionRows, startSessionFixture, T0, view, type SessionFixture } from './session-fixture.js';

let f: SessionFixture;
beforeEach(async () => { f = await startSessionFixture(); });
afterEach(async () => { await f.stop(); });

const persons = () => f.rows<{ id: string; person_id: string }>('SELECT id, person_id FROM events ORDER BY ts, id');

describe('identify', () => {
  it('links the visitor retroactively: earlier events and sessions become the user\'s', async () => {
    const before = [view(T0), view(T0 + MINUTE)];
    await f.send(before);
    f.refresh();
    expect(persons().map((p) => p.person_id)).toEqual(['anon:anon-1', 'anon:anon-1']);
    await f.send([identifyAs(T0 + 2 * MINUTE, 'alice'), view(T0 + DAY)]);
    f.refresh();
    expect(persons().map((p) => p.person_id)).toEqual(['alice', 'alice', 'alice', 'alice']);
    expect(sessionRows(f, 'person_id, events')).toEqual([{ person_id: 'alice', events: 3 }, { person_id: 'alice', events: 1 }]);
    expect(f.rows('SELECT anonymous_id, user_id, linked_at - @t0 AS at FROM identity_links', { t0: T0 })).toEqual([
      { anonymous_id: 'anon-1', user_id: 'alice', at: 2 * MINUTE },
    ]);
  });

  it('keeps two users of a shared device apart, and splits the session where the user changes', async () => {
    await f.send([
      identifyAs(T0, 'alice', { unionid: 'UNION-1', phone: '138 0013 8000' }),
      view(T0 + MINUTE, { user: 'alice' }),
      identifyAs(T0 + 10 * MINUTE, 'bob', { unionid: 'UNION-1' }), // same device, same WeChat account
      view(T0 + 11 * MINUTE, { user: 'bob' }),
      view(T0 + HOUR), // no user id on the event: the device's first link (alice)
    ]);
    f.refresh();
    expect(persons().map((p) => p.person_id)).toEqual(['alice', 'alice', 'bob', 'bob', 'alice']);
    // 10 minutes is within the idle timeout, but the person changed: a new session.
    expect(sessionRows(f, 'person_id, start_ts - @t0 AS start, events')).toEqual([
      { person_id: 'alice', start: 0, events: 2 },
      { person_id: 'bob', start: 10 * MINUTE, events: 2 },
      { person_id: 'alice', start: HOUR, events: 1 },
    ]);
    expect(f.rows('SELECT COUNT(*) AS n FROM person_merges')).toEqual([{ n: 0 }]);
    // The unionid stays with its first claimant; bob's claim merges nobody.
    const identities = f.rows<{ type: string; value: string; person_id: string }>('SELECT type, value, person_id FROM identities ORDER BY type, value');
    expect(identities.map((i) => [i.type, i.person_id])).toEqual([['phone', 'alice'], ['unionid', 'alice'], ['user_id', 'alice'], ['user_id', 'bob']]);
    expect(identities[0].value).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(getPerson(f.db, 'shop', 'alice')!.anonymousIds).toEqual([
      { anonymousId: 'anon-1', firstSeen: T0, lastSeen: T0 + HOUR, events: 3, shared: true },
    ]);
  });
});

describe('explicit merge', () => {
  async function twoUsers(): Promise<void> {
    await f.send([
      view(T0, { anon: 'laptop', campaign: { utm_source: 'baidu', utm_medium: 'cpc' } }),
      identifyAs(T0 + MINUTE, 'alice', {}, { anon: 'laptop' }),
      identifyAs(T0 + DAY, 'alice-old', { openid: 'OPEN-9' }, { anon: 'phone' }),
      view(T0 + 2 * DAY, { anon: 'tablet' }),
    ]);
    f.refresh();
  }

  it('joins two identified persons: events, sessions, identities and later events follow', async () => {
    await twoUsers();
    const result = mergePersons(f.db, 'shop', 'alice-old', 'alice');
    expect(result).toMatchObject({ from: 'alice-old', into: 'alice', merged: true });
    expect(f.rows('SELECT from_person, into_person FROM person_merges')).toEqual([{ from_person: 'alice-old', into_person: 'alice' }]);
    expect(sessionRows(f, 'anonymous_id, person_id, lnd_source')).toEqual([
      { anonymous_id: 'laptop', person_id: 'alice', lnd_source: 'baidu' },
      // The phone's direct session now inherits alice's last non-direct source.
      { anonymous_id: 'phone', person_id: 'alice', lnd_source: 'baidu' },
      { anonymous_id: 'tablet', person_id: 'anon:tablet', lnd_source: '(direct)' },
    ]);
    expect(f.rows('SELECT type, value, person_id FROM identities ORDER BY type, value')).toEqual([
      { type: 'openid', value: 'OPEN-9', person_id: 'alice' },
      { type: 'user_id', value: 'alice', person_id: 'alice' },
      { type: 'user_id', value: 'alice-old', person_id: 'alice' },
    ]);
    const view1 = getPerson(f.db, 'shop', 'alice-old')!;
    expect(view1.personId).toBe('alice');
    expect(view1.mergedFrom.map((m) => m.personId)).toEqual(['alice-old']);
    // An event still sent with the old user id lands on the merged person.
    await f.send([view(T0 + 3 * DAY, { anon: 'phone', user: 'alice-old' })]);
    f.refresh();
    expect(f.rows('SELECT DISTINCT person_id FROM events WHERE anonymous_id = @a', { a: 'phone' })).toEqual([{ person_id: 'alice' }]);
  });

  it('keeps merges flat, refuses an identified person into an anonymous one, and is idempotent', async () => {
    await twoUsers();
    mergePersons(f.db, 'shop', 'anon:tablet', 'alice-old');
    mergePersons(f.db, 'shop', 'alice-old', 'alice');
    expect(f.rows('SELECT from_person, into_person FROM person_merges ORDER BY from_person')).toEqual([
      { from_person: 'alice-old', into_person: 'alice' },
      { from_person: 'anon:tablet', into_person: 'alice' },
    ]);
    expect(mergePersons(f.db, 'shop', 'anon:tablet', 'alice')).toMatchObject({ merged: false, from: 'alice', into: 'alice' });
    await f.send([view(T0, { anon: 'kiosk' })]);
    f.refresh();
    const refused = (() => { try { mergePersons(f.db, 'shop', 'alice', 'anon:kiosk'); } catch (e) { return e; } })();
    expect(refused).toBeInstanceOf(PersonError);
    expect(refused).toMatchObject({ code: 'invalid_merge', pointer: '/into' });
    expect((refused as Error).message).toContain('swap "from" and "into"');
    expect(() => mergePersons(f.db, 'shop', 'nobody', 'alice')).toThrow(/no person "nobody"/);
    expect(f.rows('SELECT COUNT(*) AS n FROM person_merges')).toEqual([{ n: 2 }]);
  });
});

describe('the person view', () => {
  it('lists identities, anonymous ids, sessions and both first touches', async () => {
    const first = { utm_source: 'weibo', utm_medium: 'social', utm_campaign: 'launch' };
    await f.send([
      view(T0 + DAY, { anon: 'phone', first }), // later, but its own first touch
      view(T0, { anon: 'laptop', campaign: { utm_source: 'newsletter', utm_medium: 'email' }, first: { utm_source: 'newsletter', utm_medium: 'email' } }),
      identifyAs(T0 + MINUTE, 'carol', { email: 'Carol@Example.com' }, { anon: 'laptop' }),
      identifyAs(T0 + DAY + MINUTE, 'carol', {}, { anon: 'phone' }),
    ]);
    f.refresh();
    const p = getPerson(f.db, 'shop', 'carol')!;
    expect(p.personId).toBe('carol');
    expect(p.identities.map((i) => i.type)).toEqual(['email', 'user_id']);
    expect(p.identities[0].value).not.toContain('Carol');
    expect(p.anonymousIds.map((a) => [a.anonymousId, a.events, a.shared])).toEqual([['laptop', 2, false], ['phone', 2, false]]);
    expect(p.sessions.map((s) => [s.anonymousId, s.source, s.channel, s.lastNonDirect.source])).toEqual([
      ['laptop', 'newsletter', 'Email', 'newsletter'],
      ['phone', '(direct)', 'Direct', 'newsletter'],
    ]);
    // The earliest session is the laptop's; the earliest event with SDK first-touch fields too.
    expect(p.firstTouch.session).toMatchObject({ start: T0, source: 'newsletter', medium: 'email', channel: 'Email', landingPath: '/' });
    expect(p.firstTouch.sdk).toEqual({ ts: T0, fields: { utm_source: 'newsletter', utm_medium: 'email' } });
    expect(getPerson(f.db, 'shop', 'nobody')).toBeNull();
  });
});
