// Builds the marketer dashboard into dist/dashboard/: index.html, assets/styles.css, the entry
// assets/main.js, one chunk per page and one for ECharts (loaded only by pages with charts).
// The lead's root rollup.config.mjs spreads this array into its own.
import { readFileSync, rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const here = (file) => new URL(file, import.meta.url);

/**
 * ECharts and zrender list their few side-effectful files in package.json "sideEffects"; every
 * other module may be dropped when unused. Rollup only learns that for the files the resolver
 * hands it, not for the package's relative imports, so the lists are applied here for all of
 * their files. Without it, every chart type and component ends up in the bundle (~1 MB).
 */
const packageSideEffects = (name) => {
  const root = new URL(`../../node_modules/${name}/`, import.meta.url);
  const globs = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).sideEffects;
  const patterns = globs.map((g) => new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*')}$`));
  return { prefix: `/node_modules/${name}/`, patterns };
};
const listed = [packageSideEffects('echarts'), packageSideEffects('zrender')];
const moduleSideEffects = (id) => {
  const path = id.replaceAll('\\', '/');
  for (const { prefix, patterns } of listed) {
    const at = path.lastIndexOf(prefix);
    if (at >= 0) return patterns.some((re) => re.test(path.slice(at + prefix.length)));
  }
  return true;
};

/** ECharts and zrender guard debug code with process.env.NODE_ENV; browsers have no process. */
const productionEnv = {
  name: 'production-env',
  transform(code) {
    if (!code.includes('process.env.NODE_ENV')) return null;
    return { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null };
  },
};

/** Copies the page and the style sheet next to the scripts. */
const staticFiles = {
  name: 'dashboard-static-files',
  buildStart() {
    // Hashed chunks of earlier builds would pile up (and count against the size budget).
    rmSync(new URL('../../dist/dashboard/', import.meta.url), { recursive: true, force: true });
    for (const file of ['index.html', 'styles.css']) this.addWatchFile(here(file).pathname);
  },
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'index.html', source: readFileSync(here('index.html'), 'utf8') });
    this.emitFile({ type: 'asset', fileName: 'assets/styles.css', source: readFileSync(here('styles.css'), 'utf8') });
  },
};

export default [
  {
    input: here('src/main.ts').pathname,
    treeshake: { moduleSideEffects },
    output: {
      dir: 'dist/dashboard',
      format: 'es',
      entryFileNames: 'assets/main.js',
      // Hashed names may be cached for good (the collector marks them immutable).
      chunkFileNames: 'assets/[name]-[hash].js',
      manualChunks: (id) => (/node_modules\/(echarts|zrender|tslib)\/|charts\/echarts-setup/.test(id) ? 'echarts' : undefined),
    },
    plugins: [
      productionEnv,
      nodeResolve({ browser: true }),
      esbuild({ target: 'es2020', tsconfig: here('tsconfig.json').pathname }),
      terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } }),
      staticFiles,
    ],
  },
];
