// The performance bench: `npm run bench` (builds, then `node --expose-gc bench/run.mjs`).
//
// Bundles the TypeScript core with esbuild into bench/.build/ (ignored), generates seeded
// drafts of 20 KB, 100 KB and 1 MB (bench/generate.ts), and measures with tinybench, in this
// one process, medians over several runs of:
// - the floor: a bare `unified().use(remarkParse).use(remarkGfm).parse(text)`;
// - a full check with a fresh DocumentAnalyzer, and its ratio to the floor;
// - 100 single-character edits with a warm DocumentAnalyzer (half in prose that mentions a
//   program, half in prose that does not): p50, p95, and the p50's ratio to the floor;
// - hovers: the server's own hover builder (server/src/features/hover.ts) on the cached
//   analysis, at mentions and at citations;
// - the 1 MB draft against the bundled records plus 100,000 synthetic programs, and the time
//   to build that record set;
// then, in child processes: the peak RSS with the 1 MB draft analysed and 100,000 programs
// loaded; `initialize` → first diagnostics over the real LSP (node dist/server.js --stdio) on
// the 20 KB draft and on examples/seed-commentary.md; markdownlint-cli2 on the 1 MB file (wall time of 3 process runs).
// Prints a table and writes bench/results.json. `--quick` runs fewer iterations.
import { build } from 'esbuild';
import { common } from '../scripts/esbuild.mjs';
import { writeSyntheticRecords } from './syntheticFiles.mjs';
import { Bench } from 'tinybench';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, '.build');
const QUICK = process.argv.includes('--quick');
const started = performance.now();

/** The core, bundled with the settings scripts/build.mjs bundles the server with (scripts/esbuild.mjs). */
async function bundleCore() {
  mkdirSync(OUT, { recursive: true });
  await build({
    ...common,
    entryPoints: [join(HERE, 'entry.ts')],
    outfile: join(OUT, 'core.cjs'),
  });
  return join(OUT, 'core.cjs');
}

const corePath = await bundleCore();
const core = createRequire(import.meta.url)(corePath);

// ---------------------------------------------------------------------------------------
// Helpers

const gc = () => globalThis.gc?.();
const round = (n, digits = 1) => (n === null || n === undefined || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
};

/** Runs tinybench tasks in order, `iterations` timed runs each, and returns their samples (ms). */
async function measure(tasks, { iterations, warmupIterations = 1 }) {
  const bench = new Bench({ time: 0, iterations, warmup: warmupIterations > 0, warmupIterations, warmupTime: 0, retainSamples: true });
  for (const t of tasks) bench.add(t.name, t.fn, t.options ?? {});
  await bench.run();
  const out = {};
  for (const task of bench.tasks) {
    if (task.result.state !== 'completed') throw new Error(`${task.name}: ${task.result.state} ${task.result.error?.stack ?? ''}`);
    out[task.name] = [...task.result.latency.samples];
  }
  return out;
}

function log(...args) {
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...args);
}

// ---------------------------------------------------------------------------------------
// Drafts and records

const SIZES = [
  { key: '20k', bytes: 20_000, iterations: QUICK ? 5 : 30 },
  { key: '100k', bytes: 100_000, iterations: QUICK ? 3 : 15 },
  { key: '1m', bytes: 1_000_000, iterations: QUICK ? 2 : 7 },
];
const records = core.loadRecords({ bundled: true, extra: [] });
const drafts = Object.fromEntries(SIZES.map((s) => [s.key, core.generateDraft({ bytes: s.bytes, seed: 1 })]));
writeFileSync(join(OUT, 'draft-1m.md'), drafts['1m']);
writeFileSync(join(OUT, 'draft-20k.md'), drafts['20k']);

