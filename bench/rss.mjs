// Child process of bench/run.mjs: the peak RSS of a process that holds the 1 MB draft's
// analysis (a DocumentAnalyzer with its chunk cache, as the server keeps for an open draft)
// and the bundled records plus the record files given, read from disk as the server reads them.
// Also reports how long reading and building the records took (loadMs), the RSS just after, and
// how long the first full check of the draft took (analyzeMs and the CPU time analyzeCpuMs, a
// fresh analyzer). bench/memory.mjs and bench/run.mjs run it with the server's V8 options.
// Usage: node bench/rss.mjs <bench/.build/core.cjs> <draft.md> [record files…]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const [corePath, draftPath, ...recordPaths] = process.argv.slice(2);
const core = createRequire(import.meta.url)(corePath);
// The files' texts are let go once the records are built, as the server lets them go.
const loadRecords = () =>
  core.RecordSet.fromTexts([
    ...core.readRecordFiles(
      core.BUNDLED_FILES.map((f) => join(core.bundledDataDir(corePath), f)),
      true,
    ).files,
    ...core.readRecordFiles(recordPaths, false).files,
  ]);
const loadStarted = performance.now();
const records = loadRecords();
const loadMs = Math.round(performance.now() - loadStarted);
const rssAfterLoadMb = Math.round(process.memoryUsage().rss / 2 ** 20);
const text = readFileSync(draftPath, 'utf8');
const analyzer = new core.DocumentAnalyzer(records);
const analyzeStarted = performance.now();
const cpuBefore = process.cpuUsage();
const analysis = analyzer.analyze(text);
const analyzeMs = Math.round(performance.now() - analyzeStarted);
// The process's own CPU time (the collector's threads included): less thrown off than the
// wall-clock time by other processes on a busy machine.
const cpu = process.cpuUsage(cpuBefore);
const analyzeCpuMs = Math.round((cpu.user + cpu.system) / 1000);
// An edit, as the open draft would see.
const edited = text.slice(0, 5000) + 'x' + text.slice(5000);
const again = analyzer.analyze(edited);
const { rss, heapUsed, heapTotal } = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    recordFiles: recordPaths.length,
    programs: records.programs.size,
    aliases: records.aliasIndex.size,
    loadMs,
    rssAfterLoadMb,
    analyzeMs,
    analyzeCpuMs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssAtEndMb: Math.round(rss / 2 ** 20),
    heapUsedAtEndMb: Math.round(heapUsed / 2 ** 20),
    heapTotalAtEndMb: Math.round(heapTotal / 2 ** 20),
    findings: again.findings.length,
    mentions: analysis.mentions.length,
  }),
);
