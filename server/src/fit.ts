/**
 * An array grown by push keeps room for more: V8 gives a list pushed once room for 17
 * elements, so a cached analysis of many short lists (a sentence's citations, numbers, a
 * paragraph's sentences) holds mostly empty room. `fit` gives a list that is kept an array of
 * its own length: a copy when it has elements (callers keep only the copy), the list itself
 * when it has none (`[]` holds no room).
 */
export function fit<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}
