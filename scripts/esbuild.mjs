// The esbuild settings every bundle shares: the extension, the server and the CLI
// (scripts/build.mjs), the benchmark's core (bench/run.mjs) and the generator
// (scripts/generate.mjs). The remark packages are ESM-only; esbuild turns them into
// CommonJS so the extension host and plain `node` can load the bundles.
export const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; take the ESM builds.
  mainFields: ['module', 'main'],
  // Some ESM dependencies (fdir, under tinyglobby) read import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
