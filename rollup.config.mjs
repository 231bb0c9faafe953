// Builds the tracking SDK into dist/sdk/: the script tag (IIFE), the npm build (ESM, CJS and
// types) and the mini-program build. `npm run build` runs this file.
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { RESERVED_PROPS } from './sdk/reserved-props.mjs';
import dashboard from './collector/dashboard/rollup.dashboard.mjs';

const out = 'dist/sdk';

/**
 * Transpiles TypeScript (type-only imports vanish, so zod never enters a bundle). Browsers get
 * ES2020 (optional chaining is much shorter than its ES2018 spelling); mini-programs ES2018, as
 * older runtimes and their upload tools lag behind. `MAIDIAN_BUILD` names the build, so the
 * minifier drops what that build can never reach (sdk/src/core/build.ts).
 */
const ts = (build, target = 'es2020') => esbuild({ target, tsconfig: 'tsconfig.json', define: { MAIDIAN_BUILD: JSON.stringify(build) } });

/**
 * Minifies hard. With `mangleProps`, internal property names are shortened too: everything but
 * RESERVED_PROPS (wire format, public API, stored state) and the DOM's own names. The
 * mini-program build keeps its names, as the runtimes' APIs (`wx.request`…) are not in the DOM list.
 */
const minify = (module, mangleProps) =>
  terser({
    ecma: 2020,
    module,
    toplevel: true,
    compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true, pure_getters: true, hoist_funs: true },
    mangle: mangleProps ? { properties: { reserved: RESERVED_PROPS, keep_quoted: true } } : true,
    format: { comments: false },
  });

export default [
  {
    input: 'sdk/src/script-tag.ts',
    output: { file: `${out}/maidian.js`, format: 'iife', strict: false },
    plugins: [ts('script'), minify(false, true)],
  },
  {
    input: 'sdk/src/index.ts',
    output: [
      { file: `${out}/index.mjs`, format: 'es' },
      { file: `${out}/index.cjs`, format: 'cjs' },
    ],
    plugins: [ts('npm'), minify(true, true)],
  },
  {
    input: 'sdk/src/miniprogram.ts',
    output: [
      { file: `${out}/miniprogram.mjs`, format: 'es' },
      { file: `${out}/miniprogram.cjs`, format: 'cjs' },
    ],
    plugins: [ts('miniprogram', 'es2018'), minify(true, false)],
  },
  {
    input: 'sdk/src/index.ts',
    output: { file: `${out}/index.d.ts`, format: 'es' },
    plugins: [dts()],
  },
  {
    input: 'sdk/src/miniprogram.ts',
    output: { file: `${out}/miniprogram.d.ts`, format: 'es' },
    plugins: [dts()],
  },
  // The marketer dashboard (dist/dashboard/), served by the collector at /dashboard.
  ...dashboard,
];
