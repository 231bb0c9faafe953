/**
 * Retention at a hand-set clock: site shop keeps 30 days. NOW = T0 + 100 d, so the cut is
 * T0 + 70 d. Events go in through the real ingest path (no sentAt: stored at exactly the times
 * written here); rows the tag, audience and trigger jobs write are inserted as those jobs do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enforceRetention } from '../../collector/src/retention/enforce-retention.js';
import { DAY, identifyAs, MINUTE, startSessionFixture, T0, view, type SessionFixture } from '../collector/sessions/session-fixture.js';

const NOW = T0 + 100 * DAY;
const CUT = T0 + 70 * DAY;
const SITES = [{ id: 'shop', retentionDays: 30 }, { id: 'archive' }];

let f: SessionFixture;
beforeEach(async () => { f = await startSessionFixture(); });
afterEach(async () => { await f.stop(); });

async function seed(): Promise<void> {
  await f.send([
    // "old": everything before the cut.
    identifyAs(T0, 'old-user', {}, { anon: 'old' }),
    view(T0 + MINUTE, { anon: 'old', user: 'old-user' }),
    // "straddle": one session from 10 min before the cut to 10 min after (30 min timeout).
    view(CUT - 10 * MINUTE, { anon: 'straddle' }),
    view(CUT + 10 * MINUTE, { anon: 'straddle' }),
    // "mixed": an old session (identify + view on day 10) and a recent one on day 90.
    identifyAs(T0 + 10 * DAY, 'mixed-user', {}, { anon: 'mixed' }),
    view(T0 + 10 * DAY + MINUTE, { anon: 'mixed' }),
    view(T0 + 90 * DAY, { anon: 'mixed' }),
  ]);
  f.refresh();
  const run = (sql: string) => f.db.prepare(sql).run();
  run(`INSERT INTO person_tags VALUES ('shop', 'city', 'old-user', 'Xi''an', ${T0 + DAY}), ('shop', 'city', 'mixed-user', 'Wuhan', ${T0 + 10 * DAY}),
       ('shop', 'stage', 'anon:straddle', 'new', ${T0 + 80 * DAY})`);
  run(`INSERT INTO consent_records VALUES ('shop', 'old-user', ${T0}, 1, 'api'), ('shop', 'mixed-user', ${T0 + 10 * DAY}, 1, 'api')`);
  run(`INSERT INTO audience_members VALUES ('shop', 'vip', 'mixed-user', ${T0 + 5 * DAY}, ${CUT - 1}, 0), ('shop', 'vip', 'old-user', ${T0}, NULL, 0),
       ('shop', 'vip', 'mixed-user', ${T0 + 80 * DAY}, NULL, 0)`);
  run(`INSERT INTO audience_pushed VALUES ('shop', 'vip', 'old-user', ${T0}), ('shop', 'vip', 'mixed-user', ${T0})`);
  run(`INSERT INTO audience_delivered VALUES ('shop', 'vip', 'old-user', ${T0}), ('shop', 'vip', 'mixed-user', ${T0})`);
  run(`INSERT INTO trigger_firings (site, trigger_id, person_id, window_start, event_ts, event_id, created_at)
       VALUES ('shop', 'cart', 'mixed-user', 0, ${CUT - 1}, 'e1', ${CUT}), ('shop', 'cart', 'mixed-user', 1, ${CUT + 1}, 'e2', ${CUT + 1})`);
  run(`INSERT INTO quarantine (site, received_at, payload, reasons) VALUES ('shop', ${CUT - 1}, '{}', '[]'), ('shop', ${CUT + 1}, '{}', '[]'),
       (NULL, ${CUT - 1}, 'garbage', '[]'), (NULL, ${CUT + 1}, 'garbage', '[]')`);
  run(`INSERT INTO client_drops VALUES ('shop', ${CUT - 1}, 'old', 4), ('shop', ${CUT + 1}, 'mixed', 2)`);
}

describe('enforceRetention', () => {
  it('deletes what is older than the limit and keeps the rest, table by table', async () => {
    await seed();
    const [report] = await enforceRetention(f.db, SITES, NOW);
    expect(report.cutoff).toBe(CUT);
    expect(report.deleted).toEqual({
      '01-sessions': 2, // old's session (ended T0 + 1 min) and mixed's day-10 session
      '02-events': 4, // old: identify + view; mixed: identify + view of day 10
      '03-quarantine': 1, // received CUT − 1
      '04-client-drops': 1,
      '05-trigger-firings': 1, // fired by an event at CUT − 1
      '06-audience-spells': 1, // mixed-user's spell that ended at CUT − 1
      '07-person-tags': 1, // old-user only: mixed-user still has an event (day 90)
      '08-audience-members': 1, // old-user's open spell
      '09-audience-pushed': 1,
      '10-audience-delivered': 1,
      '11-consent-records': 1,
      '12-identities': 1, // user_id old-user
      '13-identity-links': 1, // old → old-user
      '14-person-merges': 0,
    });
    // What stays: the straddling session whole (2 events), mixed's day-90 session and its event.
    expect(f.rows('SELECT anonymous_id, events FROM sessions ORDER BY start_ts')).toEqual([
      { anonymous_id: 'straddle', events: 2 },
      { anonymous_id: 'mixed', events: 1 },
    ]);
    expect(f.rows('SELECT anonymous_id, ts - @t0 AS t FROM events ORDER BY ts', { t0: T0 })).toEqual([
      { anonymous_id: 'straddle', t: 70 * DAY - 10 * MINUTE },
      { anonymous_id: 'straddle', t: 70 * DAY + 10 * MINUTE },
      { anonymous_id: 'mixed', t: 90 * DAY },
    ]);
    // mixed-user is still mixed-user: the link made by the deleted identify stays with her kept event.
    expect(f.rows("SELECT DISTINCT person_id FROM events WHERE anonymous_id = 'mixed'")).toEqual([{ person_id: 'mixed-user' }]);
    expect(f.rows('SELECT anonymous_id, user_id FROM identity_links')).toEqual([{ anonymous_id: 'mixed', user_id: 'mixed-user' }]);
    expect(f.rows('SELECT person_id FROM person_tags ORDER BY person_id')).toEqual([{ person_id: 'anon:straddle' }, { person_id: 'mixed-user' }]);
    expect(f.rows('SELECT person_id, joined_at - @t0 AS j FROM audience_members ORDER BY joined_at', { t0: T0 })).toEqual([
      { person_id: 'mixed-user', j: 80 * DAY },
    ]);
    // Unreadable bodies follow the shortest retention (30 d): the one from CUT − 1 goes.
    expect(f.rows('SELECT site, received_at - @cut AS r FROM quarantine ORDER BY qid', { cut: CUT })).toEqual([
      { site: 'shop', r: 1 },
      { site: null, r: 1 },
    ]);
    expect(f.rows('SELECT anonymous_id FROM client_drops')).toEqual([{ anonymous_id: 'mixed' }]);
  });

  it('gives the same result in chunks of one row, and a second run deletes nothing', async () => {
    await seed();
    const [chunked] = await enforceRetention(f.db, SITES, NOW, 1);
    expect(Object.values(chunked.deleted).reduce((a, b) => a + b, 0)).toBe(2 + 4 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1);
    const [again] = await enforceRetention(f.db, SITES, NOW);
    expect(Object.values(again.deleted).every((n) => n === 0)).toBe(true);
  });

  it('keeps everything of a site without retentionDays', async () => {
    await seed();
    const before = f.rows<{ n: number }>('SELECT COUNT(*) AS n FROM events')[0].n;
    expect(before).toBe(7);
    expect(await enforceRetention(f.db, [{ id: 'shop' }], NOW)).toEqual([]);
    expect(f.rows('SELECT COUNT(*) AS n FROM events')).toEqual([{ n: 7 }]);
    expect(f.rows('SELECT COUNT(*) AS n FROM quarantine')).toEqual([{ n: 4 }]);
  });
});
