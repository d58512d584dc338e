// Writes the JSON Schemas in data/schema/ from one set of definitions, so that the per-entry
// and per-source files (data/programs/<id>.json, data/sources/<id>.json) and the list files
// users keep in .claimcheck/ (programs.json, claims.json, sources.json) say the same thing.
// Run: node scripts/schemas.mjs   (test/unit/records.test.ts checks that the files are current)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ID = '^[A-Za-z0-9][A-Za-z0-9._:/-]*$';
const DATE = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const HTTP = '^https?://\\S+$';

export const SOURCE_KINDS = [
  'crs-report', 'gao-report', 'oig-report', 'federal-register', 'testimony', 'hearing', 'legislation', 'court-filing',
  'press-release', 'web-page', 'news', 'ngo-report', 'commentary', 'military-news', 'fact-sheet', 'strategy',
  'agreement', 'speech', 'letter', 'posture-statement', 'report',
];
export const FIGURE_UNITS = [
  'year', 'person', 'usd', 'week', 'month', 'day', 'mile', 'organization', 'arrest', 'vehicle', 'percent', 'count',
  'kilogram', 'ton', 'vessel', 'flight', 'case', 'encounter', 'expulsion', 'removal', 'participant',
];
const CSL_TYPES = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
];

const str = (description) => ({ type: 'string', minLength: 1, description });
const ref = (name, description) => ({ $ref: `#/$defs/${name}`, description });

