import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Reason } from '../dictionary/reason.js';
import { STORAGE_RETRY_AFTER_SECONDS, storageFailure } from '../security/storage-unavailable.js';

/** One problem in an error answer. */
export interface Issue {
  path: string;
  message: string;
  expected?: string;
}

/** The error body every endpoint answers with: `{ error: { code, message, issues? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; issues?: Issue[] };
}

/** An error with the HTTP status and body to answer with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    /** Seconds for a `Retry-After` header (503, 429). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Issues for an error body from validation reasons (the codes stay in the message). */
export function issuesFrom(reasons: Reason[]): Issue[] {
  return reasons.map(({ path, message, expected }) => (expected === undefined ? { path, message } : { path, message, expected }));
}

/** Writes an error body. */
export function sendError(res: Response, err: HttpError): void {
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
  if (err.retryAfter !== undefined) res.setHeader('Retry-After', String(err.retryAfter));
  res.status(err.status).json(body);
}

/** 404 for routes the collector does not have. */
export const notFound: RequestHandler = (req, res) => {
  sendError(res, new HttpError(404, 'not_found', `no route ${req.method} ${req.path}; see GET /openapi.json for the API`));
};

/**
 * The last middleware: known errors answer with their status; body-parser errors become clear
 * 4xx answers; storage failures (disk full, read-only) are 503 with Retry-After; anything else
 * is logged and answered 500 without internals.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  void _next;
  if (res.headersSent) return;
  if (err instanceof HttpError) return sendError(res, err);
  const parserError = fromBodyParser(err);
  if (parserError) return sendError(res, parserError);
  const storage = storageFailure(err);
  if (storage) {
    // Logged as a warning: the operator must free space or fix permissions; clients will retry.
    req.log?.warn({ err, sqliteCode: storage.sqliteCode }, 'storage unavailable');
    return sendError(res, new HttpError(503, 'storage_unavailable', storage.message, undefined, STORAGE_RETRY_AFTER_SECONDS));
  }
  req.log?.error({ err }, 'unhandled error');
  sendError(res, new HttpError(500, 'internal', 'the collector failed to handle this request; the error is in its log'));
};

function fromBodyParser(err: { type?: string; status?: number; limit?: number; length?: number; charset?: string }): HttpError | null {
  switch (err?.type) {
    case 'entity.too.large':
      return new HttpError(413, 'body_too_large', `the request body is ${err.length ?? 'more than'} bytes; at most ${err.limit} bytes are accepted (send fewer events per batch)`);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_encoding', `unsupported body encoding${err.charset ? ` "${err.charset}"` : ''}; send UTF-8 JSON (Content-Type application/json or text/plain)`);
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', `the request body is not JSON: ${(err as Error).message}`, [{ path: '', message: 'not JSON', expected: 'a JSON object' }]);
    case 'request.aborted':
      return new HttpError(400, 'request_aborted', 'the client aborted the request before the body was complete');
    default:
      return err?.status && err.status >= 400 && err.status < 500 ? new HttpError(err.status, 'bad_request', String((err as Error).message)) : null;
  }
}
