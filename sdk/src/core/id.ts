/**
 * A random id of 21 base-36 symbols (≈ 108 bits; nanoid's length, a shorter alphabet to keep the
 * script small). Uses crypto.getRandomValues where the runtime has it; older mini-program
 * runtimes lack it and fall back to Math.random.
 */
export function newId(size = 21): string {
  const bytes = typeof crypto != 'undefined' ? crypto.getRandomValues(new Uint8Array(size)) : 0;
  let id = '';
  for (let i = 0; i < size; i++) id += ((bytes ? bytes[i] : Math.random() * 256) % 36 | 0).toString(36);
  return id;
}
