import { describe, expect, it } from 'vitest';
import { WordTable } from '../../server/src/records/wordTable';

describe('word table', () => {
  it('numbers words in the order they were first added, and finds them again', () => {
    const t = new WordTable();
    expect(t.add('wkaq')).toBe(0);
    expect(t.add('AICE')).toBe(1);
    expect(t.add('wkaq')).toBe(0);
    expect(t.get('wkaq')).toBe(0);
    expect(t.get('wka')).toBe(-1);
    expect(t.get('wkaqs')).toBe(-1);
    expect(t.get('')).toBe(-1);
    expect(t.size).toBe(2);
    expect(t.word(1)).toBe('AICE');
    expect(t.length(0)).toBe(4);
    expect(t.charCodeAt(0, 1)).toBe('k'.charCodeAt(0));
  });
  it('keeps every word through growth, one-byte and wider characters alike', () => {
    const t = new WordTable();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}${i % 7 === 0 ? 'é' : ''}`);
    words.forEach((w, i) => expect(t.add(w)).toBe(i));
    expect(t.add('wçığ')).toBe(words.length);
    expect(t.add('w\u{1F600}')).toBe(words.length + 1);
    t.trim();
    words.forEach((w, i) => expect(t.get(w)).toBe(i));
    expect(t.word(words.length)).toBe('wçığ');
    expect(t.get('w\u{1F600}')).toBe(words.length + 1);
    expect(t.get('wçig')).toBe(-1);
    expect(t.size).toBe(words.length + 2);
  });
});
