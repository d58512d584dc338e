/**
 * Reads a source document to text with page offsets: PDF through Mozilla's PDF.js (the
 * legacy build, which runs on Node 20), HTML through rehype, text and Markdown as they are,
 * and Zotero's `.zotero-ft-cache` (pdftotext's output: pages end with a form feed).
 *
 * Host-side: it reads files. A document that cannot be read yields an ExtractFailure, never
 * an exception.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { DocumentFormat, ExtractedText } from '../../library/document';
import type { LibraryProblemCode } from '../../library/library';

export interface ExtractFailure {
  code: LibraryProblemCode;
  detail?: string;
}

export type ExtractResult = { ok: true; value: ExtractedText } | { ok: false; failure: ExtractFailure };

/** Documents larger than this are not read. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

export function formatOf(path: string): DocumentFormat | undefined {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  if (name === '.zotero-ft-cache') return 'zotero-ft-cache';
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1].toLowerCase();
  if (ext === 'pdf') return 'pdf';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt') return 'text';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  return undefined;
}

/** UTF-8 (a byte-order mark dropped), or Windows-1252 when the bytes are not UTF-8. */
export function decodeText(bytes: Uint8Array, charset?: string): string {
  if (charset && /^(?:windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(charset)) return windows1252(bytes);
  if (charset && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall through to UTF-8.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

// Node decodes "windows-1252" as ISO-8859-1; the bytes 0x80–0x9F are these characters.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b));
  }
  return out.replace(/[\u0080-\u009F]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
}

/** Text split into pages at form feeds (pdftotext, and so Zotero's cache, ends each page with one). */
export function pagedText(format: DocumentFormat, text: string): ExtractedText {
  const pageStarts = [0];
  for (let i = text.indexOf('\f'); i >= 0 && i < text.length - 1; i = text.indexOf('\f', i + 1)) pageStarts.push(i + 1);
  return { format, text, pageStarts };
}

export function htmlText(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const charset = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  const tree = fromHtml(decodeText(bytes, charset));
  return toText(tree);
}

/**
 * PDF.js, loaded at the first PDF: the language server and the command build it into a bundle
 * of its own (dist/pdf.js, scripts/build.mjs), so that starting them does not parse its 3.6 MB.
 */
const loadPdfJs = () => import('./pdfjs').then((m) => m.loadPdfJs());

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
  height?: number;
}

/** A PDF's text, page by page: items joined as PDF.js lays them out, a line break at each line end. */
export async function pdfText(bytes: Uint8Array): Promise<ExtractResult> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pageStarts: number[] = [];
    const emptyPages: number[] = [];
    let text = '';
    let chars = 0;
    for (let p = 1; p <= pdf.numPages; p++) {
      if (p > 1) text += '\n';
      pageStarts.push(text.length);
      let pageText = '';
      try {
        const page = await pdf.getPage(p);
        const content = await page.getTextContent();
        let lastY: number | undefined;
        for (const item of content.items as TextItemLike[]) {
          if (typeof item.str !== 'string') continue;
          // A new line that PDF.js did not mark: the baseline moved by more than half a line.
          const y = item.transform?.[5];
          if (item.str && y !== undefined && lastY !== undefined && Math.abs(y - lastY) > Math.max(1, (item.height ?? 0) / 2) && !/\s$/.test(pageText)) pageText += '\n';
          if (item.str && y !== undefined) lastY = y;
          pageText += item.str;
          if (item.hasEOL) pageText += '\n';
        }
        page.cleanup();
      } catch {
        // One bad page costs only itself.
      }
      const visible = pageText.replace(/\s+/g, '').length;
      if (visible === 0) emptyPages.push(p);
      chars += visible;
      text += pageText;
    }
    let pageLabels: string[] | undefined;
    try {
      const labels = await pdf.getPageLabels();
      if (labels && labels.some((l, i) => l !== String(i + 1))) pageLabels = labels.map((l, i) => l || String(i + 1));
    } catch {
      // No labels.
    }
    await pdf.destroy();
    if (chars === 0) return { ok: false, failure: { code: 'no-text', detail: `${pdf.numPages} page(s), none with text` } };
    return { ok: true, value: { format: 'pdf', text, pageStarts, pageLabels, emptyPages } };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e.name === 'PasswordException') return { ok: false, failure: { code: 'encrypted', detail: e.message } };
    return { ok: false, failure: { code: 'unreadable', detail: e.message ?? String(err) } };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * A document's bytes, only if it is a regular file of at most `max` bytes: a document named in a
 * bibliography may be a link to /dev/zero or a FIFO, which would be read forever or block. The
 * file is opened without blocking and checked with fstat on the same descriptor.
 */
export function readRegularFile(path: string, max: number): { ok: true; bytes: Uint8Array } | { ok: false; failure: ExtractFailure } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as { code?: string }).code === 'ENOENT' ? 'missing' : 'unreadable';
    return { ok: false, failure: { code, detail: (err as Error).message } };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, failure: { code: 'unreadable', detail: 'not a regular file' } };
    if (st.size > max) return { ok: false, failure: { code: 'too-large', detail: `${Math.round(st.size / 1048576)} MB` } };
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n <= 0) break;
      at += n;
    }
    return { ok: true, bytes: at === bytes.length ? bytes : bytes.subarray(0, at) };
  } catch (err) {
    return { ok: false, failure: { code: 'unreadable', detail: (err as Error).message } };
  } finally {
    closeSync(fd);
  }
}

/** Reads a document of any supported format. */
export async function extractDocument(path: string, size?: number): Promise<ExtractResult> {
  const format = formatOf(path);
  if (!format) return { ok: false, failure: { code: 'unsupported', detail: path } };
  if (size !== undefined && size > MAX_DOCUMENT_BYTES) return { ok: false, failure: { code: 'too-large', detail: `${Math.round(size / 1048576)} MB` } };
  const read = readRegularFile(path, MAX_DOCUMENT_BYTES);
  if (!read.ok) return read;
  const bytes = read.bytes;
  try {
    switch (format) {
      case 'pdf':
        return await pdfText(bytes);
      case 'html': {
        const text = htmlText(bytes);
        if (!text.trim()) return { ok: false, failure: { code: 'no-text' } };
        return { ok: true, value: { format, text, pageStarts: [0] } };
      }
      default: {
        const value = pagedText(format, decodeText(bytes));
        if (!value.text.trim()) return { ok: false, failure: { code: 'no-text' } };
        return { ok: true, value };
      }
    }
  } catch (err) {
    return { ok: false, failure: { code: 'unreadable', detail: (err as Error).message } };
  }
}
