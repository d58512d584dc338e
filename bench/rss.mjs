// Child process of bench/run.mjs: the peak RSS of a process that holds the 1 MB draft's
// analysis (a DocumentAnalyzer with its chunk cache, as the server keeps for an open draft)
// and the bundled records plus the record files given, read from disk as the server reads them.
// Usage: node bench/rss.mjs <bench/.build/core.cjs> <draft.md> [record files…]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [corePath, draftPath, ...recordPaths] = process.argv.slice(2);
const core = createRequire(import.meta.url)(corePath);
const bundled = core.readRecordFiles(
  core.BUNDLED_FILES.map((f) => join(core.bundledDataDir(corePath), f)),
  true,
).files;
const extra = core.readRecordFiles(recordPaths, false).files;
const records = core.RecordSet.fromTexts([...bundled, ...extra]);
const text = readFileSync(draftPath, 'utf8');
const analyzer = new core.DocumentAnalyzer(records);
const analysis = analyzer.analyze(text);
// An edit, as the open draft would see.
const edited = text.slice(0, 5000) + 'x' + text.slice(5000);
const again = analyzer.analyze(edited);
const rss = process.memoryUsage().rss;
process.stdout.write(
  JSON.stringify({
    recordFiles: recordPaths.length,
    programs: records.programs.size,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssAtEndMb: Math.round(rss / 2 ** 20),
    findings: again.findings.length,
    mentions: analysis.mentions.length,
  }),
);
