import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier } from '@clustergraph/seed/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

/**
 * The regional market of innovation demand and supply, and a region's value-chain coverage, on
 * the curated graph: the needs of the documents (000's North-East lab, 004's clusters), their
 * pilot actions and 003's good practices.
 */
const graph = useGraph();

beforeAll(async () => {
  await graph.reset();
  // The curated documents state no providers of stages: tier S brings organisations that do.
  await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
}, 300_000);

type Matches = {
  demandSupply: {
    need: { key: string } | null;
    regionCode: string | null;
    matches: {
      kind: string;
      offer: { __typename: string; key: string };
      score: number;
      stated: boolean;
      matchedWords: string[];
      transferTo: string | null;
      reason: string;
    }[];
  }[];
};
const MATCHES = `query Market($needId: ID, $regionCode: String, $text: String, $kinds: [OfferKind!], $first: Int) {
  demandSupply(needId: $needId, regionCode: $regionCode, text: $text, kinds: $kinds, first: $first) {
    need { key } regionCode
    matches { kind offer { __typename ... on Node { id } ... on PilotAction { key } ... on GoodPractice { key } ... on Organisation { key } }
      score stated matchedWords transferTo reason }
  }
}`;

describe('demandSupply', () => {
  it('answers a need first with the pilot actions a source states address it, then by shared words', async () => {
    const { data, errors } = await graph.graphql<Matches>(MATCHES, {
      needId: toGlobalId('Need', 'need:asviloc-nord-est-no-regional-innovation-market'),
    });
    expect(errors).toBeUndefined();
    const [need] = data?.demandSupply ?? [];
    expect(need?.need?.key).toBe('need:asviloc-nord-est-no-regional-innovation-market');
    const stated = (need?.matches ?? []).filter((match) => match.stated).map((match) => match.offer.key);
    const [expected] = await graph.rows<{ keys: string[] }>(
      'MATCH (p:PilotAction)-[:ADDRESSES]->(:Need {id: $id}) RETURN collect(p.id) AS keys',
      { id: 'need:asviloc-nord-est-no-regional-innovation-market' },
    );
    expect(stated.sort()).toEqual([...(expected?.keys ?? [])].sort());
    expect(need?.matches[0]).toMatchObject({ stated: true, score: 1, kind: 'PILOT_ACTION' });
    const byWords = need?.matches.find((match) => !match.stated);
    expect(byWords?.matchedWords.length).toBeGreaterThan(0);
    expect(byWords?.reason).toContain('shares the words');
  });

  it('finds a good practice for a need typed in Romanian with diacritics, saying from whom it could transfer', async () => {
    const { data, errors } = await graph.graphql<Matches>(MATCHES, {
      text: 'Intermediére științifică între cercetare și întreprinderi',
      kinds: ['GOOD_PRACTICE'],
    });
    expect(errors).toBeUndefined();
    const [top] = data?.demandSupply[0]?.matches ?? [];
    expect(top?.offer.key).toBe('practice:p4c-scientific-group-intermediation');
    expect(top?.matchedWords).toContain('Intermediére');
    expect(top?.reason).toMatch(/tested by .*/);
    expect(data?.demandSupply[0]?.matches.every((match) => match.kind === 'GOOD_PRACTICE')).toBe(true);
  });

  it('lists the needs identified in a region with offers from elsewhere that could transfer there', async () => {
    const { data, errors } = await graph.graphql<Matches>(MATCHES, { regionCode: 'RO21', first: 20 });
    expect(errors).toBeUndefined();
    const keys = data?.demandSupply.map((demand) => demand.need?.key) ?? [];
    expect(keys).toContain('need:asviloc-nord-est-low-research-business-cooperation');
    const practices = (data?.demandSupply ?? []).flatMap((demand) =>
      demand.matches.filter((match) => match.kind === 'GOOD_PRACTICE' && match.transferTo !== null),
    );
    expect(practices.length).toBeGreaterThan(0);
    expect(practices[0]?.reason).toContain('could transfer to');
  });

  it('names a bad argument', async () => {
    const none = await graph.graphql(MATCHES, {});
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'needId' });
    const first = await graph.graphql(MATCHES, { text: 'textiles', first: 0 });
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});

describe('regionValueChain', () => {
  it('covers the chains of the region’s clusters with the organisations located there', async () => {
    const [picked] = await graph.rows<{ code: string }>(
      `MATCH (c:Cluster {synthetic: true})-[:LOCATED_IN]->(r:Region) WHERE size(r.code) >= 4
       RETURN substring(r.code, 0, 4) AS code ORDER BY code LIMIT 1`,
    );
    const code = picked?.code ?? '';
    const { data, errors } = await graph.graphql<{
      regionValueChain: {
        coveredShare: number;
        chains: {
          sectorKey: string;
          stages: {
            verdict: string;
            providers: { totalCount: number; edges: { node: { key: string } }[] };
          }[];
        }[];
      };
    }>(
      `query Region($code: String!) { regionValueChain(code: $code) { coveredShare chains { sectorKey stages { verdict providers(first: 100) { totalCount edges { node { key } } } } } } }`,
      { code },
    );
    expect(errors).toBeUndefined();
    const [sectors] = await graph.rows<{ keys: string[] }>(
      `MATCH (c:Cluster)-[:LOCATED_IN]->(r:Region) WHERE r.code STARTS WITH $code
       MATCH (c)-[:ACTIVE_IN]->(s:Sector) WHERE EXISTS { (s)-[:HAS_STAGE]->() } RETURN collect(DISTINCT s.id) AS keys`,
      { code },
    );
    const chains = data?.regionValueChain.chains ?? [];
    expect(chains.map((chain) => chain.sectorKey).sort()).toEqual([...(sectors?.keys ?? [])].sort());
    const providers = chains.flatMap((chain) =>
      chain.stages.flatMap((stage) => stage.providers.edges.map((e) => e.node.key)),
    );
    expect(providers.length).toBeGreaterThan(0);
    const [outside] = await graph.rows<{ n: number }>(
      `UNWIND $keys AS key MATCH (o:Organisation {id: key})
       WHERE NOT EXISTS { (o)-[:LOCATED_IN]->(r:Region) WHERE r.code STARTS WITH $code } RETURN count(o) AS n`,
      { keys: [...new Set(providers)], code },
    );
    expect(outside?.n).toBe(0);
    for (const stage of chains.flatMap((chain) => chain.stages))
      expect(stage.verdict === 'GAP').toBe(stage.providers.totalCount === 0);
    const bad = await graph.graphql(`{ regionValueChain(code: "ZZ99") { coveredShare } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'code' });
  });
});
