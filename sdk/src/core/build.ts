/**
 * Which build this code is compiled into: rollup.config.mjs defines `MAIDIAN_BUILD` as
 * `'script'`, `'npm'` or `'miniprogram'`; in tests, which run the sources, it is undefined and
 * every path is kept. The flags let the minifier drop code a build can never reach, so the
 * script tag stays small without a second copy of the core.
 */
declare const MAIDIAN_BUILD: string | undefined;

const build = typeof MAIDIAN_BUILD != 'undefined' ? MAIDIAN_BUILD : '';

/** Browser builds: no mini-program launch scene, no app-show hook. */
export const BROWSER_ONLY = build == 'script' || build == 'npm';

/** The script tag: its options come from `data-*` attributes, so function options (`beforeSend`) cannot be set. */
export const SCRIPT_TAG = build == 'script';
