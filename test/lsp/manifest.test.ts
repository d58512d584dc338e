/** The manifest's settings are generated from the check registry; this fails when they drift apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../server/src/checks';
import { ROOT } from './harness';

interface Manifest {
  activationEvents: string[];
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; enum?: string[]; properties?: Record<string, { enum: string[]; default: string; description: string }> }> };
    commands: Array<{ command: string; title: string }>;
    jsonValidation: Array<{ fileMatch: string; url: string }>;
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

describe('package.json contributions', () => {
  it('has one severity setting per check, with its default and description', () => {
    const severity = manifest.contributes.configuration.properties['claimcheck.severity'];
    expect(Object.keys(severity.properties ?? {})).toEqual(CHECKS.map((c) => c.code));
    for (const check of CHECKS) {
      expect(severity.properties![check.code]).toMatchObject({ enum: ['error', 'warning', 'info', 'hint', 'off'], default: check.defaultSeverity, description: check.description });
    }
  });

  it('declares the settings, commands and schemas the extension uses', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(properties['claimcheck.citationStyle']).toMatchObject({ enum: ['footnote', 'pandoc', 'link'], default: 'footnote' });
    expect(properties['claimcheck.run']).toMatchObject({ enum: ['onType', 'onSave'], default: 'onType' });
    expect(properties['claimcheck.locale']).toMatchObject({ enum: ['en', 'es'], default: 'en' });
    expect(properties['claimcheck.attributionCounts']).toMatchObject({ default: true });
    expect(properties['claimcheck.records']).toMatchObject({ default: [] });
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(['claimcheck.checkWorkspace', 'claimcheck.restartServer', 'claimcheck.showOutput']);
    expect(manifest.activationEvents).toContain('onLanguage:markdown');
    for (const { url } of manifest.contributes.jsonValidation) expect(() => readFileSync(join(ROOT, url))).not.toThrow();
    const extension = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    for (const { command } of manifest.contributes.commands) expect(extension).toContain(`'${command}'`);
  });
});
