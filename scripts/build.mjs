// Builds the two CommonJS bundles (client and server) and the CLI with esbuild, with the
// settings of scripts/esbuild.mjs and source maps, and compiles the bundled records into dist/records/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { common as shared } from './esbuild.mjs';
import { compileRecords } from './records.mjs';

const watch = process.argv.includes('--watch');
const common = { ...shared, sourcemap: true };

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