const results = {
  generatedAt: new Date().toISOString(),
  command: 'npm run bench',
  machine: {
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${arch()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryGb: round(totalmem() / 2 ** 30, 1),
  },
  drafts: {},
  sizes: {},
  notes: [],
};

// ---------------------------------------------------------------------------------------
// Per size: floor, full check, edits, hovers

/**
 * Single-character edits in a warm analyzer: each insertion of a letter inside a word of a
 * prose chunk is followed by its deletion, so that every step changes one character of the
 * version before it. Half of the chunks mention a program, half do not.
 */
function editPlan(text, analysis, rng, count) {
  const mentionStarts = analysis.mentions.map((m) => m.start);
  const prose = { mention: [], plain: [] };
  for (const b of core.splitChunks(text)) {
    const chunk = text.slice(b.start, b.end);
    if (!/^[\p{L}“"(]/u.test(chunk)) continue;
    const mentions = mentionStarts.some((s) => s >= b.start && s < b.end);
    prose[mentions ? 'mention' : 'plain'].push(b);
  }
  const plan = [];
  for (let i = 0; plan.length < count; i++) {
    const kind = i % 2 === 0 ? 'mention' : 'plain';
    const blocks = prose[kind].length > 0 ? prose[kind] : prose.mention;
    const b = rng.pick(blocks);
    let at = rng.int(b.start, b.end - 1);
    while (at < b.end - 1 && !/\p{L}/u.test(text[at])) at++;
    plan.push({ kind, at, char: rng.pick([...'etaoinsrh']) });
  }
  return { plan, counts: { mentionChunks: prose.mention.length, plainChunks: prose.plain.length } };
}

for (const size of SIZES) {
  const text = drafts[size.key];
  log(`${size.key}: floor and full check (${size.iterations} runs each)`);
  const fresh = new core.DocumentAnalyzer(records);
  const analysis = fresh.analyze(text);
  const chunks = core.splitChunks(text).length;
  results.drafts[size.key] = {
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length,
    chunks,
    chunksLeftUnparsed: fresh.lastLazy,
    mentions: analysis.mentions.length,
    citations: analysis.citations.length,
    attributions: analysis.attributions.length,
    footnoteDefinitions: analysis.footnotes.length,
    findings: analysis.findings.length,
    internalErrors: analysis.internalErrors.length,
  };

  const heavy = { beforeEach: gc };
  const main = await measure(
    [
      { name: 'floor', fn: () => core.parseFloor(text), options: heavy },
      { name: 'full', fn: () => new core.DocumentAnalyzer(records).analyze(text), options: heavy },
    ],
    { iterations: size.iterations },
  );

  // Edits.
  const editCount = QUICK ? 20 : 100;
  const warm = new core.DocumentAnalyzer(records);
  warm.analyze(text);
  const { plan, counts } = editPlan(text, analysis, new core.Rng(size.bytes), editCount / 2);
  let current = text;
  let step = 0;
  let pending;
  let next = text;
  const analysed = [];
  const edits = await measure(
    [
      {
        name: 'edit',
        fn: () => {
          warm.analyze(next);
        },
        options: {
          beforeEach() {
            if (pending) {
              next = current.slice(0, pending.at) + current.slice(pending.at + 1);
              pending = undefined;
            } else {
              const e = plan[step++ % plan.length];
              pending = e;
              next = current.slice(0, e.at) + e.char + current.slice(e.at);
            }
            current = next;
          },
          afterEach() {
            analysed.push(warm.lastStats.analysed);
          },
        },
      },
    ],
    { iterations: editCount, warmupIterations: 0 },
  );

  // Hovers: the server's hover builder on the warm analyzer's cached analysis.
  const cached = warm.analyze(current);
  const doc = core.documentFor('file:///bench/draft.md', current);
  doc.positionAt(current.length);
  const ctx = { doc, text: current, analysis: cached, records, displayPath: (f) => f };
  const hoverRng = new core.Rng(7);
  const mentionOffsets = Array.from({ length: 200 }, () => {
    const m = hoverRng.pick(cached.mentions);
    return m.start + Math.floor((m.end - m.start) / 2);
  });
  const citationOffsets = Array.from({ length: 200 }, () => hoverRng.pick(cached.citations).start + 1);
  let hm = 0;
  let hc = 0;
  let emptyHovers = 0;
  const hovers = await measure(
    [
      {
        name: 'hoverMention',
        fn: () => {
          if (!core.hoverAt(ctx, mentionOffsets[hm++ % mentionOffsets.length])) emptyHovers++;
        },
      },
      { name: 'hoverCitation', fn: () => core.hoverAt(ctx, citationOffsets[hc++ % citationOffsets.length]) },
    ],
    { iterations: QUICK ? 50 : 200, warmupIterations: 10 },
  );

  const floor = median(main.floor);
  const full = median(main.full);
  const editP50 = median(edits.edit);
  results.sizes[size.key] = {
    parseFloorMs: round(floor),
    fullCheckMs: round(full),
    ratioFullToFloor: round(full / floor, 2),
    editRecheckP50Ms: round(editP50),
    editRecheckP95Ms: round(quantile(edits.edit, 0.95)),
    ratioEditToFloor: round(editP50 / floor, 3),
    hoverP95Ms: round(quantile(hovers.hoverMention, 0.95), 3),
    hoverCitationP95Ms: round(quantile(hovers.hoverCitation, 0.95), 3),
    runs: { floor: main.floor.length, full: main.full.length, edits: edits.edit.length, hovers: hovers.hoverMention.length },
    floorMinMaxMs: [round(Math.min(...main.floor)), round(Math.max(...main.floor))],
    fullMinMaxMs: [round(Math.min(...main.full)), round(Math.max(...main.full))],
    editChunksReanalysedMedian: median(analysed),
    editTargets: counts,
  };
  if (emptyHovers > 0) results.notes.push(`${size.key}: ${emptyHovers} hovers on mentions returned no card.`);
}

// ---------------------------------------------------------------------------------------
// 100,000 synthetic programs

{
  log('100,000 synthetic programs: building the record set');
  const bundledFiles = core.readRecordFiles(
    core.BUNDLED_FILES.map((f) => join(core.bundledDataDir(corePath), f)),
    true,
  ).files;
  const synthetic = core.generateSyntheticRecords({ programs: 100_000 });
  let big;
  const buildRuns = await measure(
    [
      {
        name: 'build',
        fn: () => {
          big = core.RecordSet.fromTexts([...bundledFiles, ...synthetic]);
        },
        options: { beforeEach: () => ((big = undefined), gc()) },
      },
    ],
    { iterations: QUICK ? 1 : 3, warmupIterations: 0 },
  );
  big ??= core.RecordSet.fromTexts([...bundledFiles, ...synthetic]);
  const text = drafts['1m'];
  log('100,000 synthetic programs: full check of the 1 MB draft');
  const runs = await measure(
    [
      { name: 'bundled', fn: () => new core.DocumentAnalyzer(records).analyze(text), options: { beforeEach: gc } },
      { name: 'big', fn: () => new core.DocumentAnalyzer(big).analyze(text), options: { beforeEach: gc } },
    ],
    { iterations: QUICK ? 2 : 5 },
  );
  const same = JSON.stringify(new core.DocumentAnalyzer(big).analyze(text).findings.map((f) => [f.code, f.start, f.end])) === JSON.stringify(new core.DocumentAnalyzer(records).analyze(text).findings.map((f) => [f.code, f.start, f.end]));
  results.records100k = {
    programs: big.programs.size,
    aliases: big.aliasIndex.size,
    sources: big.sources.size,
    claims: big.claims.size,
    recordProblems: big.problems.length,
    buildRecordSetMs: round(median(buildRuns.build)),
    fullCheck100kProgramsMs: round(median(runs.big)),
    fullCheckBundledMs: round(median(runs.bundled)),
    ratio100kToBundled: round(median(runs.big) / median(runs.bundled), 2),
    sameFindingsAsBundled: same,
  };
  results.fullCheck100kProgramsMs = results.records100k.fullCheck100kProgramsMs;
  results.ratio100kToBundled = results.records100k.ratio100kToBundled;
  big = undefined;
  gc();
}

// ---------------------------------------------------------------------------------------
// Child processes: peak RSS, the LSP round trip, markdownlint

function runChild(args, options = {}) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  return r.stdout;
}

log('peak RSS (child processes)');
{
  // The child reads its records and the draft from files, as the server does: records made
  // in the same process would leave the generator's garbage in its peak.
  const child = join(HERE, 'rss.mjs');
  const syntheticPaths = writeSyntheticRecords(core, OUT);
  const draftPath = join(OUT, 'draft-1m.md');
  // With the V8 options the client starts the language server with (client/src/serverFlags.ts).
  const withBig = JSON.parse(runChild([...core.SERVER_EXEC_ARGV, child, corePath, draftPath, ...syntheticPaths]));
  const bundledOnly = JSON.parse(runChild([...core.SERVER_EXEC_ARGV, child, corePath, draftPath]));
  results.peakRssMb = withBig.peakRssMb;
  results.memory = { withSyntheticPrograms: withBig, bundledOnly };
}

log('LSP: initialize → first diagnostics');
results.lsp = await lspBench(drafts['20k'], QUICK ? 1 : 3);
// The same on the seed commentary, a real draft (examples/).
results.lspSeed = await lspBench(readFileSync(join(ROOT, 'examples', 'seed-commentary.md'), 'utf8'), QUICK ? 1 : 3);

log('markdownlint-cli2 on the 1 MB draft');
results.markdownlint = markdownlintBench(join(OUT, 'draft-1m.md'), 3);
if (results.markdownlint.medianMs) results.markdownlint.ratioFullToMarkdownlint = round(results.sizes['1m'].fullCheckMs / results.markdownlint.medianMs, 3);
results.ratioFullToMarkdownlint = results.markdownlint.ratioFullToMarkdownlint ?? null;

results.benchSeconds = round((performance.now() - started) / 1000, 0);
results.notes.push(
  'Times are medians in one process (tinybench, time budget 0, fixed iterations, one warm-up run, gc() before each heavy run).',
  'hoverP95Ms times server/src/features/hover.ts hoverAt() on the cached analysis (mentions); hoverCitationP95Ms the same at citations, whose card also scans the text for the paragraph around it.',
  'markdownlint is timed as whole process runs (Node start included, about 0.17 s); Claim Check in process.',
);
writeFileSync(join(HERE, 'results.json'), JSON.stringify(results, null, 2) + '\n');
printTable(results);

// ---------------------------------------------------------------------------------------

/** Spawns the real server and times `initialize` → the first publishDiagnostics of a draft. */
async function lspBench(text, runs) {
  const server = join(ROOT, 'dist', 'server.js');
  if (!existsSync(server)) return { initializeToFirstDiagnosticsMs: null, reason: 'dist/server.js does not exist (npm run build did not produce it)' };
  const rpc = createRequire(import.meta.url)('vscode-jsonrpc/node');
  const times = [];
  const spawnTimes = [];
  let count;
  for (let i = 0; i < runs; i++) {
    const folder = mkdtempSync(join(tmpdir(), 'claimcheck-bench-'));
    const t0 = performance.now();
    const child = spawn(process.execPath, [...core.SERVER_EXEC_ARGV, server, '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.on('error', () => {});
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(join(folder, 'draft.md')).href;
    const first = new Promise((resolve) => {
      conn.onNotification('textDocument/publishDiagnostics', (p) => {
        if (p.uri === uri) resolve({ at: performance.now(), count: p.diagnostics.length });
      });
    });
    conn.onRequest(() => null);
    conn.onNotification(() => {});
    conn.listen();
    try {
      const t1 = performance.now();
      await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
        capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { didSave: true } }, workspace: { workspaceFolders: true } },
      });
      conn.sendNotification('initialized', {});
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      const got = await Promise.race([first, new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics after 30 s; server stderr: ${stderr}`)), 30_000))]);
      times.push(got.at - t1);
      spawnTimes.push(got.at - t0);
      count = got.count;
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    } catch (err) {
      return { initializeToFirstDiagnosticsMs: null, reason: String(err) };
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return {
    initializeToFirstDiagnosticsMs: round(median(times)),
    spawnToFirstDiagnosticsMs: round(median(spawnTimes)),
    runs: times.map((t) => round(t)),
    diagnostics: count,
    draftBytes: Buffer.byteLength(text),
  };
}

/** Wall time of markdownlint-cli2 (default rules) on a file, over whole process runs. */
function markdownlintBench(file, runs) {
  const bin = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (!existsSync(bin)) return { medianMs: null, reason: 'markdownlint-cli2 is not installed' };
  const times = [];
  let banner = '';
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, file], { cwd: dirname(file), encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    times.push(performance.now() - t0);
    banner = (r.stdout.split('\n')[0] ?? '').trim();
    findings = r.stderr.split('\n').filter((l) => l.includes(' MD0')).length;
  }
  return { version: banner, medianMs: round(median(times)), runs: times.map((t) => round(t)), findings };
}

function printTable(r) {
  const rows = [['metric', ...SIZES.map((s) => s.key)]];
  const metric = (label, key) => rows.push([label, ...SIZES.map((s) => String(r.sizes[s.key][key] ?? '—'))]);
  metric('parse floor (ms)', 'parseFloorMs');
  metric('full check (ms)', 'fullCheckMs');
  metric('full / floor', 'ratioFullToFloor');
  metric('edit p50 (ms)', 'editRecheckP50Ms');
  metric('edit p95 (ms)', 'editRecheckP95Ms');
  metric('edit p50 / floor', 'ratioEditToFloor');
  metric('hover p95, mention (ms)', 'hoverP95Ms');
  metric('hover p95, citation (ms)', 'hoverCitationP95Ms');
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows.slice(1)) console.log(line(row));
  const k = r.records100k;
  console.log();
  console.log(`1 MB, bundled + 100,000 programs: ${k.fullCheck100kProgramsMs} ms (bundled ${k.fullCheckBundledMs} ms, ratio ${k.ratio100kToBundled}); building that record set: ${k.buildRecordSetMs} ms`);
  console.log(`peak RSS, 1 MB open + 100,000 programs: ${r.peakRssMb} MB (bundled only: ${r.memory.bundledOnly.peakRssMb} MB)`);
  console.log(`LSP initialize → first diagnostics, 20 KB: ${r.lsp.initializeToFirstDiagnosticsMs ?? `n/a (${r.lsp.reason})`} ms`);
  console.log(`LSP initialize → first diagnostics, the seed commentary (${r.lspSeed.draftBytes ?? '?'} bytes): ${r.lspSeed.initializeToFirstDiagnosticsMs ?? `n/a (${r.lspSeed.reason})`} ms`);
  console.log(`markdownlint-cli2 (${r.markdownlint.version}), 1 MB: ${r.markdownlint.medianMs} ms; full check / markdownlint: ${r.ratioFullToMarkdownlint}`);
  console.log(`machine: Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}; bench took ${r.benchSeconds} s; results in bench/results.json`);
}
