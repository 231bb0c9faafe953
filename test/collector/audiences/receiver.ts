/** A local webhook receiver (127.0.0.1, port 0) that keeps every request with its raw body. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received { headers: Record<string, string | string[] | undefined>; body: string }

/** Starts a receiver answering `status()` (default 200). */
export async function startReceiver(status: () => number = () => 200): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = status();
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
