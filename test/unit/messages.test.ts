import { describe, expect, it } from 'vitest';
import { MESSAGE_IDS, msg } from '../../server/src/l10n/messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogues', () => {
  it('give every message in Spanish with the same placeholders as in English', () => {
    for (const id of MESSAGE_IDS) expect(placeholders(msg('es', id)), id).toEqual(placeholders(msg('en', id)));
  });

  it('translate every record problem', () => {
    const problems = MESSAGE_IDS.filter((id) => id.startsWith('problem.'));
    expect(problems.length).toBeGreaterThan(30);
    for (const id of problems) expect(msg('es', id), id).not.toBe(msg('en', id));
  });
});