const defs = {
  id: { type: 'string', pattern: ID, description: 'Stable kebab-case identifier, unique among the records.' },
  date: { type: 'string', pattern: DATE, description: 'A year (YYYY), month (YYYY-MM) or day (YYYY-MM-DD), only as precise as the source.' },
  alias: {
    type: 'string',
    minLength: 1,
    pattern: '\\S',
    description:
      'A name or abbreviation as written in sources. Matching is on whole words; a token in ALL CAPITALS (2+ letters) matches case-sensitively, every other token case- and accent-insensitively; a trailing plural \'s\' and hyphen/space variants are matched automatically, so list singular forms. No bracketed commentary.',
  },
  dated: {
    type: 'object',
    description: 'A date with the source that gives it.',
    additionalProperties: false,
    required: ['date'],
    properties: { date: ref('date', 'When: YYYY, YYYY-MM or YYYY-MM-DD.'), source: ref('id', 'Id of the source that gives this date.'), note: str('What stays uncertain about this date.') },
  },
  event: {
    type: 'object',
    description: 'A dated event in the entry\'s history.',
    additionalProperties: false,
    required: ['date', 'event'],
    properties: {
      date: ref('date', 'When it happened: YYYY, YYYY-MM or YYYY-MM-DD.'),
      event: str('What happened, in one neutral sentence, with any uncertainty stated.'),
      source: ref('id', 'Id of the source that reports the event.'),
    },
  },
  status: (legacy) => ({
    type: 'object',
    description: 'State and dated history as reported by the sources (not a statement about today). Each date carries its own source.',
    additionalProperties: false,
    required: ['state'],
    properties: {
      state: { enum: ['active', 'suspended', 'ended', 'planned', 'proposed', 'unknown'], description: 'State as last reported by the sources.' },
      started: ref('dated', 'When it began, with the source that says so.'),
      suspended: ref('dated', 'When it (or U.S. support for it) was suspended, with the source.'),
      ended: ref('dated', 'When it ended, with the source.'),
      ...(legacy ? { since: ref('date', 'Older form of started.date (still read as the start date); write "started": {"date": …, "source": …} instead.') } : {}),
      events: { type: 'array', items: ref('event', 'An event.'), description: 'Dated events in chronological order.' },
    },
  }),
  entry: {
    type: 'object',
    description: 'One program, agency or institution.',
    additionalProperties: false,
    required: ['id', 'kind', 'name', 'aliases', 'agency'],
    properties: {
      id: ref('id', 'Stable kebab-case identifier; the file is named <id>.json and claims refer to it.'),
      kind: {
        enum: ['program', 'agency', 'institution'],
        description: 'program: a program, unit, office, operation, agreement, policy, course, deployment or strategy; agency: a government agency or command; institution: a partner or other body that is not a program.',
      },
      name: str('Canonical display name.'),
      aliases: { type: 'array', minItems: 1, items: ref('alias', 'An alias.'), description: 'Names and abbreviations seen in sources or texts that identify this entry. Each alias belongs to one entry only, unless every entry that holds it marks it in ambiguousAliases: then the context decides which entry a match names.' },
      unconfirmedAliases: { type: 'array', items: ref('alias', 'An alias.'), description: 'Plausible forms not seen in sources; matches are low-confidence.' },
      ambiguousAliases: {
        type: 'array',
        description: 'Aliases that mean something else elsewhere ("ICE" in Costa Rica, "CBP One", "ILEA Budapest"): what context a match needs, or what rules it out, in its paragraph.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['alias'],
          properties: {
            alias: str('One of the aliases (or the name), as written there.'),
            needs: { type: 'array', items: str('A word or phrase.'), description: 'The match counts only when one of these is in its paragraph (a country, an agency, a word; its last word may be a stem: "hondureñ" is in "hondureños").' },
            excludes: { type: 'array', items: str('A word or phrase.'), description: 'The match does not count when one of these is in its paragraph (the last word may be a stem).' },
            notFollowedBy: { type: 'array', items: str('A word.'), description: 'The match does not count when the next word, or words, are one of these ("One" after "CBP", "Budapest" after "ILEA", "and local" after "State").' },
            notPrecededBy: { type: 'array', items: str('A word.'), description: 'The match does not count when the word before it is one of these ("Costa Rica’s ICE").' },
            singular: { type: 'boolean', description: 'The rule holds only where the alias is written in the singular: "the IATF" is one task force, "the IATFs" are all of them.' },
            exactCase: {
              type: 'boolean',
              description: 'The match counts only written exactly as the alias is ("State" for the Department of State, not "state", "STATE" or "States"). With needs, such an alias may be a common word.',
            },
          },
        },
      },
      claimSubject: {
        type: 'boolean',
        description:
          'For an agency or institution: true when writers write about it as they do of a program — a task force or unit that runs operations (a joint task force, an interagency task force, a special police or military unit) — so that a declarative sentence about it is a claim to cite. Not for a department, an agency at large, a command or a partner institution.',
      },
      agency: { type: 'array', items: ref('id', 'An agency id.'), description: 'Ids of kind "agency" entries: the agencies that run or fund a program, or an agency\'s parents.' },
      type: str('program, policy, operation, unit, office, task force, agreement, initiative, strategy, exercise, deployment, training or course.'),
      country: { type: 'array', items: str('A country or region.'), description: 'Countries or regions where it operates.' },
      description: str('One or two neutral sentences shown in hovers.'),
      status: ref('status', 'State and dated history.'),
      note: str('Cautions, conflicting dates, unconfirmed details; shown in hovers.'),
    },
  },
  time: {
    description: 'When the figure holds: in a year, month or day; a period; as of a date; or since a date.',
    oneOf: [
      { type: 'object', additionalProperties: false, required: ['in'], properties: { in: ref('date', 'Within this year, month or day.') } },
      { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: ref('date', 'Start of the period.'), to: ref('date', 'End of the period.') } },
      { type: 'object', additionalProperties: false, required: ['asOf'], properties: { asOf: ref('date', 'A running total as of this date.') } },
      { type: 'object', additionalProperties: false, required: ['since'], properties: { since: ref('date', 'From this date on, to the source\'s date.') } },
    ],
  },
  alternative: {
    type: 'object',
    additionalProperties: false,
    required: ['value', 'source'],
    description: 'Another value a source gives for the same fact.',
    properties: { value: { type: 'number', description: 'The other value.' }, source: ref('id', 'Id of the source that gives it.'), note: str('Why the sources differ, if known.') },
  },
  figure: {
    type: 'object',
    description: 'A number the source gives for this fact.',
    additionalProperties: false,
    required: ['value', 'unit', 'label', 'cues'],
    properties: {
      value: { type: 'number', description: 'The number (years as e.g. 2015; money in whole U.S. dollars).' },
      unit: { enum: FIGURE_UNITS, description: 'What is counted. "count" covers other units; the label then names them.' },
      label: str('What the number measures, shown to the writer.'),
      measure: str('What is counted, as an open noun phrase ("police trained").'),
      cues: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', pattern: "^[\\p{Ll}\\p{N}][\\p{Ll}\\p{N} .'-]*$", description: 'A lower-case word stem.' },
        description: 'Lower-case word stems (prefixes), English and Spanish. A number in a sentence is compared with this figure only when one cue starts a word in that sentence.',
      },
      time: ref('time', 'When the figure holds.'),
      place: { type: 'array', items: str('A country, region or site.'), description: 'Where the figure holds.' },
      scope: { enum: ['total', 'annual', 'monthly', 'cumulative', 'single-event', 'part'], description: 'total, annual, monthly, cumulative (running total), single-event (one operation) or part (of a larger whole).' },
      qualifier: { enum: ['exact', 'about', 'more-than', 'at-least', 'fewer-than', 'up-to'], description: 'How the source states it.' },
      alternatives: { type: 'array', items: ref('alternative', 'An alternative.'), description: 'Other values sources give for the same fact (a contested figure).' },
      derived: { type: 'string', minLength: 1, description: 'How the value was worked out when the source does not state it ("2019 was the fifth consecutive year"): a draft that differs gets a warning, not an error.' },
    },
  },
  evidence: {
    type: 'object',
    description: 'The words the fact was read from, and where.',
    additionalProperties: false,
    required: ['url', 'excerpt'],
    properties: {
      url: { type: 'string', pattern: HTTP, description: 'Exactly the address at which the excerpt was read.' },
      excerpt: str('The source\'s words as seen, up to about 60, copied exactly (no ellipsis inside).'),
    },
  },
  claim: (legacy) => ({
    type: 'object',
    description: legacy ? 'One fact from one source about one program.' : 'One fact from one source about this entry.',
    additionalProperties: false,
    required: legacy ? ['id', 'program', 'source', 'fact'] : ['id', 'source', 'fact'],
    dependentRequired: { quote: ['quoteVerified'] },
    properties: {
      id: ref('id', '"<source id>/<short slug>", unique.'),
      ...(legacy
        ? { program: ref('id', 'Id of the entry the fact is about.') }
        : { program: ref('id', 'Optional: the id of the entry this file holds.') }),
      source: { type: 'string', pattern: '^\\S+$', description: 'Id of the source item that supports the fact (any citation key without white space).' },
      fact: str('The fact in one neutral sentence, with any uncertainty stated.'),
      figures: { type: 'array', items: ref('figure', 'A figure.'), description: 'Numbers the fact contains; may be empty.' },
      quote: str('Exact quoted wording.'),
      quoteVerified: { type: 'boolean', description: 'True only if the quote lies inside evidence.excerpt (legacy files: seen in the source); required with quote.' },
      locator: str('Page, section or paragraph in the source.'),
      evidence: ref('evidence', 'Where and in what words the fact was read.'),
      note: str('Cautions and disagreements between sources; shown in hovers.'),
    },
  }),
  name: {
    type: 'object',
    description: 'A CSL name: family/given, or literal for organizations.',
    properties: { family: { type: 'string', description: 'Family name.' }, given: { type: 'string', description: 'Given name(s).' }, literal: { type: 'string', description: 'Organization or unparsed name.' } },
    anyOf: [{ required: ['family'] }, { required: ['literal'] }],
  },
  cslDate: {
    type: 'object',
    description: 'A CSL date.',
    properties: {
      'date-parts': {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'integer' }, description: '[year], [year, month] or [year, month, day].' },
        description: 'Date as [[year, month, day]] with month and day optional.',
      },
    },
    required: ['date-parts'],
  },
  custom: (legacy) => ({
    type: 'object',
    description: 'Claim Check data (CSL "custom" extension).',
    additionalProperties: false,
    required: legacy ? [] : ['kind', 'checked', 'relation'],
    properties: {
      kind: { enum: SOURCE_KINDS, description: 'What sort of document it is.' },
      agencies: { type: 'array', items: ref('id', 'An agency id.'), description: 'Ids of the agency entries that issued it (resolves "according to GAO").' },
      checked: {
        enum: ['wording', 'document', 'figures', 'none'],
        description: 'wording: text seen in the document or a faithful copy; document: identified and seen, wording not compared; figures: only figures and dates checked; none: not yet identified.',
      },
      seenAt: { type: 'string', pattern: HTTP, description: 'Where the text was actually read, when not at URL (a faithful copy).' },
      relation: { enum: ['primary', 'oversight', 'secondary'], description: 'primary: the program\'s own agency or an official record; oversight: GAO, OIG, CRS, Congress, courts; secondary: news, NGO, commentary.' },
      alternateUrls: { type: 'array', items: { type: 'string', pattern: HTTP, description: 'An address.' }, description: 'Other candidate documents or copies still to check (not the source\'s own address).' },
      ...(legacy
        ? {
            verification: { enum: ['confirmed', 'probable', 'candidate', 'unidentified'], description: 'Older form; read as checked (confirmed+documentConfirmed: wording; confirmed/probable: document; candidate/unidentified: none). Write "checked" instead.' },
            documentConfirmed: { type: 'boolean', description: 'Older form; see verification.' },
            role: { type: 'string', description: 'Older form; write "relation" instead.' },
            seedAttribution: { type: 'string', description: 'Older form; put it in note instead.' },
          }
        : {}),
    },
  }),
  source: (legacy) => ({
    type: 'object',
    description: 'One CSL-JSON item. Extra CSL variables are allowed.',
    required: legacy ? ['id', 'type'] : ['id', 'type', 'title', 'custom'],
    additionalProperties: true,
    properties: {
      id: { type: 'string', pattern: legacy ? '^\\S+$' : ID, description: 'Citation key, unique; [@id] in pandoc Markdown. Claims refer to it.' },
      type: { enum: CSL_TYPES, description: 'CSL item type (report, hearing, legislation, regulation, webpage, article-newspaper, speech, …).' },
      title: str('Exact title as seen.'),
      author: { type: 'array', items: ref('name', 'A name.'), description: 'Authors or witnesses; omitted when unknown.' },
      recipient: { type: 'array', items: ref('name', 'A name.'), description: 'Recipient of a letter.' },
      issued: ref('cslDate', 'Date, only as precise as seen.'),
      publisher: { type: 'string', description: 'Issuing body.' },
      'container-title': { type: 'string', description: 'Newspaper, magazine or website the item appeared in.' },
      number: { type: 'string', description: 'Report or document number (e.g. GAO-18-618).' },
      URL: { type: 'string', pattern: HTTP, description: 'The document\'s address exactly as seen; absent when not seen.' },
      language: { type: 'string', description: 'Language of the item (en, es).' },
      note: str('What was seen, where, and what stays unconfirmed; shown in hovers.'),
      custom: ref('custom', 'Claim Check\'s own fields.'),
    },
  }),
};

