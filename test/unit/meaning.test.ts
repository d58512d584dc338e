/** What writers mean: attribution by speech verbs, what is not a claim (issue 14). */
import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../server/src/analysis/attributions';
import { isCaption, isNothingCheckable, isTitleLine } from '../../server/src/analysis/claimShape';
import { analyze } from '../helpers/records';

const none = () => [];
const phrases = (text: string) => findAttributions(text, none).map((a) => a.text);

describe('attribution by speech and report verbs', () => {
  it('finds a source-like subject before or after the verb, in English and Spanish', () => {
    expect(phrases('The unit trained 300 police, the U.S. embassy said.')).not.toEqual([]);
    expect(phrases('Officials announced that the task force had 40 members.')).not.toEqual([]);
    expect(phrases('La unidad tiene 300 elementos, indicó la embajada.')).not.toEqual([]);
    expect(phrases('La unidad arrestó a 40 personas, informaron fuentes oficiales.')).not.toEqual([]);
    expect(phrases('“We trained 300 police,” said Attorney General Garland.')).not.toEqual([]);
    expect(phrases('“Está en fase de implementación”, dijo a Diálogo el Coronel Óscar Pérez.')).not.toEqual([]);
    expect(phrases('The exercise had 900 members, according to officials.')).not.toEqual([]);
    // A titled speaker by name, an apposition, then the verb.
    expect(phrases('El Coronel Robert Wagner, jefe del grupo militar de la Embajada, dijo que el ejercicio tiene 250 ingenieros.')).not.toEqual([]);
    expect(phrases('Col. Jane Doe, the commander of the task force, said the unit grew.')).not.toEqual([]);
    // The writers' own findings, in the first person.
    expect(phrases('We found that ICE has some policies to oversee the partner agreements.')).not.toEqual([]);
    expect(phrases('Our review found that the unit trained 300 police.')).not.toEqual([]);
    expect(phrases('Constatamos que la unidad tiene 300 elementos.')).not.toEqual([]);
  });

  it('does not take an agency announcing its own action for a source, nor a plain verb for one', () => {
    expect(phrases('WASHINGTON – U.S. Customs and Border Protection today announced the expansion of appointments.')).toEqual([]);
    expect(phrases('The task force said nothing new about the border in 2019.')).toEqual([]);
    expect(phrases('Operation Martillo seized 245,000 kilograms of cocaine.')).toEqual([]);
    expect(phrases('The task force found 40 weapons in the raid.')).toEqual([]);
  });

  it('speech attributions that name no agency, kind or year point to no recorded source', () => {
    const [a] = findAttributions('The unit had 40 members, officials said.', none);
    expect(a.speech).toBe(true);
    expect(a.agencies).toEqual([]);
  });
});

describe('what is not a claim', () => {
  it('title lines: the paragraph’s only line, no final punctuation, title case or capitals', () => {
    expect(isTitleLine('Guatemala Creates New Interagency Task Force', true)).toBe(true);
    expect(isTitleLine('EL PRECIO DEL CAFE SUBE', true)).toBe(true);
    expect(isTitleLine('Guatemala created a new interagency task force', true)).toBe(false);
    expect(isTitleLine('Guatemala Creates New Interagency Task Force.', true)).toBe(false);
    expect(isTitleLine('Guatemala Creates New Interagency Task Force', false)).toBe(false);
  });

  it('captions credit a photograph', () => {
    expect(isCaption('La Fuerza Especial Naval patrulla la costa. (Foto: Fuerza Naval de Honduras)')).toBe(true);
    expect(isCaption('Photo by Sgt. Jane Doe')).toBe(true);
    expect(isCaption('The task force photographed 40 vessels.')).toBe(false);
  });

  it('a goal, plan or recommendation with no figure or date has nothing to check', () => {
    expect(isNothingCheckable('The goal of the IATF is to interdict and disrupt threats.')).toBe(true);
    expect(isNothingCheckable('Because the app provides a direct system to request appointments, it reduces the potential for smugglers to exploit migrants.')).toBe(true);
    expect(isNothingCheckable('The app reduced waiting times by 40 percent, which reduces the risk of fraud.')).toBe(false);
    expect(isNothingCheckable('Army South has plans to continue to support IATF training.')).toBe(true);
    expect(isNothingCheckable('The goal of the IATF in 2013 was to train 500 soldiers.')).toBe(false);
    expect(isNothingCheckable('The IATF interdicted 40 vessels.')).toBe(false);
  });
});

