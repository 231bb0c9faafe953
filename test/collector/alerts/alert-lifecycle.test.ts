import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, nextState, type RuleState } from '../../../collector/src/alerts/alert-lifecycle.js';
import type { EvaluationOutcome } from '../../../collector/src/alerts/evaluate-rule.js';

const HOUR = 3_600_000;

/** Replays hourly outcomes (slot i at i hours) and lists the events with their slot index. */
function replay(outcomes: string, lifecycle: { consecutive: number; cooldownMinutes: number; notifyRecovery: boolean }) {
  const map: Record<string, EvaluationOutcome> = { B: 'breach', o: 'ok', '-': 'skipped' };
  let state: RuleState = INITIAL_STATE;
  const events: string[] = [];
  [...outcomes].forEach((c, i) => {
    const t = nextState(state, map[c], i * HOUR, lifecycle);
    state = t.state;
    if (t.event) events.push(`${t.event}@${i}`);
  });
  return { events, state };
}

describe('alert lifecycle', () => {
  it('fires after N consecutive breaches, once, and recovers when back in bounds', () => {
    // N = 3: breaches at 0,1,2 → fires at slot 2; 3 stays firing (no second notice); ok at 4 → recovered.
    expect(replay('BBBBo', { consecutive: 3, cooldownMinutes: 0, notifyRecovery: true }).events).toEqual(['fired@2', 'recovered@4']);
  });

  it('an ok evaluation breaks the streak; a skipped one neither breaks nor extends it', () => {
    // B B o B B B: the ok at 2 resets; fires at 5 (3rd breach in a row after the reset).
    expect(replay('BBoBBB', { consecutive: 3, cooldownMinutes: 0, notifyRecovery: true }).events).toEqual(['fired@5']);
    // B B - B: the skipped slot 2 is ignored, so slot 3 is the 3rd breach in a row.
    expect(replay('BB-B', { consecutive: 3, cooldownMinutes: 0, notifyRecovery: true }).events).toEqual(['fired@3']);
  });

  it('cooldown: no new firing within the cooldown after a firing, counted in slot time', () => {
    // N = 1, cooldown 180 min. Fires at 0; recovers at 1; breach at 2 (2 h after 0 < 3 h) does not fire;
    // breach at 3 (3 h after, not within the cooldown: ≥ 3 h) fires.
    const r = replay('BoBB', { consecutive: 1, cooldownMinutes: 180, notifyRecovery: true });
    expect(r.events).toEqual(['fired@0', 'recovered@1', 'fired@3']);
    expect(r.state).toEqual({ status: 'firing', consecutive: 2, lastFiredAt: 3 * HOUR });
  });

  it('an acknowledged incident stays quiet while breaching and recovers when back in bounds', () => {
    const fired = nextState(INITIAL_STATE, 'breach', 0, { consecutive: 1, cooldownMinutes: 0, notifyRecovery: true });
    const acked: RuleState = { ...fired.state, status: 'acknowledged' };
    const still = nextState(acked, 'breach', HOUR, { consecutive: 1, cooldownMinutes: 0, notifyRecovery: true });
    expect(still).toEqual({ state: { status: 'acknowledged', consecutive: 2, lastFiredAt: 0 }, event: null });
    expect(nextState(still.state, 'ok', 2 * HOUR, { consecutive: 1, cooldownMinutes: 0, notifyRecovery: true }).event).toBe('recovered');
  });
});
