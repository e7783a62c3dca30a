import { describe, expect, it } from 'vitest';
import { normaliseSearchText, searchProperties, searchTokens, searchWords } from './search-text.ts';

describe('normaliseSearchText: the spellings of the documents meet', () => {
  it.each([
    ['Wirtschaftsförderung', 'Wirtschaftsfoerderung'],
    ['Müller Straße', 'Mueller Strasse'],
    ['Ärzte', 'Aerzte'],
    ['Asociația', 'Asociatia'],
    ['Asociaţia', 'Asociatia'],
    ['Neamț Brăila Râmnicu Târgu-Jiu', 'Neamt Braila Ramnicu Targu-Jiu'],
    ['Bureau Économique', 'Bureau Economique'],
    ['Ανατολική', 'Anatoliki'],
    ['Θεσσαλονίκη', 'Thessaloniki'],
    ['poslovno razvojni center Kranj: Šenčur, Žabnica', 'poslovno razvojni center Kranj: Sencur, Zabnica'],
    ['Ħal Għargħur', 'Hal Gharghur'],
    ['Tartu Teaduspark, Põlva, Võru', 'Tartu Teaduspark, Polva, Voru'],
  ])('%j and %j', (written, typed) => {
    expect(normaliseSearchText(written)).toBe(normaliseSearchText(typed));
  });
});

describe('searchWords and searchTokens agree on punctuation and numbers', () => {
  it('an acronym with dots is one word, the same as without them', () => {
    expect(searchWords('T.R.E.C.')).toEqual([{ joined: 'trec', parts: [] }]);
    expect(searchTokens('Association "Cluster T.R.E.C. - Transylvania Energy Cluster"')).toEqual([
      'association',
      'cluster',
      'trec',
      'transylvania',
      'energy',
    ]);
  });

  it('a number with dots is one word, its pieces indexed too', () => {
    expect(searchWords('Subprogramul 2.1.')).toEqual([
      { joined: 'subprogramul', parts: [] },
      { joined: '2.1', parts: [] },
    ]);
    expect(searchTokens('2.1.')).toEqual(['2.1', '2', '1']);
  });

  it('a hyphenated word is its joined form and its parts', () => {
    expect(searchWords('Nord-Est')).toEqual([{ joined: 'nordest', parts: ['nord', 'est'] }]);
    expect(searchTokens('ADR Nord-Est')).toEqual(['adr', 'nordest', 'nord', 'est']);
    expect(searchWords('IT&C')).toEqual([{ joined: 'itc', parts: [] }]);
  });

  it('quotes, brackets and apostrophes separate words', () => {
    expect(searchTokens('„Pentru Sănătate” (Galați) l’innovation')).toEqual([
      'pentru',
      'sanatate',
      'galati',
      'l',
      'innovation',
    ]);
  });

  it('nothing searchable in punctuation alone', () => {
    expect(searchWords(' - "" ... ')).toEqual([]);
  });
});

it('searchProperties puts names apart from local names and acronyms', () => {
  expect(
    searchProperties('Organisation', {
      name: 'Stuttgart Region Economic Development Corporation',
      nameLocal: 'Wirtschaftsförderung Region Stuttgart GmbH',
      acronym: 'WRS',
      kind: 'DEVELOPMENT_AGENCY',
    }),
  ).toEqual({
    searchName: 'stuttgart region economic development corporation',
    searchAlso: 'wirtschaftsforderung region stuttgart gmbh wrs',
  });
});
