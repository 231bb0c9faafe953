import type { Reason } from '../../dictionary/reason.js';

/** How far in the future a corrected time may be before it is clamped (ms). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Skew (server time − client sentAt) up to this size is transit time and ordinary clock drift:
 * it is corrected silently. Beyond it the client's clock is wrong, and the correction is flagged.
 */
export const SKEW_FLAG_MS = 5 * 60 * 1000;

/**
 * The longest an event can plausibly wait in a client's queue between happening and being sent,
 * by the client's own clock (`sentAt − ts`). The SDK keeps events offline until it can send them;
 * 30 days is far beyond any real outage. A larger gap means ts and sentAt did not come from one
 * clock (e.g. sentAt sent in seconds, or a clock fixed while events waited), so sentAt is not used.
 */
export const MAX_QUEUE_AGE_MS = 30 * 24 * 3600 * 1000;

/** The stored time of an event and any flags its correction raised. */
export interface EventTime {
  ts: number;
  flags: Reason[];
}

/**
 * Corrects client clock skew: the client says the batch left at `sentAt` and the event happened
 * at `clientTs` by its clock; the server received it at `receivedAt` by its own. Assuming transit
 * time is small, the event happened `sentAt − clientTs` before `receivedAt`:
 * ts = clientTs + (receivedAt − sentAt).
 *
 * Nothing is trusted blindly. A skew over 5 minutes is corrected and flagged
 * (`clock_skew_corrected`). A sentAt that cannot share a clock with the event time (the event
 * would have happened more than 5 minutes after it was sent, or waited more than 30 days) is not
 * used: the client time is kept and flagged `sent_at_ignored`. Without sentAt the client time is
 * kept and flagged `uncorrected_time`. Whatever the source, a time more than 5 minutes after
 * receipt becomes the receive time, flagged `future_time_clamped`.
 */
export function correctEventTime(clientTs: number, sentAt: number | null, receivedAt: number, at: string): EventTime {
  const path = `${at}/ts`;
  const flags: Reason[] = [];
  let ts = clientTs;
  if (sentAt === null) {
    flags.push({ path, code: 'uncorrected_time', message: 'no sentAt was sent, so the client time is stored without clock-skew correction' });
  } else if (!sameClock(clientTs, sentAt)) {
    flags.push({
      path,
      code: 'sent_at_ignored',
      message: `sentAt ${iso(sentAt)} cannot come from the clock that timed the event (${iso(clientTs)}): an event is sent after it happens and at most ${days(MAX_QUEUE_AGE_MS)} days later; the client time is stored without correction`,
    });
  } else {
    const skew = receivedAt - sentAt;
    ts = clientTs + skew;
    if (Math.abs(skew) > SKEW_FLAG_MS) {
      flags.push({ path, code: 'clock_skew_corrected', message: `the client clock was ${describeSkew(skew)}; the event time was moved by ${skew} ms` });
    }
  }
  if (ts > receivedAt + FUTURE_TOLERANCE_MS) {
    flags.push({
      path,
      code: 'future_time_clamped',
      message: `event time ${iso(ts)} is more than ${FUTURE_TOLERANCE_MS / 60000} minutes after it was received; stored as the receive time`,
    });
    ts = receivedAt;
  }
  return { ts, flags };
}

/** True when an event timed `clientTs` and sent at `sentAt` can have been timed by one clock. */
function sameClock(clientTs: number, sentAt: number): boolean {
  const queued = sentAt - clientTs;
  return queued >= -FUTURE_TOLERANCE_MS && queued <= MAX_QUEUE_AGE_MS;
}

function describeSkew(skew: number): string {
  const minutes = Math.round(Math.abs(skew) / 60000);
  const amount = minutes >= 120 ? `${Math.round(minutes / 60)} hours` : `${minutes} minutes`;
  // skew = server − client: positive means the client clock is behind.
  return `${amount} ${skew > 0 ? 'behind' : 'ahead of'} the server`;
}

const iso = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));
const days = (ms: number) => ms / 86_400_000;
