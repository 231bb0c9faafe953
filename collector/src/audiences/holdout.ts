import { createHash } from 'node:crypto';

/**
 * Where a person falls in [0, 1) for a seed: the first 48 bits of SHA-256(seed, NUL, person id)
 * over 2^48. The same person and seed always fall in the same place, and different seeds give
 * independent assignments. 48 bits fit a double exactly.
 */
export function holdoutPoint(personId: string, seed: string): number {
  const digest = createHash('sha256').update(seed).update('\u0000').update(personId).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** Whether a person is in the holdout of share `share` (0 ≤ share ≤ 0.5) under `seed`. */
export function inHoldout(personId: string, seed: string, share: number): boolean {
  return share > 0 && holdoutPoint(personId, seed) < share;
}
