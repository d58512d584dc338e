// Child process of bench/run.mjs: the peak RSS of a process that holds the 1 MB draft's
// analysis (a DocumentAnalyzer with its chunk cache, as the server keeps for an open draft)
// and the bundled records plus N synthetic programs.
// Usage: node bench/rss.mjs <bench/.build/core.cjs> <N>
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [corePath, n] = process.argv.slice(2);
const core = createRequire(import.meta.url)(corePath);
const programs = Number(n);
const bundled = core.readRecordFiles(
  core.BUNDLED_FILES.map((f) => join(core.bundledDataDir(corePath), f)),
  true,
).files;
const records = core.RecordSet.fromTexts([...bundled, ...(programs > 0 ? core.generateSyntheticRecords({ programs }) : [])]);
const text = core.generateDraft({ bytes: 1_000_000, seed: 1 });
const analyzer = new core.DocumentAnalyzer(records);
const analysis = analyzer.analyze(text);
// An edit, as the open draft would see.
const edited = text.slice(0, 5000) + 'x' + text.slice(5000);
const again = analyzer.analyze(edited);
const rss = process.memoryUsage().rss;
process.stdout.write(
  JSON.stringify({
    syntheticPrograms: programs,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssAtEndMb: Math.round(rss / 2 ** 20),
    findings: again.findings.length,
    mentions: analysis.mentions.length,
  }),
);
