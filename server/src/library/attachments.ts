/**
 * Attachment lists as reference managers write them in a `file` field — Zotero with Better
 * BibTeX, JabRef, Mendeley: one path, or `description:path:mime-type` entries separated by
 * `;`, with `\:`, `\;` and `\\` escaping those characters inside a part. Pure.
 */

export interface Attachment {
  path: string;
  description?: string;
  mimeType?: string;
}

/** Splits on an unescaped separator, keeping escapes for the next level. */
function splitEscaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      cur += c + text[i + 1];
      i++;
    } else if (c === sep) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const unescape = (s: string) => s.replace(/\\([\\:;])/g, '$1');

/** A Windows drive letter left as its own part by a split on ":" ("C", "\\Users\\…"). */
const DRIVE = /^[A-Za-z]$/;

/** Parses a `file` field into its attachments (empty parts dropped). */
export function parseFileField(field: string): Attachment[] {
  const out: Attachment[] = [];
  for (const entry of splitEscaped(field.trim(), ';')) {
    if (!entry.trim()) continue;
    let parts = splitEscaped(entry, ':');
    // An unescaped drive letter ("C:\\x.pdf") splits the path in two; put it back.
    const merged: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (DRIVE.test(parts[i]) && i + 1 < parts.length && /^[\\/]/.test(parts[i + 1])) {
        merged.push(`${parts[i]}:${parts[i + 1]}`);
        i++;
      } else merged.push(parts[i]);
    }
    parts = merged;
    if (parts.length === 1) out.push({ path: unescape(parts[0]).trim() });
    else if (parts.length === 2) out.push({ description: unescape(parts[0]).trim() || undefined, path: unescape(parts[1]).trim() });
    else {
      const [description, ...rest] = parts;
      const mimeType = rest.length > 1 ? unescape(rest[rest.length - 1]).trim() : undefined;
      const path = rest.slice(0, rest.length > 1 ? -1 : undefined).map(unescape).join(':').trim();
      out.push({ description: unescape(description).trim() || undefined, path, mimeType: mimeType || undefined });
    }
  }
  return out.filter((a) => a.path.length > 0);
}

/** The document formats the library reads, by file extension. */
export const DOCUMENT_EXTENSIONS = ['pdf', 'html', 'htm', 'xhtml', 'txt', 'md', 'markdown'] as const;

export function documentExtension(path: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  const ext = m?.[1].toLowerCase();
  return ext && (DOCUMENT_EXTENSIONS as readonly string[]).includes(ext) ? ext : undefined;
}
