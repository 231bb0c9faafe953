/**
 * Sends prepared request bodies to a server with a fixed number of concurrent keep-alive
 * connections and measures throughput and latency. Bounded: it sends each body once and stops.
 */
export interface LoadResult {
  requests: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  p50ms: number;
  p99ms: number;
  failures: number;
}

export async function driveLoad(url: string, bodies: string[], eventsPerBody: number, concurrency = 8): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/batch`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failures++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    requests: bodies.length,
    events: bodies.length * eventsPerBody,
    seconds,
    eventsPerSecond: (bodies.length * eventsPerBody) / seconds,
    p50ms: q(0.5),
    p99ms: q(0.99),
    failures,
  };
}
