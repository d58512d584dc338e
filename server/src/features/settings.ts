/**
 * The `claimcheck` settings: fetched per resource through `workspace/configuration`,
 * normalised with defaults, frozen, and handed to the core as AnalysisOptions. Nothing is
 * kept in globals; the cache is dropped whenever the client says the configuration changed.
 */
import type { Connection } from 'vscode-languageserver/node';
import { FINDING_CODES, REGISTRY } from '../checks';
import { toLocale, type Locale } from '../l10n/messages';
import { type AnalysisOptions, type CitationStyle, type FindingCode, type Severity } from '../analysis/model';

export type SeveritySetting = Severity | 'off';
export type RunMode = 'onType' | 'onSave';
/** `auto` follows the editor's display language (the `locale` of `initialize`). */
export type LocaleSetting = Locale | 'auto';

export interface Settings {
  citationStyle: CitationStyle;
  severity: Readonly<Record<FindingCode, SeveritySetting>>;
  /** Extra record files, folders or globs, relative to the workspace folder. */
  records: readonly string[];
  /**
   * The entries of `records` that the user's own settings hold (not a workspace's), which may name
   * files outside the workspace. VS Code's client fills it from `inspect('claimcheck.records').globalValue`;
   * without it, every record file must lie inside a workspace folder.
   */
  userRecords: readonly string[];
  /** Extra folders of source documents named by citation key, relative to the workspace folder. */
  library: readonly string[];
  attributionCounts: boolean;
  run: RunMode;
  /** The language of messages, fix titles and hover cards, and of figures in the drafts ("4.600" is 4,600 in Spanish); `auto` already resolved. */
  locale: Locale;
}

const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'pandoc', 'link'];
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const RUN_MODES: readonly RunMode[] = ['onType', 'onSave'];
const LOCALES: readonly LocaleSetting[] = ['auto', 'en', 'es'];

/** The settings' defaults (with `auto` resolved to English); the severities come from the check registries. */
export const DEFAULT_SETTINGS: Readonly<Settings> = deepFreeze({
  citationStyle: 'footnote',
  severity: Object.fromEntries(REGISTRY.map((c) => [c.code, c.defaultSeverity])) as Record<FindingCode, SeveritySetting>,
  records: [],
  userRecords: [],
  library: [],
  attributionCounts: true,
  run: 'onType',
  locale: 'en',
});

/**
 * Normalises whatever the client sent: unknown keys are ignored, bad values fall back to
 * their defaults and are reported through `warn` (once per value, by the caller's logger).
 * `locale: "auto"` (the default) becomes `editorLocale`, the language the editor runs in.
 */
export function normalizeSettings(raw: unknown, warn: (message: string) => void = () => {}, editorLocale: Locale = 'en'): Readonly<Settings> {
  const input = isObject(raw) ? raw : {};
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = input[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    warn(`claimcheck.${key}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}; using "${fallback}".`);
    return fallback;
  };

  const severity: Record<FindingCode, SeveritySetting> = { ...DEFAULT_SETTINGS.severity };
  if (isObject(input.severity)) {
    for (const [code, value] of Object.entries(input.severity)) {
      if (!FINDING_CODES.includes(code)) {
        warn(`claimcheck.severity: there is no check "${code}".`);
        continue;
      }
      const normalized = value === 'information' ? 'info' : value;
      if (typeof normalized === 'string' && (SEVERITIES as readonly string[]).includes(normalized)) severity[code as FindingCode] = normalized as SeveritySetting;
      else warn(`claimcheck.severity.${code}: ${JSON.stringify(value)} is not one of ${SEVERITIES.join(', ')}.`);
    }
  } else if (input.severity !== undefined && input.severity !== null) warn('claimcheck.severity must be an object of check code → severity.');

  let records: string[] = [];
  if (Array.isArray(input.records)) records = input.records.filter((r): r is string => typeof r === 'string' && r.trim().length > 0);
  else if (typeof input.records === 'string' && input.records.trim()) records = [input.records];
  else if (input.records !== undefined && input.records !== null) warn('claimcheck.records must be an array of paths or globs.');

  const userRecords = Array.isArray(input.userRecords) ? input.userRecords.filter((r): r is string => typeof r === 'string' && r.trim().length > 0) : [];
  let library: string[] = [];
  if (Array.isArray(input.library)) library = input.library.filter((r): r is string => typeof r === 'string' && r.trim().length > 0);
  else if (typeof input.library === 'string' && input.library.trim()) library = [input.library];
  else if (input.library !== undefined && input.library !== null) warn('claimcheck.library must be an array of folders.');

  const attributionCounts = typeof input.attributionCounts === 'boolean' ? input.attributionCounts : DEFAULT_SETTINGS.attributionCounts;

  return deepFreeze({
    citationStyle: pick('citationStyle', CITATION_STYLES, DEFAULT_SETTINGS.citationStyle),
    severity,
    records,
    userRecords,
    library,
    attributionCounts,
    run: pick('run', RUN_MODES, DEFAULT_SETTINGS.run),
    locale: resolveLocale(pick('locale', LOCALES, 'auto'), editorLocale),
  });
}

