/** The manifest's settings are generated from the check registry; this fails when they drift apart, or when a translation is missing. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, WORKSPACE_CHECKS } from '../../server/src/checks';
import { ROOT } from './harness';

interface Manifest {
  activationEvents: string[];
  l10n?: string;
  contributes: {
    configuration: { title: string; properties: Record<string, { default?: unknown; enum?: string[]; properties?: Record<string, { enum: string[]; default: string; description: string }> }> };
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    jsonValidation: Array<{ fileMatch: string; url: string }>;
  };
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const manifestText = read('package.json');
const manifest = JSON.parse(manifestText) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const nlsEs = JSON.parse(read('package.nls.es.json')) as Record<string, string>;
/** A manifest string as VS Code shows it in English: `%key%` looked up in package.nls.json. */
const english = (value: string) => value.replace(/^%([^%]+)%$/, (_, key: string) => nls[key] ?? `<missing ${key}>`);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('package.json contributions', () => {
  it('has one severity setting per check, with its default and description', () => {
    const severity = manifest.contributes.configuration.properties['claimcheck.severity'];
    const checks = [...CHECKS, ...WORKSPACE_CHECKS];
    expect(Object.keys(severity.properties ?? {})).toEqual(checks.map((c) => c.code));
    expect(severity.default).toEqual(Object.fromEntries(checks.map((c) => [c.code, c.defaultSeverity])));
    for (const check of checks) {
      const setting = severity.properties![check.code];
      expect(setting).toMatchObject({ enum: ['error', 'warning', 'info', 'hint', 'off'], default: check.defaultSeverity });
      expect(english(setting.description)).toBe(check.description);
    }
  });

  it('declares the settings, commands and schemas the extension uses', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(properties['claimcheck.citationStyle']).toMatchObject({ enum: ['footnote', 'pandoc', 'link'], default: 'footnote' });
    expect(properties['claimcheck.run']).toMatchObject({ enum: ['onType', 'onSave'], default: 'onType' });
    expect(properties['claimcheck.locale']).toMatchObject({ enum: ['auto', 'en', 'es'], default: 'auto' });
    expect(properties['claimcheck.attributionCounts']).toMatchObject({ default: true });
    expect(properties['claimcheck.records']).toMatchObject({ default: [] });
    expect(properties['claimcheck.library']).toMatchObject({ type: 'array', default: [] });
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual([
      'claimcheck.checkWorkspace',
      'claimcheck.exportSources',
      'claimcheck.openSource',
      'claimcheck.rebuildSourceIndex',
      'claimcheck.recordClaim',
      'claimcheck.restartServer',
      'claimcheck.showOutput',
    ]);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    for (const { url } of manifest.contributes.jsonValidation) expect(() => readFileSync(join(ROOT, url))).not.toThrow();
    const extension = read('client/src/extension.ts');
    for (const { command } of manifest.contributes.commands) expect(extension).toContain(`'${command}'`);
    const commands = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const items of Object.values(manifest.contributes.menus)) for (const item of items) expect(commands.has(item.command)).toBe(true);
  });

  it('translates every %key% of the manifest in package.nls.json and package.nls.es.json', () => {
    const keys = [...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      expect(nls[key], key).toBeTruthy();
      expect(nlsEs[key], key).toBeTruthy();
    }
    expect(Object.keys(nlsEs).sort()).toEqual(Object.keys(nls).sort());
    // Titles and descriptions as shown; no string of the contributions is left untranslatable.
    expect(english(manifest.contributes.commands.find((c) => c.command === 'claimcheck.recordClaim')!.title)).toBe('Record a claim from selection');
    expect(nlsEs['command.exportSources.title']).toBe('Exportar las fuentes citadas como CSL-JSON');
    for (const c of manifest.contributes.commands) expect(c.title).toMatch(/^%.+%$/);
  });

  it('translates every runtime string of the client (vscode.l10n.t) in l10n/bundle.l10n.es.json, with the same placeholders', () => {
    expect(manifest.l10n).toBe('./l10n');
    const bundle = JSON.parse(read('l10n/bundle.l10n.json')) as Record<string, string>;
    const es = JSON.parse(read('l10n/bundle.l10n.es.json')) as Record<string, string>;
    const used = new Set<string>();
    for (const file of readdirSync(join(ROOT, 'client/src'))) {
      const source = read(`client/src/${file}`);
      for (const m of source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
      // Every call takes a string literal, so that the bundle can list it.
      expect(source.match(/l10n\.t\((?!\s*')/g), file).toBeNull();
    }
    expect(used.size).toBeGreaterThan(30);
    for (const message of used) {
      expect(bundle[message], message).toBe(message);
      expect(es[message], message).toBeTruthy();
      expect(placeholders(es[message]), message).toEqual(placeholders(message));
    }
    expect(Object.keys(es).sort()).toEqual([...used].sort());
  });

  it('ships the translations in the package (.vscodeignore is an allowlist)', () => {
    const ignore = read('.vscodeignore').split('\n');
    expect(ignore).toContain('!package.nls*.json');
    expect(ignore).toContain('!l10n/**');
  });

  it('packages only the built bundles, the records and their schemas, the manifest and its translations, README, LICENSE and CHANGELOG', () => {
    // What `vsce package` would put in the .vsix (the same file list, without writing one).
    const files = execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    // The records ship compiled (scripts/records.mjs); their per-record sources under data/ stay out.
    const dataFiles = readdirSync(join(ROOT, 'dist/records')).filter((f) => f.endsWith('.json')).map((f) => `dist/records/${f}`);
    const schemas = readdirSync(join(ROOT, 'data/schema')).map((f) => `data/schema/${f}`);
    const l10n = readdirSync(join(ROOT, 'l10n')).map((f) => `l10n/${f}`);
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/extension.js',
        'dist/server.js',
        // PDF.js, which the server loads at the first PDF of the writer's library (scripts/build.mjs).
        'dist/pdf.js',
        'package.json',
        'package.nls.es.json',
        'package.nls.json',
        // The common words that aliases may not be (server/src/node/commonWords.ts): the extension ships no node_modules.
        'dist/common-words/english.txt',
        'dist/common-words/spanish.txt',
        ...dataFiles,
        ...schemas,
        ...l10n,
      ].sort(),
    );
    expect(dataFiles).toEqual(['dist/records/claims.json', 'dist/records/programs.json', 'dist/records/sources.json']);
    expect(files.filter((f) => f.startsWith('data/programs/') || f.startsWith('data/sources/'))).toEqual([]);
    expect(schemas).toEqual(expect.arrayContaining(['data/schema/entry.schema.json', 'data/schema/source.schema.json']));
  }, 30_000);
});

describe('workspace trust', () => {
  const raw = JSON.parse(manifestText) as {
    capabilities?: { untrustedWorkspaces?: { supported: unknown; description?: string; restrictedConfigurations?: string[] }; virtualWorkspaces?: { supported: unknown; description?: string } };
    contributes: { configuration: { properties: Record<string, { scope?: string }> } };
  };
  const es = JSON.parse(read('package.nls.es.json')) as Record<string, string>;

  it('limits an untrusted workspace: its claimcheck.records and claimcheck.library settings are ignored', () => {
    expect(raw.capabilities?.untrustedWorkspaces).toMatchObject({ supported: 'limited', restrictedConfigurations: ['claimcheck.records', 'claimcheck.library'] });
    expect(raw.contributes.configuration.properties['claimcheck.records'].scope).toBe('resource');
    expect(raw.contributes.configuration.properties['claimcheck.library'].scope).toBe('resource');
  });

  it('declares that virtual workspaces are not supported, and says why in both languages', () => {
    expect(raw.capabilities?.virtualWorkspaces?.supported).toBe(false);
    for (const description of [raw.capabilities?.untrustedWorkspaces?.description, raw.capabilities?.virtualWorkspaces?.description]) {
      const key = /^%(.+)%$/.exec(description ?? '')?.[1];
      expect(key && nls[key]).toBeTruthy();
      expect(key && es[key]).toBeTruthy();
    }
  });
});

describe('the built bundles', () => {
  it('are ASCII only, so that V8 holds their source at one byte a character (scripts/esbuild.mjs)', () => {
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', 'dist/pdf.js']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text.length, file).toBeGreaterThan(100_000);
      // eslint-disable-next-line no-control-regex -- every character past U+007F
      expect(text.search(/[^\x00-\x7f]/), file).toBe(-1);
    }
  });
});
