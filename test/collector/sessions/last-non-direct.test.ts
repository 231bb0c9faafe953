import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY, identifyAs, MINUTE, sessionRows, startSessionFixture, T0, view, type SessionFixture } from './session-fixture.js';

let f: SessionFixture;
beforeEach(async () => { f = await startSessionFixture(); });
afterEach(async () => { await f.stop(); });

const baidu = { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' };
const columns = 'anonymous_id, (start_ts - @t0) / 60000 AS start_min, source, lnd_source, lnd_medium, lnd_campaign, lnd_channel';
const lnd = (source: string, medium: string, campaign: string | null, channel: string) => ({ lnd_source: source, lnd_medium: medium, lnd_campaign: campaign, lnd_channel: channel });
const BAIDU = lnd('baidu', 'cpc', 'spring', 'Paid Search');
const DIRECT = lnd('(direct)', '(none)', null, 'Direct');

describe('last non-direct source of direct sessions', () => {
  it('is inherited within the 90-day lookback (boundary included) and not beyond', async () => {
    await f.send([
      view(T0, { campaign: baidu }), // S1: baidu
      view(T0 + DAY), // S2: direct, 1 day after S1
      view(T0 + 90 * DAY), // S3: direct, exactly 90 days after S1
      view(T0 + 91 * DAY), // S4: direct, 91 days after S1 (S2, S3 are direct: no source)
    ]);
    f.refresh();
    const day = 24 * 60;
    expect(sessionRows(f, columns)).toEqual([
      { anonymous_id: 'anon-1', start_min: 0, source: 'baidu', ...BAIDU },
      { anonymous_id: 'anon-1', start_min: day, source: '(direct)', ...BAIDU },
      { anonymous_id: 'anon-1', start_min: 90 * day, source: '(direct)', ...BAIDU },
      { anonymous_id: 'anon-1', start_min: 91 * day, source: '(direct)', ...DIRECT },
    ]);
  });

  it('uses the configured lookback', async () => {
    await f.send([view(T0, { campaign: baidu }), view(T0 + 30 * DAY), view(T0 + 31 * DAY)]);
    f.refresh({ lastNonDirectLookbackMs: 30 * DAY });
    expect(sessionRows(f, 'lnd_source')).toEqual([{ lnd_source: 'baidu' }, { lnd_source: 'baidu' }, { lnd_source: '(direct)' }]);
  });

  it('crosses devices once both are identified as the same user, and not for other persons', async () => {
    await f.send([
      view(T0, { anon: 'laptop', campaign: baidu }),
      identifyAs(T0 + MINUTE, 'user-1', {}, { anon: 'laptop' }),
      view(T0 + DAY, { anon: 'phone' }), // direct on another device, not identified yet
      view(T0 + DAY, { anon: 'stranger' }), // direct, never identified
    ]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, person_id, lnd_source').filter((r) => r.anonymous_id !== 'laptop')).toEqual([
      { anonymous_id: 'phone', person_id: 'anon:phone', lnd_source: '(direct)' },
      { anonymous_id: 'stranger', person_id: 'anon:stranger', lnd_source: '(direct)' },
    ]);
    // The phone logs in later: its earlier direct session now belongs to user-1 and inherits baidu.
    await f.send([identifyAs(T0 + DAY + MINUTE, 'user-1', {}, { anon: 'phone' })]);
    f.refresh();
    expect(sessionRows(f, 'anonymous_id, person_id, source, lnd_source')).toEqual([
      { anonymous_id: 'laptop', person_id: 'user-1', source: 'baidu', lnd_source: 'baidu' },
      { anonymous_id: 'phone', person_id: 'user-1', source: '(direct)', lnd_source: 'baidu' },
      { anonymous_id: 'stranger', person_id: 'anon:stranger', source: '(direct)', lnd_source: '(direct)' },
    ]);
  });
});
