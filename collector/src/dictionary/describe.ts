/**
 * Bilingual field metadata. Every schema in the dictionary carries an English description
 * (JSON Schema `description`) and a Chinese one (`x-description-zh`), because marketers read
 * the generated dictionary in both languages.
 */
// A type alias, not an interface: zod's `.meta()` takes an object with an index signature.
export type Bilingual = {
  description: string;
  'x-description-zh': string;
};

/** Metadata for `.meta()`: `bi('Page URL', '页面地址')`. */
export function bi(en: string, zh: string): Bilingual {
  return { description: en, 'x-description-zh': zh };
}
