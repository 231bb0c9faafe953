import { afterEach, describe, expect, it } from 'vitest';
import { batch, custom, pageView } from './helpers/events.js';
import { ADMIN_TOKEN, READ_TOKEN, shopDictionary, startTestCollector, type TestCollector } from './helpers/test-collector.js';

let c: TestCollector | undefined;
afterEach(async () => { await c?.stop(); c = undefined; });

describe('dictionary modes', () => {
  it('strict mode quarantines dictionary violations', async () => {
    c = await startTestCollector();
    const now = Date.now();
    const res = await c.post('/v1/batch', batch([custom(now, 'signup', { plan: 'basic', seats: 0, referral: 'x' })], now));
    expect(res.body.results[0].status).toBe('quarantined');
    // seats 0 is below min 1; referral is not declared for signup.
    expect(res.body.results[0].reasons).toEqual([
      { path: '/batch/0/props/seats', code: 'too_small', message: 'property "seats" is 0, below the minimum 1', expected: '>= 1' },
      { path: '/batch/0/props/referral', code: 'undeclared_property', message: 'property "referral" is not declared for this event', expected: 'one of "plan", "seats"' },
    ]);
    expect(c.query('SELECT COUNT(*) AS n FROM events')).toEqual([{ n: 0 }]);
  });

  it('warn mode stores the event with the findings as flags', async () => {
    c = await startTestCollector({ dictionary: { ...shopDictionary(), mode: 'warn' } });
    const now = Date.now();
    const ev = custom(now, 'signup', { seats: 2.5 });
    const res = await c.post('/v1/batch', batch([ev], now));
    expect(res.body).toMatchObject({ accepted: 1, quarantined: 0 });
    const [row] = c.query<{ flags: string }>('SELECT flags FROM events WHERE id = @id', { id: ev.id });
    // plan is required and missing; seats must be an integer.
    expect(JSON.parse(row.flags)).toEqual([
      { path: '/batch/0/props/plan', code: 'missing_property', message: 'required property "plan" is missing', expected: 'string' },
      { path: '/batch/0/props/seats', code: 'invalid_type', message: 'property "seats" must be an integer, got number 2.5', expected: 'integer' },
    ]);
    expect(res.body.results[0].flags).toEqual(JSON.parse(row.flags));
  });

  it('warn mode still quarantines events that break the wire format', async () => {
    c = await startTestCollector({ dictionary: { ...shopDictionary(), mode: 'warn' } });
    const now = Date.now();
    const res = await c.post('/v1/batch', batch([{ ...pageView(now, '/'), anonymousId: '' }], now));
    expect(res.body.results[0]).toMatchObject({ status: 'quarantined', reasons: [expect.objectContaining({ path: '/batch/0/anonymousId', code: 'too_small' })] });
  });
});

describe('quarantine replay', () => {
  it('moves events that a fixed dictionary accepts, and leaves the others open', async () => {
    c = await startTestCollector();
    const now = Date.now();
    const trial = custom(now - 2000, 'start_trial', { days: 14 });
    const gold = custom(now - 1000, 'signup', { plan: 'gold' });
    const broken: Record<string, any> = { ...custom(now, 'start_trial', {}), sessionId: '' };
    const sent = await c.post('/v1/batch', batch([trial, gold, broken], now));
    expect(sent.body).toMatchObject({ quarantined: 3 });

    const listed = await c.get('/v1/quarantine?site=shop', READ_TOKEN);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: any) => i.eventId).sort()).toEqual([trial.id, gold.id, broken.id].sort());

    // The operator declares start_trial (version 2); "gold" stays undeclared.
    const fixed = shopDictionary() as any;
    fixed.version = 2;
    fixed.events.start_trial = {
      description: { en: 'Trial started', zh: '开始试用' },
      properties: { days: { type: 'integer', min: 1, max: 30, description: { en: 'Trial length', zh: '试用天数' } } },
    };
    c.writeDictionary(fixed);

    const replay = await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(replay.status).toBe(200);
    // 3 open rows checked: trial now valid; gold still has a bad plan; broken has an empty sessionId.
    expect(replay.body).toEqual({ site: 'shop', dictionaryVersion: 2, checked: 3, replayed: 1, duplicate: 0, stillInvalid: 2 });
    const stored = c.query('SELECT id, event, dictionary_version, props FROM events');
    expect(stored).toEqual([{ id: trial.id, event: 'start_trial', dictionary_version: 2, props: '{"days":14}' }]);
    const rows = c.query<{ event_id: string; status: string }>('SELECT event_id, status FROM quarantine ORDER BY qid');
    expect(rows).toEqual([
      { event_id: trial.id, status: 'replayed' },
      { event_id: gold.id, status: 'open' },
      { event_id: broken.id, status: 'open' },
    ]);
    // A second replay finds nothing new to move.
    const again = await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(again.body).toMatchObject({ checked: 2, replayed: 0, stillInvalid: 2 });
  });

  it('needs the admin token and a valid dictionary file', async () => {
    c = await startTestCollector();
    expect((await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(401);
    c.writeDictionary({ site: 'shop', version: 0 } as any);
    const res = await c.post('/v1/quarantine/replay', { site: 'shop' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(res.status).toBe(409);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: '/version' })]);
  });
});