describe('references by description', () => {
  const described = (text: string) =>
    analyze(text)
      .mentions.filter((m) => m.described)
      .map((m) => `${m.text}→${m.program}`);

  it('resolve to the one program of a fitting kind named before them in the paragraph, English and Spanish', () => {
    expect(described('Operation Martillo began in 2012. The operation seized 40 boats.')).toEqual(['The operation→operation-martillo']);
    expect(described('La FTI Jaguar opera en Petén. La unidad tiene 300 elementos.')).toEqual(['La unidad→fti-jaguar']);
  });

  it('resolve across paragraphs to the one program of their kind and number named earlier in the document or section', () => {
    expect(described('Operation Martillo began in 2012.\n\nThe operation seized 40 boats.')).toEqual(['The operation→operation-martillo']);
    expect(described('Operation Martillo began in 2012.\n\nOperation Hornet began in 2013.\n\nThe operation seized 40 boats.')).toEqual([]);
    // A section starts with what the document named before its first heading, and what the heading names.
    expect(described('# Part one\n\nOperation Martillo began.\n\n# Part two\n\nOperation Hornet began.\n\nThe operation seized 40 boats.')).toEqual(['The operation→operation-hornet']);
    expect(described('# Operation Martillo\n\nIt began.\n\n## Later\n\nOperation Hornet began.\n\nThe operation seized 40 boats.')).toEqual([]);
    // A paragraph that named another program or institution first keeps the description to itself.
    expect(described('Operation Martillo began in 2012.\n\nThe FTI Jaguar grew. The operation seized 40 boats.')).toEqual([]);
    // Not past another program named since, of whatever kind.
    expect(described('The Antiterrorism Assistance Program trained police.\n\nOperation Hornet began in 2013.\n\nThe program grew.')).toEqual([]);
    expect(described('The Antiterrorism Assistance Program trained police.\n\nThe border is long.\n\nThe program grew.')).toEqual(['The program→antiterrorism-assistance-program']);
    // "The IATF", "this IATF": one task force, not the record of them all ("the IATFs" still is).
    expect(analyze('Thirty-eight jeeps went to the IATFs in 2018.').mentions.map((m) => m.program)).toEqual(['iatf']);
    expect(described('The FTI Jaguar is based in Petén.\n\nThe IATF has 300 members.')).toEqual(['The IATF→fti-jaguar']);
    expect(described('El Programa de Asistencia Anti-Terrorista capacitó a 30 oficiales.\n\nEste curso es el segundo de una serie.')).toEqual(['Este curso→antiterrorism-assistance-program']);
    expect(described('Continuing Promise 2022 began in October.\n\nThe mission ended in December.')).toEqual(['The mission→continuing-promise']);
    expect(described('Continuing Promise 2022 began in October.\n\nThe mission of the army is clear.')).toEqual([]);
    // Return flights are an air service's whatever their number; a country before the noun is the program's branch there.
    expect(described('Prior to boarding an ICE Air flight, detainees are screened. These return operations have started to expand.')).toEqual(['These return operations→ice-air']);
    expect(described('In 2016, OPDAT began working with Guatemala. The Guatemala program also includes capacity building.')).toEqual(['The Guatemala program→opdat']);
  });

  it('read investigations, events, authorities, organizations and a person’s unit by the kind they stand for', () => {
    expect(described('ICE laid the ground work under Operation Black Jack. This investigation grew into a task force.')).toEqual(['This investigation→operation-black-jack']);
    expect(described('CENTAM Guardian 2025 began in May.\n\nAttended by the commander, the culminating event tested 900 members.')).toEqual(['the culminating event→centam-guardian']);
    expect(described('La orden del Título 42 sigue vigente y el DHS seguirá expulsando en virtud de esa facultad.')).toEqual(['esa facultad→title-42']);
    expect(described('La FTC-Bravo es una organización de SOUTHCOM. Demuestra la importancia de la organización en la región.')).toEqual(['la organización→jtf-bravo']);
    expect(described('Agent Mann works in the Safe Streets and Gang Unit.\n\n“We work together,” Mann said. His unit sponsored an exchange in 2015.')).toEqual(['His unit→fbi-safe-streets-gang-unit']);
    // "In the event of", "the investigation of": another thing.
    expect(described('CENTAM Guardian 2025 began in May. In the event of a storm, it stops.')).toEqual([]);
    // A program named later in the sentence is not named before the description.
    expect(described('Agent Mann works in the Safe Streets and Gang Unit.\n\nThe unit sponsored a Central American Law Enforcement Exchange (CALEE) in 2015.')).toEqual(['The unit→fbi-safe-streets-gang-unit']);
  });

  it('a record named by its agreements fits plural descriptions of them; a fused article is left out of the description', () => {
    expect(described('The 287(g) program grew in 2019.\n\nWe found that ICE has some policies to manage the partner agreements.')).toEqual(['the partner agreements→287g']);
    expect(described('El Programa de Asistencia Anti-Terrorista capacitó a 30 oficiales. Los oficiales participaron del programa de una semana.')).toEqual(['programa→antiterrorism-assistance-program']);
  });

  it('a bare acronym of a kind, or its letters swapped, is read as a description', () => {
    expect(described('The IATF Tecun Uman personnel are qualified. Army South will support IATF training.')).toEqual(['IATF→fti-tecun-uman']);
    expect(described('The IATF Tecun Uman was trained in 2013.\n\nITAF personnel received training on checkpoints.')).toEqual(['ITAF→fti-tecun-uman']);
    expect(described('The IATF Tecun Uman was trained in 2013.\n\nThe ITAF received training on checkpoints.')).toEqual(['The ITAF→fti-tecun-uman']);
    // Where its record's context allows it, the bare acronym is the record of them all.
    expect(analyze('Thirty-eight jeeps went to IATF units in 2018.').mentions.map((m) => m.program)).toEqual(['iatf']);
  });

  it('a description that opens a definition ("Name: This program…") stands for the name, whatever its kind', () => {
    expect(described('Transnational Anti-Gang (TAG) Unit: This program combines the expertise of agencies.')).toEqual(['This program→tag']);
    expect(described('Gangs grew. Transnational Anti-Gang (TAG) Unit: This program combines the expertise of agencies.')).toEqual([]);
  });

  it('a title that describes a program, or names the record of several in the singular, stands for the one program the text names', () => {
    const titled = (text: string) =>
      analyze(text)
        .mentions.filter((m) => m.start < text.indexOf('\n'))
        .map((m) => `${m.text}→${m.program}`);
    expect(titled('# U.S. Marine Task Force deploys to Guatemala\n\nMarines with SPMAGTF-SC arrived in June 2019.\n')).toEqual(['U.S. Marine Task Force→spmagtf-sc']);
    expect(titled('# U.S. Army Supports New Guatemalan Inter-Agency Task Force\n\nThe Army trained the Interagency Task Force (IATF) Tecun Uman in 2013.\n')).toEqual([
      'U.S. Army→usarmy',
      'Inter-Agency Task Force→fti-tecun-uman',
    ]);
    // Over a text that names several, the title keeps its words: the record of several, or nothing.
    expect(titled('# Guatemala integra nueva fuerza de tarea interinstitucional\n\nLa FTI Jaguar se sumará a FTI Tecún Umán y FTI Chortí.\n')).toEqual(['fuerza de tarea interinstitucional→iatf']);
    expect(titled('# U.S. Marine Task Force deploys\n\nSPMAGTF-SC and JTF-Bravo arrived in June 2019.\n')).toEqual([]);
    // Only the document's title: a later heading does not reach forward.
    const later = 'Marines arrived.\n\n# U.S. Marine Task Force deploys\n\nSPMAGTF-SC arrived in June 2019.\n';
    expect(analyze(later).mentions.filter((m) => m.start < later.indexOf('SPMAGTF'))).toEqual([]);
  });

  it('do not resolve to a program of another kind or number, or when two fit', () => {
    expect(described('Operation Martillo began in 2012. The task force seized 40 boats.')).toEqual([]);
    expect(described('Operation Martillo and Operation Hornet began. The operation seized 40 boats.')).toEqual([]);
    expect(described('FTI Jaguar grew. These task forces seized 40 boats.')).toEqual([]);
  });

  it('an attribution that closes a quotation covers the quotation that goes on, and "released the following:" its section', () => {
    const quoted = analyze('“We grew,” said the commander. “Operation Martillo seized 40 boats in 2013.”').findings.filter((f) => f.code === 'uncited-claim');
    expect(quoted).toEqual([]);
    const released = analyze('# News\n\nThe FBI released the following:\n\nOperation Martillo seized 40 boats in 2013.\n\n# Ours\n\nOperation Martillo seized 40 boats in 2013.\n').findings.filter((f) => f.code === 'uncited-claim');
    expect(released.length).toBe(1);
  });
});

