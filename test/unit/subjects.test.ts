import { describe, expect, it } from 'vitest';
import { isByline, isNothingCheckable } from '../../server/src/analysis/claimShape';
import { analyze } from '../helpers/records';

const uncited = (text: string) => analyze(text).findings.filter((f) => f.code === 'uncited-claim').map((f) => f.programs);

describe('task forces and units the records mark as claim subjects', () => {
  it('a sentence about one is a claim; one about an agency at large is not', () => {
    expect(uncited('JTF-Bravo delivered 20 tons of food to Honduras in 2020.')).toEqual([['jtf-bravo']]);
    expect(uncited('La Fuerza de Tarea Conjunta Bravo ayudó al Gobierno panameño a establecer una base remota.')).toEqual([['jtf-bravo']]);
    expect(uncited('ICE removed 300 Honduran nationals in 2020.')).toEqual([]);
  });

  it('a figure after it in its paragraph is about it', () => {
    expect(uncited('La FNA de Honduras comenzó en 2013. Más de 1.100 sospechosos arrestados.')).toEqual([['fna-honduras'], ['fna-honduras']]);
  });
});

describe('bylines and appraisals are not claims', () => {
  it('reads a byline or credit line', () => {
    expect(isByline('By Col. Keith A. McKinley, commander of Joint Task Force-Bravo')).toBe(true);
    expect(isByline('Aerotécnico Jefe Destinee Sweeney, Fuerza de Tarea Conjunta Bravo, editado por Diálogo')).toBe(true);
    expect(isByline('By 2019, JTF-Bravo had flown 300 missions.')).toBe(false);
    expect(uncited('By Col. Keith A. McKinley, commander of Joint Task Force-Bravo\n')).toEqual([]);
  });

  it('reads an appraisal of success, worth or rank', () => {
    expect(isNothingCheckable('La FUSINA continúa con éxito el combate al crimen organizado')).toBe(true);
    expect(isNothingCheckable('los esfuerzos de la FNA no tienen precio.')).toBe(true);
    expect(isNothingCheckable('la FTC-Bravo es una organización fundamental de SOUTHCOM')).toBe(true);
    expect(isNothingCheckable('FUSINA arrested the gang leaders.')).toBe(false);
  });
});
