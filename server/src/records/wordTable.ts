/**
 * Words numbered in the order they were first added, stored compactly: every word's characters
 * in one typed array, and an open-addressing hash table of their numbers. A Map from strings
 * holds each word as a string of its own (16 bytes and more before its characters) and an entry
 * of about 20 bytes; with a few hundred thousand words (100,000 programs' aliases) that was
 * most of the alias index's memory. Looking a word up hashes its characters; nothing is
 * allocated.
 */
export class WordTable {
  /** Every word's characters, one after another: one byte each until a word has a character past U+00FF. */
  private chars: Uint8Array | Uint16Array = new Uint8Array(4096);
  private charCount = 0;
  /** Where word i starts in `chars`; it ends where word i + 1 starts. */
  private starts = new Int32Array(1024);
  /** Word number + 1 by hash, 0 where empty; at most five eighths full. */
  private table = new Int32Array(2048);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The number of `word`, or -1 if it was never added. */
  get(word: string): number {
    const mask = this.table.length - 1;
    for (let i = hash(word) & mask; ; i = (i + 1) & mask) {
      const id = this.table[i] - 1;
      if (id < 0) return -1;
      if (this.equals(id, word)) return id;
    }
  }

  /** The number of `word`, added if new. */
  add(word: string): number {
    const found = this.get(word);
    if (found >= 0) return found;
    if ((this.count + 1) * 8 > this.table.length * 5) this.rehash(this.table.length * 2);
    if (this.count + 2 > this.starts.length) this.starts = grow(this.starts, this.starts.length * 2);
    if (this.charCount + word.length > this.chars.length) this.chars = grow(this.chars, Math.max(this.chars.length * 2, this.charCount + word.length));
    if (this.chars instanceof Uint8Array && !LATIN1.test(word)) this.chars = grow(new Uint16Array(0), this.chars.length, this.chars);
    for (let k = 0; k < word.length; k++) this.chars[this.charCount + k] = word.charCodeAt(k);
    const id = this.count++;
    this.starts[id] = this.charCount;
    this.charCount += word.length;
    this.starts[id + 1] = this.charCount;
    this.place(this.table, hash(word), id);
    return id;
  }

  /** The length of word `id`. */
  length(id: number): number {
    return this.starts[id + 1] - this.starts[id];
  }

  /** The character code at `k` in word `id`. */
  charCodeAt(id: number, k: number): number {
    return this.chars[this.starts[id] + k];
  }

  /** Word `id` as a string (made anew). */
  word(id: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[id], this.starts[id + 1]));
  }

  /** Gives back the room kept for words to come: call once every word is in. */
  trim(): void {
    this.chars = this.chars.slice(0, this.charCount);
    this.starts = this.starts.slice(0, this.count + 1);
  }

  private equals(id: number, word: string): boolean {
    const start = this.starts[id];
    if (this.starts[id + 1] - start !== word.length) return false;
    for (let k = 0; k < word.length; k++) if (this.chars[start + k] !== word.charCodeAt(k)) return false;
    return true;
  }

  private place(table: Int32Array, h: number, id: number): void {
    const mask = table.length - 1;
    let i = h & mask;
    while (table[i] !== 0) i = (i + 1) & mask;
    table[i] = id + 1;
  }

  private rehash(length: number): void {
    const table = new Int32Array(length);
    for (let id = 0; id < this.count; id++) {
      let h = FNV_OFFSET;
      for (let k = this.starts[id]; k < this.starts[id + 1]; k++) h = Math.imul(h ^ this.chars[k], FNV_PRIME);
      this.place(table, finish(h), id);
    }
    this.table = table;
  }
}

/** FNV-1a over UTF-16 code units, then a final mix: the hash of WordTable's words and of nearest.ts's word parts. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

export function finish(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

function hash(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return finish(h);
}

// eslint-disable-next-line no-control-regex -- every character up to U+00FF, control characters included
const LATIN1 = /^[\x00-\xff]*$/;

/** A copy of `from` (by default `array`) in a new array of `array`'s type and the given length. */
function grow<T extends Uint8Array | Uint16Array | Int32Array>(array: T, length: number, from: Uint8Array | Uint16Array | Int32Array = array): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(from);
  return bigger;
}
