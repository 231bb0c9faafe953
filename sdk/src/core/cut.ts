/** Keeps a string within a dictionary limit: 2048 characters for URLs, less for titles and texts. */
export const cut = (s: string, max = 2048) => s.slice(0, max);
