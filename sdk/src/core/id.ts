import { BROWSER_ONLY } from './build.js';

/**
 * A random id of `size` base-36 symbols (21: ≈ 108 bits, nanoid's length, with a shorter
 * alphabet to keep the script small). Uses crypto.getRandomValues where the runtime has it;
 * older mini-program runtimes lack it and fall back to Math.random.
 */
export function newId(size = 21): string {
  // Every browser has crypto; only mini-program builds need the test and the fallback.
  const bytes = (BROWSER_ONLY || typeof crypto != 'undefined') && crypto.getRandomValues(new Uint8Array(size));
  let id = '';
  while (size--) id += ((BROWSER_ONLY || bytes ? (bytes as Uint8Array)[size] : Math.random() * 256) % 36 | 0).toString(36);
  return id;
}
