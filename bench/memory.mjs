// The memory part of the bench alone: `node bench/memory.mjs` (after `npm run build`).
//
// Bundles the core as bench/run.mjs does, writes the 1 MB draft and the 100,000 synthetic
// programs into bench/.build/, and runs bench/rss.mjs in child processes: the peak RSS with
// the bundled records only and with the 100,000 programs, the time each took to load its
// records and the time of the first full check of the draft. The children run with the V8
// options the client starts the language server with (client/src/serverFlags.ts). Quick (about
// a minute) and, unlike timings, not thrown off by a loaded machine.
import { build } from 'esbuild';
import { common } from '../scripts/esbuild.mjs';
import { writeSyntheticRecords } from './syntheticFiles.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '.build');
mkdirSync(OUT, { recursive: true });
const corePath = join(OUT, 'core.cjs');
await build({ ...common, entryPoints: [join(HERE, 'entry.ts')], outfile: corePath });
const core = createRequire(import.meta.url)(corePath);

const draftPath = join(OUT, 'draft-1m.md');
writeFileSync(draftPath, core.generateDraft({ bytes: 1_000_000, seed: 1 }));
const syntheticPaths = writeSyntheticRecords(core, OUT);

// The V8 options the client starts the language server with; `--node-defaults` measures without them.
const execArgv = process.argv.includes('--node-defaults') ? [] : core.SERVER_EXEC_ARGV;

function rss(paths) {
  const r = spawnSync(process.execPath, [...execArgv, join(HERE, 'rss.mjs'), corePath, draftPath, ...paths], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`rss.mjs exited with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 1);
for (let i = 0; i < runs; i++) {
  console.log(JSON.stringify({ bundledOnly: rss([]) }));
  console.log(JSON.stringify({ withSyntheticPrograms: rss(syntheticPaths) }));
}
