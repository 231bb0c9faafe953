/**
 * Drives a stream of batches at a collector the way many SDKs would: several concurrent
 * keep-alive connections, each batch with its own unique event ids, and records for every
 * batch whether the collector acknowledged it (HTTP 200 with a per-event result for each).
 */
import { batch, pageView } from '../../collector/helpers/events.js';
import { CHROME_UA } from '../../collector/helpers/test-collector.js';

/** A batch to send and the event ids in it. */
export interface StreamBatch {
  ids: string[];
  body: string;
}

/** What happened to one batch. */
export type BatchOutcome = 'acked' | 'failed' | 'unsent';

/** `count` batches of `size` page views each, every event id unique. */
export function makeBatches(count: number, size: number, now = Date.now()): StreamBatch[] {
  return Array.from({ length: count }, (_, b) => {
    const events = Array.from({ length: size }, (_, i) => pageView(now - 1000 + i, `/p/${b}/${i}`, { anonymousId: `anon-${b % 50}`, sessionId: `sess-${b % 50}` }));
    return { ids: events.map((e) => e.id as string), body: JSON.stringify(batch(events, now)) };
  });
}

/** Sends one batch; 'acked' only on 200 with a result for every event, else 'failed'. */
export async function sendBatch(url: string, b: StreamBatch): Promise<{ outcome: BatchOutcome; statuses: string[] }> {
  try {
    const res = await fetch(`${url}/v1/batch`, { method: 'POST', body: b.body, headers: { 'content-type': 'text/plain', 'user-agent': CHROME_UA } });
    const text = await res.text();
    if (res.status !== 200) return { outcome: 'failed', statuses: [] };
    const statuses = (JSON.parse(text) as { results: { status: string }[] }).results.map((r) => r.status);
    return { outcome: statuses.length === b.ids.length ? 'acked' : 'failed', statuses };
  } catch {
    return { outcome: 'failed', statuses: [] };
  }
}

/**
 * Sends every batch once with `concurrency` workers; `onAck(count)` runs after each
 * acknowledgement (a test uses it to kill the collector mid-stream). Returns each batch's outcome.
 */
export async function driveStream(url: string, batches: StreamBatch[], concurrency: number, onAck?: (acked: number) => void): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = batches.map(() => 'unsent');
  let next = 0;
  let acked = 0;
  const worker = async () => {
    while (next < batches.length) {
      const i = next++;
      const { outcome } = await sendBatch(url, batches[i]);
      outcomes[i] = outcome;
      if (outcome === 'acked') onAck?.(++acked);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return outcomes;
}

/** Ids of the batches with the given outcome. */
export function idsOf(batches: StreamBatch[], outcomes: BatchOutcome[], which: BatchOutcome): string[] {
  return batches.flatMap((b, i) => (outcomes[i] === which ? b.ids : []));
}
