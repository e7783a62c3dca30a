import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * Search over the curated graph with the names as the five documents in shared/seeds/ write
 * them (punctuation, numbers, local spellings, transcriptions), each expected to find the node
 * they name among the first hits.
 */

const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  await graph.loadCurated();
});

type Hit = { type: string; name: string; score: number };

async function search(query: string, first = 10): Promise<Hit[]> {
  const { data, errors } = await graph.graphql<{ search: Hit[] }>(
    'query Search($query: String!, $first: Int) { search(query: $query, first: $first, synthetic: false) { type name score } }',
    { query, first },
  );
  expect(errors).toBeUndefined();
  return data?.search ?? [];
}

type Row = { document: string; query: string; finds: string; within?: number };

const rows: Row[] = [
  // 000: ASVILOC PLUS
  {
    document: '000',
    query: 'ASVILOC PLUS',
    finds: 'Agencies supporting the value of innovation systems in local and regional economies',
  },
  { document: '000', query: 'Leonardo da Vinci', finds: 'Leonardo da Vinci programme' },
  { document: '000', query: 'C2C Network', finds: 'C2C Network' },
  { document: '000', query: 'Svim', finds: 'SVIM Regional Innovation Lab (ASVILOC PLUS)' },
  // 001: Union of innovation
  { document: '001', query: 'Union of innovation', finds: 'Union of innovation' },
  { document: '001', query: 'ARoTT', finds: 'Romanian Association for Technology Transfer and Innovation' },
  {
    document: '001',
    query: 'AIPPIMM',
    finds: 'National Agency for Implementing Programs and Projects for SMEs',
  },
  {
    document: '001',
    query: 'Ministry of Economy, Trade and Business Environment',
    finds: 'Ministry of Economy, Trade and Business Environment',
  },
  // 002: Cluster Inovativ
  {
    document: '002',
    query: 'Association "Cluster T.R.E.C. - Transylvania Energy Cluster"',
    finds: 'Association "Cluster T.R.E.C. - Transylvania Energy Cluster"',
  },
  {
    document: '002',
    query: 'Asociația "Cluster T.R.E.C. - Transylvania Energy Cluster"',
    finds: 'Association "Cluster T.R.E.C. - Transylvania Energy Cluster"',
  },
  { document: '002', query: 'T.R.E.C.', finds: 'Transylvania Energy Cluster', within: 3 },
  {
    document: '002',
    query: 'T.R.E.C.',
    finds: 'Association "Cluster T.R.E.C. - Transylvania Energy Cluster"',
    within: 3,
  },
  {
    document: '002',
    query: 'Subprogramme 2.1',
    finds: 'Subprogramme 2.1 Competitiveness through research, development and innovation',
  },
  {
    document: '002',
    query: 'Subprogramul 2.1.',
    finds: 'Subprogramme 2.1 Competitiveness through research, development and innovation',
  },
  {
    document: '002',
    query: '2.1',
    finds: 'Subprogramme 2.1 Competitiveness through research, development and innovation',
  },
  {
    document: '002',
    query: 'PNCDI III',
    finds: 'National Plan for Research, Development and Innovation III',
  },
  { document: '002', query: 'Asociația "KO-FA"', finds: 'KO-FA Association' },
  { document: '002', query: 'KOFA', finds: 'KO-FA Association' },
  { document: '002', query: 'Salice Com Prod S.R.L', finds: 'Salice Com Prod S.R.L' },
  { document: '002', query: 'Napochim S.A.', finds: 'Napochim S.A' },
  {
    document: '002',
    query: 'Ino Tex',
    finds: 'Developing the innovation capacity of the Romanian Textile Concept cluster',
  },
  {
    document: '002',
    query: 'CEX-IMAG',
    finds:
      'Increasing the excellence of the IMAGO-MOL Cluster by developing R&D&I strategic planning documents',
  },
  {
    document: '002',
    query: 'Clusterul inovativ „Pentru Sănătate Dunărea de Jos” Galați',
    finds: 'Innovative Cluster "For Health Lower Danube" Galați',
  },
  {
    document: '002',
    query: 'Pentru Sanatate Dunarea de Jos',
    finds: 'Innovative Cluster "For Health Lower Danube" Galați',
  },
  {
    document: '002',
    query: 'eco-nano-technologies',
    finds:
      'Increasing the competitiveness of firms in the South-West Oltenia region in the smart specialisation field eco-nano-technologies and advanced materials through the MECHATREC innovative cluster',
  },
  {
    document: '002',
    query: 'Unitatea Executivă pentru Finanțarea Învățământului Superior',
    finds: 'Executive Agency for Higher Education, Research, Development and Innovation Funding',
  },
  // 003: POOLING4CLUSTERS, names in its partners' languages
  {
    document: '003',
    query: 'Wirtschaftsfoerderung Region Stuttgart',
    finds: 'Stuttgart Region Economic Development Corporation',
  },
  {
    // The document's German paragraph: "Die Wirtschaftsfoerderung Region Stuttgart GmbH (WRS) plant…"
    document: '003',
    query: 'Wirtschaftsfoerderung Region Stuttgart GmbH',
    finds: 'Stuttgart Region Economic Development Corporation',
  },
  {
    document: '003',
    query: 'Wirtschaftsförderung',
    finds: 'Stuttgart Region Economic Development Corporation',
  },
  {
    document: '003',
    query: 'Bureau Economique de la Province de Namur',
    finds: 'Economic Bureau of the Province of Namur',
  },
  {
    document: '003',
    query: 'BSC, poslovno razvojni center, d. o. o., Kranj',
    finds: 'BSC, Business Development Centre, Ltd., Kranj',
  },
  { document: '003', query: 'Tartu Teaduspark', finds: 'Tartu Science Park' },
  { document: '003', query: 'Contrat de croissance', finds: '"Contrat de croissance"' },
  { document: '003', query: 'Fondation Sophia-Antipolis', finds: 'Sophia Antipolis Foundation' },
  { document: '003', query: 'P4C', finds: 'Best shared services for regional cluster initiative needs' },
  // 004: ADR Nord-Est pilot action
  { document: '004', query: 'Euronest IT&C Hub', finds: 'Euronest IT&C Hub' },
  { document: '004', query: 'Astrico Nord-Est', finds: 'Astrico North-East', within: 2 },
  { document: '004', query: 'APT Cluster de Turism', finds: 'APT Tourism Cluster' },
  { document: '004', query: 'Bio-RONE', finds: 'Bio-RONE' },
  { document: '004', query: 'BioRONE', finds: 'Bio-RONE' },
  { document: '004', query: 'Ind Agro Pol', finds: 'Ind-Agro-Pol', within: 3 },
  { document: '004', query: 'Regione Marche', finds: 'Marche Region' },
  {
    document: '004',
    query: 'Direcția Comunicare, Cooperare și Dezvoltarea Afacerilor',
    finds: 'Communication, Cooperation and Business Development Directorate (ADR Nord-Est)',
  },
];

