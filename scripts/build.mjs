// Builds the two CommonJS bundles (client and server) and the CLI with esbuild, and compiles
// the bundled records into dist/records/.
// The remark packages are ESM-only; esbuild turns them into CommonJS so the
// extension host and plain `node` can load the bundles.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { compileRecords } from './records.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; take the ESM builds.
  mainFields: ['module', 'main'],
  // Some ESM dependencies (fdir, under tinyglobby) read import.meta.url, which CommonJS lacks.
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
];

// The bundled records, compiled into dist/records/ (scripts/records.mjs).
compileRecords(fileURLToPath(new URL('..', import.meta.url)));

if (watch) {
  const { context } = await import('esbuild');
  for (const e of entries) await (await context({ ...common, ...e })).watch();
} else {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  await Promise.all(entries.filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o))).map((e) => build({ ...common, ...e })));
}