function pick(legacy, names) {
  const out = {};
  for (const n of names) out[n] = typeof defs[n] === 'function' ? defs[n](legacy) : defs[n];
  return out;
}
const ENTRY_DEFS = ['id', 'date', 'alias', 'dated', 'event', 'status', 'entry'];
const CLAIM_DEFS = ['id', 'date', 'time', 'alternative', 'figure', 'evidence', 'claim'];
const SOURCE_DEFS = ['id', 'name', 'cslDate', 'custom', 'source'];
const base = (name, title, description) => ({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `https://claimcheck.invalid/schema/${name}`, title, description });

export const SCHEMAS = {
  'entry.schema.json': {
    ...base('entry.schema.json', 'Claim Check entry file', 'data/programs/<id>.json: one program, agency or institution with the claims about it.'),
    type: 'object',
    additionalProperties: false,
    required: ['entry', 'claims'],
    properties: { entry: ref('entry', 'The entry.'), claims: { type: 'array', items: ref('claim', 'A claim.'), description: 'Facts about the entry, each from one source.' } },
    $defs: { ...pick(false, ENTRY_DEFS), ...pick(false, CLAIM_DEFS) },
  },
  'source.schema.json': {
    ...base('source.schema.json', 'Claim Check source file', 'data/sources/<id>.json: one CSL-JSON item (usable with pandoc --citeproc once compiled into a list).'),
    $ref: '#/$defs/source',
    $defs: pick(false, SOURCE_DEFS),
  },
  'programs.schema.json': {
    ...base('programs.schema.json', 'Claim Check programs, agencies and institutions (list file)', 'A list of entries, as in .claimcheck/programs.json.'),
    type: 'array',
    items: ref('entry', 'An entry.'),
    $defs: pick(true, ENTRY_DEFS),
  },
  'claims.schema.json': {
    ...base('claims.schema.json', 'Claim Check claims (list file)', 'A list of claims, each naming its program, as in .claimcheck/claims.json.'),
    type: 'array',
    items: ref('claim', 'A claim.'),
    $defs: pick(true, CLAIM_DEFS),
  },
  'sources.schema.json': {
    ...base('sources.schema.json', 'Claim Check sources (CSL-JSON list)', 'A CSL-JSON list (pandoc --citeproc, Zotero exports) with Claim Check\'s fields under "custom". Other CSL variables are allowed.'),
    type: 'array',
    items: ref('source', 'A CSL item.'),
    $defs: pick(true, SOURCE_DEFS),
  },
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, schema] of Object.entries(SCHEMAS)) writeFileSync(new URL(`../data/schema/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
}
