import type { ServerResponse } from 'node:http';

/**
 * Headers every answer carries, API included: `nosniff` stops a browser from reading a JSON or
 * CSV answer as HTML or script. The dashboard adds its own CSP and framing rules on top.
 */
export function setBaseHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
}
