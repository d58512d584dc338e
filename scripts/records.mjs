// Compiles the bundled records: data/programs/<id>.json ({entry, claims}) and data/sources/<id>.json
// (one CSL-JSON item each) into dist/records/programs.json, claims.json and sources.json, the
// lists the extension and the CLI load. dist/records/sources.json is a plain CSL-JSON array, usable
// with pandoc --citeproc --bibliography. Every file is validated against its schema first; a bad
// file stops the build with its name and the field.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

export function compileRecords(root) {
  const schema = (name) => JSON.parse(readFileSync(join(root, 'data', 'schema', name), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validEntry = ajv.compile(schema('entry.schema.json'));
  const validSource = ajv.compile(schema('source.schema.json'));
  const errors = [];
  const read = (dir, validate) =>
    readdirSync(join(root, 'data', dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const path = `data/${dir}/${f}`;
        let value;
        try {
          value = JSON.parse(readFileSync(join(root, path), 'utf8'));
        } catch (err) {
          errors.push(`${path}: ${err.message}`);
          return undefined;
        }
        if (!validate(value)) for (const e of validate.errors) errors.push(`${path}: ${e.instancePath || '/'} ${e.message}`);
        const id = dir === 'programs' ? value?.entry?.id : value?.id;
        if (id !== f.slice(0, -5)) errors.push(`${path}: holds "${id}"; the file must be named after its id`);
        return value;
      })
      .filter(Boolean);
  const entries = read('programs', validEntry);
  const sources = read('sources', validSource);
  const programs = entries.map((e) => e.entry);
  const claims = entries.flatMap((e) => e.claims.map(({ id, program, ...rest }) => ({ id, program: program ?? e.entry.id, ...rest })));
  // An id used twice would let one record silently override the other.
  for (const [what, list] of [['claim', claims], ['source', sources]]) {
    const seen = new Set();
    for (const { id } of list) {
      if (seen.has(id)) errors.push(`${what} id "${id}" is used twice`);
      seen.add(id);
    }
  }
  if (errors.length) throw new Error(`Invalid records:\n  ${errors.join('\n  ')}`);
  const out = join(root, 'dist', 'records');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'programs.json'), JSON.stringify(programs, null, 1) + '\n');
  writeFileSync(join(out, 'claims.json'), JSON.stringify(claims, null, 1) + '\n');
  writeFileSync(join(out, 'sources.json'), JSON.stringify(sources, null, 1) + '\n');
  return { programs: programs.length, claims: claims.length, sources: sources.length };
}
