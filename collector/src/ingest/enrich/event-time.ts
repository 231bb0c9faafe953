import type { Reason } from '../../dictionary/reason.js';

/** How far in the future a corrected time may be before it is clamped (ms). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

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
 */
export function correctEventTime(clientTs: number, sentAt: number | null, receivedAt: number, at: string): EventTime {
  const flags: Reason[] = [];
  let ts = clientTs;
  if (sentAt === null) {
    flags.push({ path: `${at}/ts`, code: 'uncorrected_time', message: 'no sentAt was sent, so the client time is stored without clock-skew correction' });
  } else {
    ts = clientTs + (receivedAt - sentAt);
  }
  if (ts > receivedAt + FUTURE_TOLERANCE_MS) {
    flags.push({
      path: `${at}/ts`,
      code: 'future_time_clamped',
      message: `event time ${new Date(ts).toISOString()} is more than ${FUTURE_TOLERANCE_MS / 60000} minutes after it was received; stored as the receive time`,
    });
    ts = receivedAt;
  }
  return { ts, flags };
}
