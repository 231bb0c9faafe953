/**
 * The ingest baseline: the same Express server, body reading and JSON parsing as the collector's
 * `POST /v1/batch`, but no validation, enrichment or storage. Prints `READY <url>`.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '../../collector/src/dictionary/limits.js';

const app = express();
app.disable('x-powered-by');
app.post('/v1/batch', express.text({ type: () => true, limit: LIMITS.bodyBytes }), (req, res) => {
  const body = JSON.parse(req.body as string) as { batch: unknown[] };
  res.json({ accepted: body.batch.length });
});
const server = app.listen(0, '127.0.0.1', () => {
  console.log(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
