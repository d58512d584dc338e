import { describe, expect, it } from 'vitest';
import { documentYear, sentenceYears } from '../../server/src/analysis/support';
import { analyze } from '../helpers/records';

const firstOffered = (text: string) => analyze(text).findings.filter((f) => f.code === 'uncited-claim').map((f) => f.sources[0]);

describe('the citation offered first speaks of the sentence’s time', () => {
  it('the year the sentence gives, else its paragraph’s, else the one its document speaks of', () => {
    const about2015 = firstOffered('Beyond the Horizon 2015 took U.S. troops to El Salvador.\n\nThe exercise rebuilt schools and held medical brigades for Salvadorans.\n');
    const about2019 = firstOffered('Beyond the Horizon 2019 took U.S. troops to Guatemala.\n\nThe exercise rebuilt schools and held medical brigades for Guatemalans.\n');
    expect(about2015).toEqual(['usembassy-sv-2015-03-mas-alla-del-horizonte-2015', 'usembassy-sv-2015-03-mas-alla-del-horizonte-2015']);
    expect(about2019[1]).not.toBe('usembassy-sv-2015-03-mas-alla-del-horizonte-2015');
    expect(['jtfb-2019-05-beyond-the-horizon-2019-kicks-off', 'soy502-2019-06-beyond-the-horizon', 'dialogo-2019-06-28-beyond-the-horizon-2019-guatemala']).toContain(about2019[1]);
  });

  it('reads the years of a sentence and of a document', () => {
    expect(sentenceYears('Between 2013 and 2015, the unit grew.')).toEqual([2013, 2014, 2015]);
    expect(sentenceYears('On April 12 the exercise ended.')).toEqual([]);
    // Comments and front matter are not prose; the year written most often wins, the first written of a tie.
    expect(documentYear('---\ndate: 2025-01-01\n---\n<!-- 2020 2020 -->\nIn 2015 and 2015, not 2019 or $2019.\n')).toBe(2015);
    expect(documentYear('In 2016 then 2014.')).toBe(2016);
    expect(documentYear('No year here.')).toBeUndefined();
  });
});