function resolveLocale(setting: LocaleSetting, editorLocale: Locale): Locale {
  return setting === 'auto' ? editorLocale : setting;
}

const optionsCache = new WeakMap<Readonly<Settings>, AnalysisOptions>();

/** The core's options for these settings; the same frozen object for the same settings, so caches can compare by identity. */
export function analysisOptions(settings: Readonly<Settings>): AnalysisOptions {
  let options = optionsCache.get(settings);
  if (!options) {
    options = deepFreeze({ citationStyle: settings.citationStyle, locale: settings.locale, attributionCounts: settings.attributionCounts, severity: { ...settings.severity } });
    optionsCache.set(settings, options);
  }
  return options;
}

/** Per-resource settings, cached until the configuration changes. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Readonly<Settings>>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked (as sent, normalised on use). */
  private pushedRaw: unknown = {};
  private pushed: Readonly<Settings> = DEFAULT_SETTINGS;
  /** The editor's language, from `initialize`; what `locale: "auto"` means. */
  private editor: Locale = 'en';
  private fallback: Readonly<Settings> = DEFAULT_SETTINGS;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: () => boolean,
  ) {}

  /** Sets the editor's language (`initialize`'s `locale`, e.g. "es-419"), which `auto` follows. */
  setEditorLocale(tag: string | undefined): void {
    this.editor = toLocale(tag);
    this.fallback = normalizeSettings({}, undefined, this.editor);
    this.pushed = normalizeSettings(this.pushedRaw, (m) => this.warn(m), this.editor);
    this.cache.clear();
  }

  /** The editor's language. */
  get editorLocale(): Locale {
    return this.editor;
  }

  /** The settings that apply to a document or folder (by URI); defaults when the client cannot say. */
  get(resource: string | undefined): Promise<Readonly<Settings>> {
    if (!this.canAsk()) return Promise.resolve(this.pushed);
    const key = resource ?? '';
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.connection.workspace
        .getConfiguration({ scopeUri: resource, section: 'claimcheck' })
        .then(
          (raw) => normalizeSettings(raw, (m) => this.warn(m), this.editor),
          (err) => {
            this.connection.console.error(`Claim Check: cannot read the settings: ${err instanceof Error ? err.message : String(err)}`);
            this.cache.delete(key);
            return this.fallback;
          },
        );
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** Forgets cached settings (and takes pushed ones when the client sent them). */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    this.warned.clear();
    if (isObject(pushedSettings) && 'claimcheck' in pushedSettings) {
      this.pushedRaw = pushedSettings.claimcheck;
      this.pushed = normalizeSettings(this.pushedRaw, (m) => this.warn(m), this.editor);
    }
  }

  /** Drops the cached settings of a closed document. */
  forget(resource: string): void {
    this.cache.delete(resource);
  }

  private warn(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.connection.console.warn(`Claim Check: ${message}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
