/**
 * The files made from the check registry (server/src/checks/index.ts), as markdownlint makes
 * its rule docs: the `claimcheck.severity` setting in package.json, its descriptions in
 * package.nls.json and package.nls.es.json, and the README's table of finding codes.
 * `npm run generate` writes them; test/unit/generated.test.ts fails when they drift.
 */
import { REGISTRY } from '../server/src/checks';

export interface GeneratedFile {
  path: string;
  text: string;
}

const LEVELS = ['error', 'warning', 'info', 'hint', 'off'];
const SEVERITY_KEY = 'config.severity.';
const README_HEADER = '| code | default | what it means | example |';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** Each generated file's text, given the current text of the files it is generated into. */
export function generatedFiles(read: (path: string) => string): GeneratedFile[] {
  return [
    { path: 'package.json', text: manifest(read('package.json')) },
    { path: 'package.nls.json', text: nls(read('package.nls.json'), (c) => c.description) },
    { path: 'package.nls.es.json', text: nls(read('package.nls.es.json'), (c) => c.descriptionEs) },
    { path: 'README.md', text: readme(read('README.md')) },
  ];
}

function manifest(text: string): string {
  const pkg = JSON.parse(text);
  const setting = pkg.contributes.configuration.properties['claimcheck.severity'];
  setting.default = Object.fromEntries(REGISTRY.map((c) => [c.code, c.defaultSeverity]));
  setting.properties = Object.fromEntries(
    REGISTRY.map((c) => [
      c.code,
      {
        type: 'string',
        enum: LEVELS,
        enumDescriptions: LEVELS.map((l) => `%${SEVERITY_KEY}level.${l}%`),
        default: c.defaultSeverity,
        description: `%${SEVERITY_KEY}${c.code}%`,
      },
    ]),
  );
  return json(pkg);
}

/** The severity descriptions replace the old ones where the first of those stood; other keys keep their order. */
function nls(text: string, describe: (c: (typeof REGISTRY)[number]) => string): string {
  const isCheckKey = (key: string) => key.startsWith(SEVERITY_KEY) && key !== `${SEVERITY_KEY}description` && !key.startsWith(`${SEVERITY_KEY}level.`);
  const out: Record<string, string> = {};
  let placed = false;
  const place = () => {
    for (const c of REGISTRY) out[SEVERITY_KEY + c.code] = describe(c);
    placed = true;
  };
  for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, string>)) {
    if (isCheckKey(key)) {
      if (!placed) place();
    } else out[key] = value;
  }
  if (!placed) place();
  return json(out);
}

/** The table of finding codes: from its header to the first blank line. */
function readme(text: string): string {
  const start = text.indexOf(README_HEADER);
  if (start < 0) throw new Error(`README.md has no table headed ${README_HEADER}`);
  const end = text.indexOf('\n\n', start);
  const rows = REGISTRY.map((c) => `| \`${c.code}\` | ${c.defaultSeverity} | ${c.docs.meaning} | ${c.docs.example} |`);
  return text.slice(0, start) + [README_HEADER, '| --- | --- | --- | --- |', ...rows].join('\n') + text.slice(end);
}
