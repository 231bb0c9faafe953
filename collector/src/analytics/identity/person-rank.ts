/**
 * How strongly a person is identified, from the identities it holds. Priority, strong to weak:
 * user id / phone (and email) > WeChat unionid > openid > device id / cookie (anonymous id).
 * The persons a collector derives are named by the strongest id they have — a user id, or
 * `anon:<anonymous id>` for a visitor never identified — and the rank decides which side of an
 * explicit merge may become the canonical person.
 */
export const IDENTITY_RANKS: Readonly<Record<string, number>> = {
  user_id: 0,
  phone: 0,
  // Email is not in the usual list; Maidian treats a (hashed) email like a phone number.
  email: 0,
  unionid: 1,
  openid: 2,
  device_id: 3,
};

/** The rank of custom identity types and of a bare anonymous id (cookie). */
export const WEAKEST_RANK = 3;

/** Prefix of the person id of a visitor that was never identified. */
export const ANONYMOUS_PREFIX = 'anon:';

/** The rank of a person: 0 for a user, else that of its strongest typed identity. */
export function personRank(personId: string, identityTypes: readonly string[]): number {
  if (!personId.startsWith(ANONYMOUS_PREFIX)) return 0;
  return Math.min(WEAKEST_RANK, ...identityTypes.map((t) => IDENTITY_RANKS[t] ?? WEAKEST_RANK));
}

/** Names a rank for error messages. */
export function rankName(rank: number): string {
  return ['a user id, phone or email', 'a unionid', 'an openid', 'only a device or anonymous id'][rank] ?? 'unknown';
}
