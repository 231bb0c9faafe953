/**
 * The lifecycle of a rule between evaluations, as a pure transition so catch-up, previews and
 * tests replay it exactly. Times are slot times, not wall-clock times: a catch-up after a
 * restart applies cooldowns as if it had run on time.
 *
 * - A breach adds to the streak; the rule fires when the streak reaches `consecutive`, it is not
 *   already firing (or acknowledged) and the cooldown since the last firing has passed.
 * - An ok evaluation ends the streak; a firing or acknowledged rule recovers (its incident is
 *   resolved by the recovery).
 * - A skipped evaluation (too little volume, undefined values) changes nothing: it neither
 *   breaks the streak nor counts towards it.
 */
import type { AlertRule } from './alert-rule.js';
import type { EvaluationOutcome } from './evaluate-rule.js';

/** Where a rule stands. */
export interface RuleState {
  status: 'ok' | 'firing' | 'acknowledged';
  /** Breaches in a row. */
  consecutive: number;
  /** Slot of the last firing; the cooldown counts from it. */
  lastFiredAt: number | null;
}

/** A state change worth a notification. */
export type LifecycleEvent = 'fired' | 'recovered';

/** The state of a rule never evaluated. */
export const INITIAL_STATE: RuleState = { status: 'ok', consecutive: 0, lastFiredAt: null };

/** The next state after an evaluation at `slot`, and the event it causes (if any). */
export function nextState(
  state: RuleState,
  outcome: EvaluationOutcome,
  slot: number,
  lifecycle: AlertRule['lifecycle'],
): { state: RuleState; event: LifecycleEvent | null } {
  if (outcome === 'skipped') return { state, event: null };
  if (outcome === 'ok') {
    const recovered = state.status !== 'ok';
    return { state: { ...state, status: 'ok', consecutive: 0 }, event: recovered ? 'recovered' : null };
  }
  const consecutive = state.consecutive + 1;
  const cooledDown = state.lastFiredAt === null || slot - state.lastFiredAt >= lifecycle.cooldownMinutes * 60_000;
  if (state.status === 'ok' && consecutive >= lifecycle.consecutive && cooledDown) {
    return { state: { status: 'firing', consecutive, lastFiredAt: slot }, event: 'fired' };
  }
  return { state: { ...state, consecutive }, event: null };
}
