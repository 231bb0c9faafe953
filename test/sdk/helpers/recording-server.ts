import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/** One request the collector stand-in received. */
export interface Received {
  body: string;
  json?: { site: string; key?: string; sentAt: number; dropped?: number; batch: { id: string; event: string; [k: string]: unknown }[] };
  contentType?: string;
  /** Sent by navigator.sendBeacon (Fetch metadata mode `no-cors`; the SDK's own requests are `cors`). */
  beacon?: boolean;
  /** When the request arrived and when it was answered (epoch ms). */
  at: number;
  answeredAt?: number;
}

/** How the stand-in answers one batch (optionally after a delay); the default is 200 at once with every event accepted. */
export type Answer = (r: Received) => { status: number; headers?: Record<string, string>; delayMs?: number } | undefined;

/**
 * A real HTTP server on 127.0.0.1 that records `POST /v1/batch` bodies like the collector would
 * receive them, answers as told, and serves `/maidian.js` plus test pages from memory.
 */
export async function startRecordingServer(pages: Record<string, string> = {}) {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url || '/').split('?')[0];
      if (req.method == 'POST' && path == '/v1/batch') {
        const r: Received = { body: Buffer.concat(chunks).toString('utf8'), contentType: req.headers['content-type'], beacon: req.headers['sec-fetch-mode'] == 'no-cors', at: Date.now() };
        try {
          r.json = JSON.parse(r.body);
        } catch {}
        received.push(r);
        const a = answers.length ? answers.shift()!(r) : undefined;
        const reply = () => {
          r.answeredAt = Date.now();
          res.writeHead(a?.status ?? 200, { 'Content-Type': 'application/json', ...a?.headers });
          res.end(JSON.stringify({ results: (r.json?.batch || []).map((e, index) => ({ index, id: e.id, status: 'accepted' })) }));
        };
        return a?.delayMs ? void setTimeout(reply, a.delayMs) : reply();
      }
      if (path == '/maidian.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end(readFileSync('dist/sdk/maidian.js'));
      }
      if (pages[path] != null) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(pages[path]);
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** Queues answers for the next batches, in order. */
    answer: (...a: Answer[]) => answers.push(...a),
    /** Forgets the answers not used yet. */
    clearAnswers: () => void answers.splice(0),
    /** Every event received, in arrival order (duplicates included). */
    events: () => received.flatMap((r) => r.json?.batch || []),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export type RecordingServer = Awaited<ReturnType<typeof startRecordingServer>>;

/** Polls until `check` returns a truthy value or `ms` pass; returns the value (throws on timeout). */
export async function waitFor<T>(check: () => T, ms = 5000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
