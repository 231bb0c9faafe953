import { createHmac } from 'node:crypto';

/** Identity types that are personal data and never stored in clear. */
export const HASHED_IDENTITIES = ['phone', 'email'] as const;
/** Prefix of a hashed identity value; a value with it is not hashed again. */
export const HASH_PREFIX = 'sha256:';

/**
 * Hashes a phone number or email with the site's salt: HMAC-SHA256 keyed by the salt over the
 * normalized value (email trimmed and lowercased; phone without spaces, dashes, dots and
 * parentheses), as `sha256:<hex>`. Normalizing first makes the same person hash the same way
 * whichever form they typed; the salt keeps the hashes useless outside this site.
 */
export function hashIdentity(type: string, value: string, salt: string): string {
  if (value.startsWith(HASH_PREFIX)) return value;
  const normalized = type === 'email' ? value.trim().toLowerCase() : value.replace(/[\s().-]/g, '');
  return HASH_PREFIX + createHmac('sha256', salt).update(normalized).digest('hex');
}

/** A copy of an identities object with phone and email hashed; other identities unchanged. */
export function hashIdentities<T extends Record<string, unknown>>(identities: T, salt: string): T {
  const out: Record<string, unknown> = { ...identities };
  for (const type of HASHED_IDENTITIES) {
    const value = out[type];
    if (typeof value === 'string') out[type] = hashIdentity(type, value, salt);
  }
  return out as T;
}

/**
 * A copy of a raw (possibly invalid) event with phone and email identities hashed, for the
 * quarantine: personal data must not be stored in clear even when the event is rejected.
 * Non-string values of those identities are replaced, since they cannot be hashed faithfully.
 */
export function maskRawIdentities(raw: unknown, salt: string): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const ids = (raw as { identities?: unknown }).identities;
  if (typeof ids !== 'object' || ids === null || Array.isArray(ids)) return raw;
  const masked: Record<string, unknown> = hashIdentities(ids as Record<string, unknown>, salt);
  for (const type of HASHED_IDENTITIES) {
    if (type in masked && typeof masked[type] !== 'string') masked[type] = '[removed: not a string]';
  }
  return { ...raw, identities: masked };
}

/**
 * Hides email addresses, and values of phone-like keys, in text that is not valid JSON (an
 * unreadable body): it cannot be parsed to hash them, so they are removed.
 */
export function redactPersonalText(text: string): string {
  return text
    .replace(/[^\s"'<>@,;:{}[\]]+@[^\s"'<>@,;:{}[\]]+\.[A-Za-z]{2,}/g, '[email removed]')
    .replace(/("?(?:phone|mobile|tel)"?\s*:\s*"?)[^",}\]]*/gi, '$1[phone removed]');
}
