/**
 * Calls to the collector's public API with the user's read token. Every failure becomes an
 * ApiError carrying the API's own error body, so pages can say what went wrong; a 401 on the
 * read token signs the user out (see {@link onUnauthorized}).
 */
import { readToken } from './session.js';

/** One problem of an API error answer. */
export interface ApiIssue {
  path: string;
  message: string;
  expected?: string;
}

/** A failed API call: HTTP status (0 = no answer), the API's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query values; undefined ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

let unauthorized: () => void = () => {};

/** Sets what happens when the read token is refused (the app signs out). */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

/** The URL of an API path with its query. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Options of a call: an abort signal, and a token other than the read token (admin calls). */
export interface CallOptions {
  signal?: AbortSignal;
  token?: string;
}

/** GET a JSON resource. */
export function apiGet<T>(path: string, query: Query = {}, options: CallOptions = {}): Promise<T> {
  return call<T>('GET', apiUrl(path, query), undefined, options);
}

/** POST a JSON body. */
export function apiPost<T>(path: string, body: unknown, options: CallOptions = {}): Promise<T> {
  return call<T>('POST', path, JSON.stringify(body), options);
}

/** GET a resource that is not JSON (a review page to download) as a Blob. */
export function apiBlob(path: string, query: Query = {}, options: CallOptions = {}): Promise<Blob> {
  return call<Blob>('GET', apiUrl(path, query), undefined, options, true);
}

async function call<T>(method: string, url: string, body: string | undefined, options: CallOptions, blob = false): Promise<T> {
  const token = options.token ?? readToken();
  const headers: Record<string, string> = { accept: blob ? '*/*' : 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method, headers, body, signal: options.signal, credentials: 'omit' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (res.ok && blob) return (await res.blob()) as T;
  const data = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const error = (data as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)?.error;
  const failure = new ApiError(res.status, error?.code ?? `http_${res.status}`, error?.message ?? `${res.status} ${res.statusText}`, error?.issues ?? []);
  // A refused admin token is the dialog's business; a refused read token ends the session.
  if (res.status === 401 && options.token === undefined) unauthorized();
  throw failure;
}

/** True for the abort of a superseded request, which is not an error to show. */
export function isAbort(err: unknown): boolean {
  return (err as Error)?.name === 'AbortError';
}
