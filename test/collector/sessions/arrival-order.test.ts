/**
 * Sessions, persons and identities must not depend on the order in which events arrive or on
 * when refreshes run between arrivals. Each case ingests the same events into two fresh
 * databases — in time order with one refresh, and shuffled with a refresh after every random
 * chunk, some one visitor per transaction — and compares the derived tables row for row.
 */
import { describe, expect, it } from 'vitest';
import { click, DAY, identifyAs, MINUTE, purchase, startSessionFixture, T0, view, type EventSpec, type SessionFixture } from './session-fixture.js';
import { mulberry32 as random } from '../../../collector/src/analytics/random.js';

const CAMPAIGNS: (Record<string, string> | undefined)[] = [
  undefined, undefined, { utm_source: 'baidu', utm_medium: 'cpc', utm_campaign: 'spring' },
  { utm_source: 'newsletter', utm_medium: 'email' }, { gclid: 'Cj0-1' }, { gclid: 'Cj0-2' },
];
// Gaps around the boundaries that matter: under, exactly at and over 30 minutes, days apart.
const GAPS = [0, 1, 5 * MINUTE, 30 * MINUTE - 1, 30 * MINUTE, 30 * MINUTE + 1, 3 * 60 * MINUTE, 2 * DAY];

/** About 45 events over 4 visitors: two devices of alice, a device shared with bob, a stranger. */
function scenario(seed: number): object[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const events: object[] = [];
  for (const anon of ['laptop', 'phone', 'shared', 'stranger']) {
    let at = T0 + Math.floor(rnd() * 60) * MINUTE;
    for (let i = 0; i < 11; i++) {
      at += pick(GAPS);
      const spec: EventSpec = { anon, campaign: pick(CAMPAIGNS), path: pick(['/', '/a', '/b']) };
      const roll = rnd();
      if (anon === 'shared' && i === 6) events.push(identifyAs(at, 'bob', { unionid: 'U-1' }, spec));
      else if (anon !== 'stranger' && i === 3) events.push(identifyAs(at, 'alice', { unionid: 'U-1', openid: `O-${anon}` }, spec));
      else if (roll < 0.15) events.push(purchase(at, 10, pick(['o-1', 'o-2', `o-${anon}-${i}`]), spec));
      else events.push((roll < 0.6 ? view : click)(at, spec));
    }
  }
  // Ties on time are real (two tabs): give two events the same time as another one.
  (events[5] as { ts: number }).ts = (events[4] as { ts: number }).ts;
  (events[20] as { ts: number }).ts = (events[21] as { ts: number }).ts;
  return events;
}

function shuffled<T>(xs: T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function derived(f: SessionFixture): Record<string, unknown[]> {
  return {
    sessions: f.rows('SELECT * FROM sessions ORDER BY session_key'),
    events: f.rows('SELECT id, person_id, session_key FROM events ORDER BY id'),
    identities: f.rows('SELECT * FROM identities ORDER BY type, value'),
    links: f.rows('SELECT * FROM identity_links ORDER BY anonymous_id'),
    dirty: f.rows('SELECT * FROM dirty_visitors'),
  };
}

describe('arrival order independence', () => {
  for (const [seed, splitOnCampaignChange] of [[1, false], [2, true], [3, false], [4, true]] as const) {
    it(`gives the same derived rows in time order and shuffled (seed ${seed}, campaign split ${splitOnCampaignChange})`, async () => {
      const events = scenario(seed);
      const byTime = [...events].sort((a: any, b: any) => a.ts - b.ts || (a.id < b.id ? -1 : 1));
      const a = await startSessionFixture();
      const b = await startSessionFixture();
      try {
        await a.send(byTime);
        a.refresh({ splitOnCampaignChange });
        const rnd = random(seed * 7919);
        const late = shuffled(events, rnd);
        while (late.length) {
          await b.send(late.splice(0, 1 + Math.floor(rnd() * 8)));
          // Odd seeds also refresh one visitor per transaction, as a large backlog is refreshed.
          b.refresh({ splitOnCampaignChange }, seed % 2 === 1 ? 1 : undefined);
        }
        const expected = derived(a);
        // Not a vacuous comparison: every event is in a session, and several persons exist.
        expect(expected.events).toHaveLength(44);
        expect(expected.events.every((e: any) => e.session_key && e.person_id)).toBe(true);
        expect(new Set(expected.sessions.map((s: any) => s.person_id))).toEqual(new Set(['alice', 'bob', 'anon:stranger']));
        expect(derived(b)).toEqual(expected);
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  }
});
