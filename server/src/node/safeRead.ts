/**
 * Reads a text file from disk, never more than a limit and only if it is a regular file.
 *
 * A draft or record file can be a symbolic link committed to a repository: a link to /dev/zero
 * would be read until memory runs out, and opening a FIFO blocks until something writes to it.
 * The file is opened without blocking and checked with fstat on the same descriptor (no race
 * between the check and the read); only then is it read, at most `maxBytes` of it.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadFailure =
  | { reason: 'directory' }
  | { reason: 'special'; kind: string }
  | { reason: 'tooLarge'; size: number; max: number }
  | { reason: 'unreadable'; detail: string };

export type ReadResult = { ok: true; text: string; notUtf8: boolean } | ({ ok: false } & ReadFailure);

const NONBLOCK = constants.O_NONBLOCK ?? 0;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function specialKind(stat: import('node:fs').Stats): string {
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSocket()) return 'socket';
  return 'special file';
}

/** Reads `path` as UTF-8 text if it is a regular file of at most `maxBytes` bytes. */
export function readTextFile(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { ok: false, reason: 'directory' };
    return { ok: false, reason: 'unreadable', detail: (err as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'directory' };
    if (!stat.isFile()) return { ok: false, reason: 'special', kind: specialKind(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: 'tooLarge', size: stat.size, max: maxBytes };
    // The file may grow between fstat and the read: read at most one byte past the limit to see it.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { ok: false, reason: 'tooLarge', size: length, max: maxBytes };
    const bytes = buffer.subarray(0, length);
    try {
      return { ok: true, text: utf8.decode(bytes), notUtf8: false };
    } catch {
      return { ok: true, text: lenient.decode(bytes), notUtf8: true };
    }
  } catch (err) {
    return { ok: false, reason: 'unreadable', detail: (err as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** One line saying why a file was not read, in English (for logs and the command line). */
export function describeFailure(f: ReadFailure): string {
  switch (f.reason) {
    case 'directory':
      return 'it is a directory';
    case 'special':
      return `it is not a regular file (a ${f.kind})`;
    case 'tooLarge':
      return `it is larger than ${Math.round(f.max / 1048576)} MB`;
    case 'unreadable':
      return f.detail;
  }
}