describe('names that mean something else here', () => {
  const programs = (text: string) => analyze(text).mentions.map((m) => m.program);
  it('an ambiguous alias counts only in the context its record allows', () => {
    expect(programs('Appointments through CBP One rose to 1,450 a day in 2023.')).not.toContain('cbp');
    expect(programs('CBP processed 1,000 appointments in 2023.')).toContain('cbp');
    expect(programs('The officers trained at ILEA Budapest in 2019.')).not.toContain('ilea');
    expect(programs('Costa Rica’s ICE raised electricity prices in 2019.')).not.toContain('ice');
    expect(programs('Strong partnerships reflect an enduring promise to one another.')).not.toContain('enduring-promise');
  });
  it('words two records share are read as the one whose context holds', () => {
    expect(programs('Two FBI agents work in San Salvador with the Policia Nacional Civil, or PNC, of El Salvador.')).toEqual(['fbi', 'pnc-el-salvador', 'pnc-el-salvador']);
    expect(programs('Unos 300 elementos de la Policía Nacional Civil (PNC) de Guatemala conformarán la FTI Jaguar.')).toEqual(['pnc', 'pnc', 'fti-jaguar']);
    expect(programs('El escudo marítimo hondureño será fortalecido con la Fuerza Especial Naval.')).toEqual(['fen-honduras']);
    expect(programs('La Fuerza Especial Naval patrulla el Caribe guatemalteco.')).toEqual(['fen']);
    // Where the context holds for neither, or for both, the words are read as neither.
    expect(programs('La Policía Nacional Civil de Guatemala y la de El Salvador firmaron en 2019.')).not.toContain('pnc-el-salvador');
  });
  it('a common word a record guards ("State") counts only written exactly so, in the context it needs and not in the words that rule it out', () => {
    expect(programs('However, State and USAID have few controls in place.')).toEqual(['state', 'usaid']);
    expect(programs('State officials met in Guatemala in 2019.')).toEqual([]);
    expect(programs('The state of the USAID program is poor.')).toEqual(['usaid']);
    expect(programs('The United States and USAID signed in 2019.')).toEqual(['usaid']);
    expect(programs('State and local police work with USAID.')).toEqual(['usaid']);
  });
  it('a one-word acronym in a line written in capitals is not read as a program', () => {
    expect(programs('EL PRECIO DEL CAFE SUBE EN GUATEMALA')).not.toContain('cafe');
    expect(programs('THE BEST RESULTS OF THE YEAR')).toEqual([]);
  });
});
