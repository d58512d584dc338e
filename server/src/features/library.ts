/**
 * The writer's source documents for the server: one library per workspace folder (its
 * `.claimcheck/library/` and `.bib` files, the `claimcheck.library` folders, the `file`
 * fields of its sources), built in the background with progress in the editor, cached on
 * disk. When a build changes what a library holds, the drafts are checked again; each
 * document that cannot be read is a diagnostic where it was named (a `.bib` entry) or on the
 * document itself; the status (documents, pages, failures) goes to the client's status item.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import type { LibraryIndex, LibraryProblem } from '../library/library';
import { msg, type Locale } from '../l10n/messages';
import { LibraryService } from '../node/library/service';
import { libraryLocations, libraryProblemText } from '../node/library/forRecords';
import { LIBRARY_STATUS_METHOD, DIAGNOSTIC_SOURCE, type LibraryStatusParams } from '../protocol';
import type { RecordManager } from './records';
import { pathToUri } from './records';
import type { SettingsStore } from './settings';

/** A build that takes longer than this shows progress in the editor. */
const PROGRESS_AFTER_MS = 300;

/** The code of a diagnostic about a source document that cannot be read. */
export const LIBRARY_PROBLEM_CODE = 'source-document';

export class LibraryManager {
  private readonly services = new Map<string, LibraryService>();
  private published = new Set<string>();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly records: RecordManager,
    private readonly settings: SettingsStore,
    /** Publishes (or clears) diagnostics of a file that is not a draft. */
    private readonly publish: (uri: string, diagnostics: Diagnostic[]) => void,
    /** Called when a build changed what a library holds: the drafts are checked again. */
    private readonly changed: () => void,
    private readonly progressSupported: () => boolean,
  ) {}

  /** The library for a draft: its workspace folder's (the first folder's for an untitled one), when it holds any document. */
  libraryFor(uri: string): LibraryIndex | undefined {
    const folder = this.records.folderOf(uri) ?? (uri.startsWith('file:') ? undefined : this.records.workspaceFolders()[0]);
    const index = folder ? this.services.get(folder.uri)?.index : undefined;
    return index && index.documentCount() > 0 ? index : undefined;
  }

  /** Brings every folder's library up to date (in the background; one build at a time, a later request queued). */
  rebuild(force = false): Promise<void> {
    this.running = this.running.then(() => this.run(force)).catch((err) => {
      this.connection.console.error(`Claim Check: reading the source documents failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    });
    return this.running;
  }

  private async run(force: boolean): Promise<void> {
    await this.records.ready;
    const folders = this.records.workspaceFolders();
    // Progress in the editor only for a build that takes a while (documents read, not just looked up).
    let progress: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>> | undefined;
    let last = '';
    let finished = false;
    const timer = this.progressSupported()
      ? setTimeout(() => {
          void this.connection.window
            .createWorkDoneProgress()
            .then((p) => {
              if (finished) return;
              progress = p;
              p.begin('Claim Check: reading source documents', 0, last, false);
            })
            .catch(() => undefined);
        }, PROGRESS_AFTER_MS)
      : undefined;
    let changed = false;
    const started = Date.now();
    try {
      for (const folder of folders) {
        const settings = await this.settings.get(folder.uri);
        let service = this.services.get(folder.uri);
        if (!service) {
          service = new LibraryService();
          this.services.set(folder.uri, service);
        }
        const recordsDir = join(folder.path, '.claimcheck');
        const locations = libraryLocations(
          existsSync(recordsDir) ? recordsDir : undefined,
          this.records.recordsFor(folder.uri),
          settings.library.map((d) => resolve(folder.path, d)),
          settings.records.map((r) => resolve(folder.path, r)),
        );
        const before = service.index.generation;
        this.sendStatus();
        await service.build(locations, {
          force,
          onProgress: (p) => {
            last = `${p.done}/${p.total}`;
            progress?.report(p.total ? Math.round((100 * p.done) / p.total) : 100, last);
          },
        });
        if (service.index.generation !== before) changed = true;
      }
      for (const uri of [...this.services.keys()]) if (!folders.some((f) => f.uri === uri)) this.services.delete(uri);
    } finally {
      finished = true;
      if (timer) clearTimeout(timer);
      progress?.done();
    }
    const status = this.status();
    this.connection.console.info(`Claim Check: source documents ready in ${Date.now() - started} ms: ${status.documents} document(s), ${status.pages} page(s), ${status.failures} unreadable.`);
    await this.publishProblems();
    this.sendStatus();
    if (changed) this.changed();
  }

  /** Every library's documents, pages and failures, added up. */
  status(): LibraryStatusParams {
    const out: LibraryStatusParams = { documents: 0, pages: 0, failures: 0, building: false, text: '' };
    for (const service of this.services.values()) {
      const s = service.index.status();
      out.documents += s.documents;
      out.pages += s.pages;
      out.failures += s.failures;
      out.building ||= s.building;
    }
    return out;
  }

  private sendStatus(): void {
    const status = this.status();
    void this.settings.get(this.records.workspaceFolders()[0]?.uri).then((settings) => {
      const locale = settings.locale;
      const failures = status.failures > 0 ? libraryFailures(locale, status.failures) : '';
      status.text = statusText(locale, status, failures);
      void this.connection.sendNotification(LIBRARY_STATUS_METHOD, status);
    });
  }

  /** Unreadable documents as diagnostics: at the `.bib` entry that names one, or on the document itself. */
  private async publishProblems(): Promise<void> {
    const locale = (await this.settings.get(this.records.workspaceFolders()[0]?.uri)).locale;
    const byUri = new Map<string, Diagnostic[]>();
    const problems: LibraryProblem[] = [...this.services.values()].flatMap((s) => s.index.problems());
    for (const p of problems) {
      const uri = pathToUri(p.origin?.file ?? p.attachment ?? p.path);
      const line = p.origin?.line ?? 0;
      const list = byUri.get(uri) ?? [];
      list.push({
        range: { start: { line, character: 0 }, end: { line, character: p.origin ? 1000 : 0 } },
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: LIBRARY_PROBLEM_CODE,
        message: libraryProblemText(p, locale),
      });
      byUri.set(uri, list);
    }
    for (const uri of this.published) if (!byUri.has(uri)) this.publish(uri, []);
    for (const [uri, list] of byUri) this.publish(uri, list);
    this.published = new Set(byUri.keys());
  }
}


function libraryFailures(locale: Locale, count: number): string {
  return msg(locale, 'library.status.failures', { count });
}

function statusText(locale: Locale, s: LibraryStatusParams, failures: string): string {
  return msg(locale, 'library.status', { documents: s.documents, pages: s.pages, failures, building: s.building ? msg(locale, 'library.status.building') : '' });
}
