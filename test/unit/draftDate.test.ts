import { describe, expect, it } from 'vitest';
import { DocumentAnalyzer } from '../../server/src/analysis/incremental/analyzer';
import { DEFAULT_OPTIONS } from '../../server/src/analysis/model';
import { draftDate, relativeTime, timesAgree } from '../../server/src/analysis/frame';
import { bundledRecords } from '../helpers/records';

const draft = (date: string | undefined) =>
  `${date ? `---\ntitle: Draft\ndate: ${date}\n---\n\n` : ''}So far, Joint Task Force Alpha has resulted in over 360 arrests, the Justice Department said.\n\nU.S. Customs and Border Protection today expanded CBP One appointments to 1,650 per day.\n`;

describe('the date a writer gives a draft', () => {
  it('is read from front matter only, never from a comment', () => {
    expect(draftDate('---\ntitle: x\ndate: 2023-12-05\n---\nText')).toBe('2023-12-05');
    expect(draftDate("+++\ndate = '2023-06'\n+++\nText")).toBe('2023-06');
    expect(draftDate('<!-- date: 2017-09-26 -->\n\nText')).toBeUndefined();
    expect(draftDate('Text\n---\ndate: 2023-12-05\n---\n')).toBeUndefined();
  });
  it('says what "so far", "today" and "este año" mean', () => {
    expect(relativeTime('So far, the task force has made 260 arrests', '2023-12-05')).toEqual({ kind: 'asOf', from: '2023-12-05' });
    expect(relativeTime("today's actions included 6,400 officers", '2005-09-08')).toEqual({ kind: 'in', from: '2005-09-08' });
    expect(relativeTime('este año participaron 900', '2025-05-23')).toEqual({ kind: 'in', from: '2025' });
    expect(relativeTime('So far, 260 arrests', undefined)).toBeUndefined();
    expect(timesAgree({ kind: 'in', from: '2023-06-30' }, { kind: 'since', from: '2023-06-30' })).toBe(true);
    expect(timesAgree({ kind: 'in', from: '2023-07-01' }, { kind: 'since', from: '2023-06-30' })).toBe(false);
  });
  it('dates the figures of every chunk, and a changed date is read again', () => {
    const analyzer = new DocumentAnalyzer(bundledRecords());
    const found = (text: string) => analyzer.analyze(text, DEFAULT_OPTIONS).findings.filter((f) => f.code === 'figure-mismatch').map((f) => text.slice(f.start, f.end));
    expect(found(draft(undefined))).toEqual([]);
    expect(found(draft('2023-12-05'))).toEqual(['360']);
    expect(found(draft('2023-06-30'))).toEqual(['1,650']);
    expect(found(draft('2023-12-05'))).toEqual(['360']);
    // A restated excerpt whose number another year's figure allows is dated by the draft.
    const copied = (date: string) => `---\ndate: ${date}\n---\n\nSo far, Joint Task Force Alpha’s work has resulted in over 360 domestic and international arrests; more than 170 convictions.\n`;
    expect(found(copied('2023-12-05'))).toEqual(['360']);
    expect(found(copied('2024-12-20'))).toEqual([]);
  });
});
