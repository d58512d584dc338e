import { describe, expect, it } from 'vitest';
import { splitChunks } from '../../server/src/analysis/incremental/chunks';

const chunks = (text: string) => splitChunks(text).map((b) => text.slice(b.start, b.end));

describe('splitChunks', () => {
  it('splits at blank lines', () => {
    expect(chunks('# Title\n\nOne.\nTwo.\n\n\nThree.\n')).toEqual(['# Title', 'One.\nTwo.', 'Three.']);
  });
  it('keeps fenced code, HTML comments and front matter whole', () => {
    const text = '---\ntitle: x\n\nmore: y\n---\n\n```\ncode\n\nmore code\n```\n\n<!-- a\n\nb -->\n\nText.';
    expect(chunks(text)).toEqual(['---\ntitle: x\n\nmore: y\n---', '```\ncode\n\nmore code\n```', '<!-- a\n\nb -->', 'Text.']);
  });
  it('keeps indented continuations with their list item', () => {
    expect(chunks('- item\n\n  continued\n\nNext.')).toEqual(['- item\n\n  continued', 'Next.']);
  });
  it('handles CRLF and CR line endings', () => {
    expect(chunks('One.\r\n\r\nTwo.\r\rThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });
  it('covers an unclosed fence to the end', () => {
    expect(chunks('Text.\n\n```\ncode\n\nstill code')).toEqual(['Text.', '```\ncode\n\nstill code']);
  });
});
