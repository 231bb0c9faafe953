/**
 * Tokens may be stored in the config as hashes (`"tokenHash": "sha256:<hex>"`), so a leaked
 * config file does not leak working credentials. Tokens are long random strings, so a plain
 * SHA-256 is enough (no salt or slow hash needed: there is no dictionary of likely tokens).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Prefix of a stored token hash. */
export const TOKEN_HASH_PREFIX = 'sha256:';
/** The form of a stored token hash. */
export const TOKEN_HASH_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** The stored form of a token: `sha256:` and the hex SHA-256 of its UTF-8 bytes. */
export function hashToken(token: string): string {
  return TOKEN_HASH_PREFIX + createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A configured credential: a plain token or a token hash. */
export interface TokenSecret {
  token?: string;
  tokenHash?: string;
}

/**
 * True when `presented` is the credential. Both sides are compared as 32-byte digests with
 * timingSafeEqual, so the time taken reveals neither the length nor any prefix of the secret.
 */
export function tokenMatches(presented: string, secret: TokenSecret): boolean {
  const stored = secret.tokenHash ?? (secret.token !== undefined ? hashToken(secret.token) : undefined);
  if (stored === undefined) return false;
  const a = Buffer.from(hashToken(presented).slice(TOKEN_HASH_PREFIX.length), 'hex');
  const b = Buffer.from(stored.slice(TOKEN_HASH_PREFIX.length), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