describe('search finds every name as the documents write it', () => {
  it.each(rows)('$document: "$query" finds "$finds"', async ({ query, finds, within = 1 }) => {
    const hits = await search(query);
    expect(hits.slice(0, within).map((hit) => hit.name)).toContain(finds);
  });
});

describe('search agrees with the index on tokens', () => {
  it('T.R.E.C. finds only what names TREC, not unrelated projects', async () => {
    const hits = await search('T.R.E.C.', 20);
    expect(new Set(hits.map((hit) => hit.name))).toEqual(
      new Set([
        'Transylvania Energy Cluster',
        'Association "Cluster T.R.E.C. - Transylvania Energy Cluster"',
        'Increasing the innovation capacity of the companies in the TREC cluster through technology and knowledge transfer',
      ]),
    );
  });

  it('a word and a number with a dot together: both must match', async () => {
    expect(await search('Subprogramme 2.2')).toEqual([]);
  });
});

describe('search reaches sectors, ranked below names', () => {
  it('"textile" finds a textiles cluster whose name lacks the word, after the clusters named so', async () => {
    const hits = await search('textile', 30);
    const names = hits.map((hit) => hit.name);
    expect(names).toContain('Astrico North-East');
    const named = names.indexOf('Romanian Textile Concept');
    expect(named).toBeGreaterThanOrEqual(0);
    expect(named).toBeLessThan(names.indexOf('Astrico North-East'));
  });

  it('a list filter by search reaches sectors too', async () => {
    const { data, errors } = await graph.graphql<{ clusters: { edges: { node: { name: string } }[] } }>(
      '{ clusters(filter: { search: "textile", synthetic: false }, first: 20) { edges { node { name } } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.clusters.edges.map((edge) => edge.node.name)).toContain('Astrico North-East');
  });
});

describe('search refuses pathological input as bad input, naming the argument', () => {
  it.each([
    ['a hundred words', Array.from({ length: 100 }, (_, index) => `word${index}`).join(' ')],
    ['one 100 KB word', 'x'.repeat(100_000)],
  ])('%s', async (_case, query) => {
    const answer = await graph.graphql('query S($q: String!) { search(query: $q) { name } }', { q: query });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(answer.errors?.[0]?.message.length).toBeLessThan(200);
    const list = await graph.graphql(
      'query S($q: String!) { clusters(filter: { search: $q }) { totalCount } }',
      {
        q: query,
      },
    );
    expect(list.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.search' });
  });
});
