/**
 * The record validators are compiled from data/schema/ at build time (scripts/validators.mjs,
 * into server/src/records/generated/validators.js). These tests check that the generated file is
 * the one the current schemas give, and that it judges entries exactly as Ajv compiling the
 * schemas at run time does: the same entries valid, the same errors for the broken ones.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import * as generated from '../../server/src/records/generated/validators';

const ROOT = join(__dirname, '..', '..');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'schema', name), 'utf8')) as { items?: object; $defs?: object; definitions?: object };

/** The validators as the loader compiled them at run time before they were generated. */
function compiledAtRunTime(): Record<keyof typeof generated, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const item = (s: ReturnType<typeof schema>) => ({ ...(s.items ?? {}), $defs: s.$defs, definitions: s.definitions });
  const def = (s: ReturnType<typeof schema>, name: string) => ({ $ref: `#/$defs/${name}`, $defs: s.$defs });
  return {
    itemPrograms: ajv.compile(item(schema('programs.schema.json'))),
    itemSources: ajv.compile(item(schema('sources.schema.json'))),
    itemClaims: ajv.compile(item(schema('claims.schema.json'))),
    filePrograms: ajv.compile(def(schema('entry.schema.json'), 'entry')),
    fileSources: ajv.compile(schema('source.schema.json')),
    fileClaims: ajv.compile(def(schema('entry.schema.json'), 'claim')),
  };
}

const verdict = (validate: ValidateFunction, value: unknown) => {
  const valid = validate(value);
  return { valid, errors: (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.keyword} ${e.message}`).sort() };
};

/** Broken copies of an entry: a field removed, emptied, of the wrong type, or unknown. */
function broken(value: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const key of Object.keys(value)) {
    const { [key]: _, ...without } = value;
    out.push(without, { ...value, [key]: '' }, { ...value, [key]: 42 }, { ...value, [key]: ['x', 1] });
  }
  out.push({ ...value, unexpectedField: true }, { ...value, id: 'Not an id!' }, { ...value, date: '2019-13-45x' }, null, 'text', []);
  return out;
}

describe('the generated record validators', () => {
  it('are the ones scripts/validators.mjs writes from the current schemas', () => {
    const script = `import('./scripts/validators.mjs').then((m) => process.stdout.write(m.validatorsCode(process.cwd())))`;
    const expected = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(expected.status, expected.stderr).toBe(0);
    expect(readFileSync(join(ROOT, 'server', 'src', 'records', 'generated', 'validators.js'), 'utf8')).toBe(expected.stdout);
  });

  it('judge the bundled records and broken copies of them as the schemas compiled at run time do', () => {
    const runtime = compiledAtRunTime();
    const cases: Array<[keyof typeof generated, unknown]> = [];
    for (const f of readdirSync(join(ROOT, 'data', 'programs')).slice(0, 40)) {
      const { entry, claims } = JSON.parse(readFileSync(join(ROOT, 'data', 'programs', f), 'utf8')) as { entry: Record<string, unknown>; claims: Array<Record<string, unknown>> };
      for (const v of [entry, ...broken(entry)]) cases.push(['filePrograms', v], ['itemPrograms', v]);
      for (const c of claims.slice(0, 2)) for (const v of [c, ...broken(c)]) cases.push(['fileClaims', v], ['itemClaims', v]);
    }
    for (const f of readdirSync(join(ROOT, 'data', 'sources')).slice(0, 40)) {
      const source = JSON.parse(readFileSync(join(ROOT, 'data', 'sources', f), 'utf8')) as Record<string, unknown>;
      for (const v of [source, ...broken(source)]) cases.push(['fileSources', v], ['itemSources', v]);
    }
    let valid = 0;
    let invalid = 0;
    for (const [name, value] of cases) {
      const expected = verdict(runtime[name], value);
      expect(verdict(generated[name], value), `${name} ${JSON.stringify(value).slice(0, 200)}`).toEqual(expected);
      if (expected.valid) valid++;
      else invalid++;
    }
    // Both verdicts occur many times: the comparison is not of two validators that accept (or refuse) everything.
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(1000);
  });
});
