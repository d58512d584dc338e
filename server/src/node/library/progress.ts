/**
 * Progress of a library build on a terminal: one line, rewritten in place, on standard error,
 * only when it is a terminal (never in a pipe, a file or CI logs).
 */
import type { BuildProgress } from './service';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** An onProgress callback for LibraryService.build, or undefined when `stream` is not a terminal. */
export function terminalProgress(stream: ProgressStream, label = 'Reading sources'): ((p: BuildProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let shown = false;
  let last = 0;
  return (p) => {
    const now = Date.now();
    const done = p.path === undefined;
    // At most ten updates a second, and only while documents are actually being read.
    if (!done && (now - last < 100 || p.read === 0)) return;
    last = now;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    if (done) {
      if (shown) stream.write(`\r${' '.repeat(width)}\r`);
      return;
    }
    const name = (p.path ?? '').split(/[\\/]/).pop() ?? '';
    const line = `${label} ${p.done + 1}/${p.total}: ${name}`;
    stream.write(`\r${line.length > width ? line.slice(0, width - 1) + '…' : line.padEnd(width)}`);
    shown = true;
  };
}
