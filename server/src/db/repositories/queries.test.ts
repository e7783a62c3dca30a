import { describe, expect, it } from 'vitest';
import { listQuery } from './lists.ts';
import { relatedCypher } from './relations.ts';
import { luceneQuery } from './search.ts';

describe('list queries', () => {
  it('a filtered, searched page: labels from the model, every value a parameter', () => {
    const { cypher, params } = listQuery({
      label: 'Organisation',
      filter: {
        search: 'Iași univ',
        regionCodes: ['RO21'],
        sectorCodes: ['ict'],
        kinds: ['UNIVERSITY'],
        synthetic: false,
      },
      order: 'RELEVANCE',
      offset: 20,
      limit: 10,
    });
    expect(cypher).toMatchInlineSnapshot(`
      "CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score
      WHERE n:Organisation AND EXISTS { MATCH (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region) WHERE r.code IN $regionCodes } AND EXISTS { MATCH (n)-[:ACTIVE_IN]->(s:Sector) WHERE s.code IN $sectorCodes } AND n.kind IN $kinds AND n.synthetic = $synthetic
      WITH n ORDER BY score DESC, n.id
      WITH collect(n) AS matched
      RETURN size(matched) AS total, [n IN matched[$offset..$offset + $limit] | n {.*}] AS page, [code IN $regionCodes WHERE NOT EXISTS { MATCH (:Region {code: code}) }] AS unknownRegionCodes, [code IN $sectorCodes WHERE NOT EXISTS { MATCH (:Sector {code: code}) }] AS unknownSectorCodes"
    `);
    expect(params).toMatchObject({
      lucene: expect.stringMatching(/^\(searchName:iasi\^8 .*\) AND \(searchName:univ\^8 .*\)$/),
      regionCodes: ['RO21'],
      kinds: ['UNIVERSITY'],
    });
    expect(cypher).not.toContain('Iași');
  });

  it('without search, starts from the regions asked for and walks down to the nodes', () => {
    const { cypher } = listQuery({
      label: 'Organisation',
      filter: { regionCodes: ['RO21'], sectorCodes: ['ict'] },
      order: { property: 'name', direction: 'ASC' },
      offset: 0,
      limit: 5,
    });
    expect(cypher.split('\n').slice(0, 4)).toEqual([
      'MATCH (r:Region) WHERE r.code IN $regionCodes',
      'MATCH (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..]->(r:Region)',
      'WITH DISTINCT n',
      'WHERE n:Organisation AND EXISTS { MATCH (n)-[:ACTIVE_IN]->(s:Sector) WHERE s.code IN $sectorCodes }',
    ]);
  });

  it('a plain page sorts by the asked property and the id', () => {
    const { cypher } = listQuery({
      label: 'Region',
      filter: {},
      order: { property: 'code', direction: 'DESC' },
      offset: 0,
      limit: 5,
    });
    expect(cypher.split('\n').slice(0, 2)).toEqual(['MATCH (n:Region)', 'WITH n ORDER BY n.code DESC, n.id']);
  });

  it('refuses a filter the label has no path for', () => {
    expect(() =>
      listQuery({
        label: 'Programme',
        filter: { regionCodes: ['RO'] },
        order: 'RELEVANCE',
        offset: 0,
        limit: 1,
      }),
    ).toThrow(/Programme has no region filter/);
  });
});

describe('related queries', () => {
  it('one query for all parents of a hop', () => {
    expect(
      relatedCypher({ from: 'Cluster', type: 'MEMBER_OF', direction: 'IN', to: 'Organisation' }),
    ).toContain('MATCH (p)<-[r:MEMBER_OF]-(t:Organisation)');
  });

  it('only hops the model allows', () => {
    expect(() =>
      relatedCypher({ from: 'Cluster', type: 'MEMBER_OF', direction: 'OUT', to: 'Organisation' }),
    ).toThrow(/no MEMBER_OF from Cluster to Organisation/);
  });
});

describe('search terms', () => {
  const any = (token: string) =>
    `searchName:${token}^8 OR searchName:${token}*^4 OR searchAlso:${token}^4 OR searchAlso:${token}*^2 OR searchSectors:${token}^1 OR searchSectors:${token}*^0.5`;

  it.each([
    ['Iași', `(${any('iasi')})`],
    ['  ', null],
    ['Union of innovation', `(${any('union')}) AND (${any('of')}) AND (${any('innovation')})`],
    ['T.R.E.C.', `(${any('trec')})`],
    ['Subprogramme 2.1', `(${any('subprogramme')}) AND (${any('2.1')})`],
    ['Nord-Est', `(${any('nordest')} OR ((${any('nord')}) AND (${any('est')})))`],
    [
      'AND OR "x" title:(y)',
      `(${any('and')}) AND (${any('or')}) AND (${any('x')}) AND (${any('title')}) AND (${any('y')})`,
    ],
  ])('%j becomes %j, with no Lucene syntax from the user', (text, expected) => {
    expect(luceneQuery(text)).toBe(expected);
  });

  it('refuses a text beyond the limits instead of building an unbounded query', () => {
    expect(() => luceneQuery('ab '.repeat(100))).toThrow(/at most 24 words, got 100/);
    expect(() => luceneQuery('x'.repeat(100_000))).toThrow(/at most 300 characters, got 100000/);
  });
});
