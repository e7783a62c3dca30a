import { writeGraph } from '@clustergraph/ingest';
import { toGlobalId } from '@clustergraph/schema';
import { loadSyntheticTier, type SyntheticLoad } from '@clustergraph/seed/synthetic';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGraph } from '../helpers/graph.ts';

const graph = useGraph();
let synthetic: SyntheticLoad;

const source = [{ document: 'fixture:value-chains.test', section: 'partners' }];
const FINISHING = 'stage:textiles-leather:finishing';

/**
 * A textiles cluster in Neamț (RO214) whose members make yarn: finishing is one of its gaps.
 * Two finishers outside it: `Near Finisher` in Neamț, already in a project with two members,
 * and `Far Finisher` in France with no tie. The first must rank above the second.
 */
async function writeFixture() {
  const org = (id: string, name: string, naceCodes: string[] = []) => ({
    label: 'Organisation' as const,
    id,
    props: { name, kind: 'SME', naceCodes, capabilities: [] },
    sources: source,
  });
  const rel = (
    type: 'MEMBER_OF' | 'LOCATED_IN' | 'PROVIDES' | 'PARTICIPATES_IN' | 'ACTIVE_IN',
    from: string,
    to: string,
  ) => ({
    type,
    from,
    to,
    props: {},
    sources: source,
  });
  await writeGraph(
    graph.driver,
    {
      nodes: [
        {
          label: 'Cluster',
          id: 'fixture:cluster',
          props: { name: 'Fixture Textiles', labels: [] },
          sources: source,
        },
        {
          label: 'Cluster',
          id: 'fixture:finishers',
          props: { name: 'Fixture Finishers', labels: [] },
          sources: source,
        },
        org('fixture:m1', 'Fixture Spinner', ['13.10']),
        org('fixture:m2', 'Fixture Weaver', ['13.20']),
        org('fixture:near', 'Near Finisher'),
        org('fixture:far', 'Far Finisher'),
        {
          label: 'Project',
          id: 'fixture:project',
          props: { code: 'FX-1', title: 'Fixture project', objectives: [], results: [] },
          sources: source,
        },
      ],
      relationships: [
        rel('LOCATED_IN', 'fixture:cluster', 'region:RO214'),
        rel('ACTIVE_IN', 'fixture:cluster', 'sector:textiles-leather'),
        rel('MEMBER_OF', 'fixture:m1', 'fixture:cluster'),
        rel('MEMBER_OF', 'fixture:m2', 'fixture:cluster'),
        rel('LOCATED_IN', 'fixture:finishers', 'region:RO214'),
        rel('ACTIVE_IN', 'fixture:finishers', 'sector:textiles-leather'),
        rel('MEMBER_OF', 'fixture:near', 'fixture:finishers'),
        rel('LOCATED_IN', 'fixture:m1', 'region:RO214'),
        rel('LOCATED_IN', 'fixture:m2', 'region:RO213'),
        rel('LOCATED_IN', 'fixture:near', 'region:RO214'),
        rel('LOCATED_IN', 'fixture:far', 'region:FRL03'),
        rel('PROVIDES', 'fixture:m1', 'stage:textiles-leather:yarn-fabric-leather'),
        rel('PROVIDES', 'fixture:m2', 'stage:textiles-leather:yarn-fabric-leather'),
        rel('PROVIDES', 'fixture:near', FINISHING),
        rel('PROVIDES', 'fixture:far', FINISHING),
        rel('PARTICIPATES_IN', 'fixture:m1', 'fixture:project'),
        rel('PARTICIPATES_IN', 'fixture:m2', 'fixture:project'),
        rel('PARTICIPATES_IN', 'fixture:near', 'fixture:project'),
      ],
    },
    {
      synthetic: false,
      mode: 'atomic',
      existingNodes: new Map([
        ['region:RO214', 'Region'],
        ['region:RO213', 'Region'],
        ['region:FRL03', 'Region'],
        ['sector:textiles-leather', 'Sector'],
        ['stage:textiles-leather:yarn-fabric-leather', 'ValueChainStage'],
        [FINISHING, 'ValueChainStage'],
      ]),
    },
  );
}

beforeAll(async () => {
  await graph.reset();
  synthetic = await loadSyntheticTier(graph.driver, { tier: 'S', seed: 1 });
  await writeFixture();
  // Loading a tier on a shared 2-core machine can take more than the default two minutes.
}, 300_000);

type Stage = {
  stage: { key: string; kind: string };
  verdict: string;
  reasons: string[];
  providers: { totalCount: number; edges: { via: string; node: { key: string } }[] };
};

describe('Cluster.valueChain', () => {
  it('finds in the database exactly the gaps the generator left on purpose (tier S)', async () => {
    const { data, errors, roundTrips } = await graph.graphql<{
      clusters: {
        edges: { node: { key: string; valueChain: { chains: { sectorKey: string; stages: Stage[] }[] } } }[];
      };
    }>(
      `{ clusters(filter: { synthetic: true }, first: 50) { edges { node { key valueChain { chains { sectorKey stages {
          stage { key kind } verdict reasons providers(first: 1) { totalCount edges { via node { key } } } } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const clusters = data?.clusters.edges.map((edge) => edge.node) ?? [];
    expect(clusters.length).toBeGreaterThan(5);
    // The page of clusters, then every cluster's chain facts in one batch.
    expect(roundTrips).toBe(2);
    const expected = new Map(synthetic.incompleteValueChains.map((chain) => [chain.clusterId, chain]));
    for (const cluster of clusters) {
      const unstated = cluster.valueChain.chains.flatMap((chain) =>
        chain.stages
          .filter((s) => s.stage.kind === 'PRIMARY' && s.providers.edges[0]?.via !== 'EXPLICIT')
          .map((s) => ({
            sectorId: chain.sectorKey,
            stageId: s.stage.key,
            verdict: s.verdict,
            reasons: s.reasons,
          })),
      );
      const want = expected.get(cluster.key);
      expect(unstated.map((s) => s.stageId).sort(), cluster.key).toEqual(
        [...(want?.missingStageIds ?? [])].sort(),
      );
      for (const stage of unstated) {
        expect(stage.sectorId).toBe(want?.sectorId);
        expect(stage.verdict === 'GAP' || stage.reasons.includes('NACE_ONLY')).toBe(true);
      }
    }
  });

  it('lists a hand-made cluster’s gaps with its members as providers', async () => {
    const { data, errors } = await graph.graphql<{
      node: { valueChain: { coveredShare: number; providedShare: number }; valueChainGaps: Stage[] };
    }>(
      `{ node(id: "${toGlobalId('Cluster', 'fixture:cluster')}") { ... on Cluster {
          valueChain { coveredShare providedShare }
          valueChainGaps { stage { key kind } verdict reasons providers { totalCount edges { via node { key } } } } } } }`,
    );
    expect(errors).toBeUndefined();
    const gaps = data?.node.valueChainGaps ?? [];
    const finishing = gaps.find((s) => s.stage.key === FINISHING);
    expect(finishing?.verdict).toBe('GAP');
    const yarn = gaps.find((s) => s.stage.key === 'stage:textiles-leather:yarn-fabric-leather');
    expect(yarn).toBeUndefined();
    expect(gaps[0]?.verdict).toBe('GAP');
    expect(data?.node.valueChain.providedShare).toBeGreaterThan(0);
    expect(data?.node.valueChain.coveredShare).toBeLessThan(1);
  });
});

describe('partnerCandidates', () => {
  const query = (args: string) =>
    graph.graphql<{
      partnerCandidates: {
        stage: { stage: { key: string }; verdict: string };
        candidates: {
          totalCount: number;
          edges: {
            score: number;
            reason: string;
            distance: number | null;
            parts: Record<string, number>;
            node: { key: string };
          }[];
        };
      }[];
    }>(
      `{ partnerCandidates(clusterId: "${toGlobalId('Cluster', 'fixture:cluster')}", ${args}) {
          stage { stage { key } verdict }
          candidates { totalCount edges { score reason distance parts { stageFit geography cooperation } node { key } } } } }`,
    );
  const finishingId = toGlobalId('ValueChainStage', FINISHING);

  it('ranks the near finisher that already cooperates above the far one that only provides, and says why', async () => {
    const { data, errors, roundTrips } = await query(`stageIds: ["${finishingId}"], first: 100`);
    expect(errors).toBeUndefined();
    // The version check, and the value-chain facts of the whole graph read once for this version.
    expect(roundTrips).toBe(2);
    const again = await query(`stageIds: ["${finishingId}"], first: 100`);
    expect(again.roundTrips).toBe(1);
    expect(again.data).toEqual(data);
    const [finishing] = data?.partnerCandidates ?? [];
    expect(finishing?.stage.stage.key).toBe(FINISHING);
    const keys = finishing?.candidates.edges.map((edge) => edge.node.key) ?? [];
    expect(keys).toContain('fixture:near');
    expect(keys).toContain('fixture:far');
    expect(keys.indexOf('fixture:near')).toBeLessThan(keys.indexOf('fixture:far'));
    const near = finishing?.candidates.edges.find((edge) => edge.node.key === 'fixture:near');
    expect(near?.distance).toBe(1);
    expect(near?.reason).toContain('provides Textile finishing (stated); in RO214 like the cluster');
    expect(near?.reason).toContain('already co-participates with 2 members in 1 project');
    expect(keys).not.toContain('fixture:m1');
  });

  it('sees a write that only changes properties: a seed rewriting a name makes the kept analyses stale', async () => {
    const ranked = async () =>
      (
        await graph.graphql<{
          partnerCandidates: { candidates: { edges: { node: { key: string; name: string } }[] } }[];
        }>(
          `{ partnerCandidates(clusterId: "${toGlobalId('Cluster', 'fixture:cluster')}", stageIds: ["${finishingId}"], first: 100) {
            candidates { edges { node { key name } } } } }`,
        )
      ).data?.partnerCandidates[0]?.candidates.edges.find((edge) => edge.node.key === 'fixture:far')?.node
        .name;
    expect(await ranked()).toBe('Far Finisher');
    const counts = await graph.rows(
      'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
    );
    await writeGraph(
      graph.driver,
      {
        nodes: [
          {
            label: 'Organisation',
            id: 'fixture:far',
            props: { name: 'Far Finisher Renamed', kind: 'SME', naceCodes: [], capabilities: [] },
            sources: source,
          },
        ],
        relationships: [],
      },
      { synthetic: false, mode: 'atomic' },
    );
    // Nothing counted changed: only the stamp the write path leaves on its Source tells.
    expect(
      await graph.rows(
        'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
      ),
    ).toEqual(counts);
    expect(await ranked()).toBe('Far Finisher Renamed');
  });

  it('keeps to "outside RO21 only" and to the page asked', async () => {
    const { data } = await query(`stageIds: ["${finishingId}"], outsideRegion: "RO21", first: 100`);
    const keys = data?.partnerCandidates[0]?.candidates.edges.map((edge) => edge.node.key) ?? [];
    expect(keys).toContain('fixture:far');
    expect(keys).not.toContain('fixture:near');
    const page = await query(`stageIds: ["${finishingId}"], first: 1`);
    expect(page.data?.partnerCandidates[0]?.candidates.edges).toHaveLength(1);
    expect(page.data?.partnerCandidates[0]?.candidates.totalCount).toBeGreaterThan(1);
  });

  it('names a bad argument', async () => {
    const bad = await query(`stageIds: ["${finishingId}"], weights: { geography: -1 }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'weights.geography',
    });
    const notAStage = await query(`stageIds: ["${toGlobalId('Cluster', 'fixture:cluster')}"]`);
    expect(notAStage.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'stageIds.0',
    });
  });
});

describe('complementarity and the matchmaking agenda', () => {
  const a = toGlobalId('Cluster', 'fixture:cluster');
  const b = toGlobalId('Cluster', 'fixture:finishers');

  it('says which gaps each cluster fills for the other and what already ties them', async () => {
    const { data, errors, roundTrips } = await graph.graphql<{
      complementarity: {
        other: { key: string };
        score: number;
        filledByOther: { stage: { stage: { key: string } }; providerKeys: string[] }[];
        fillsOther: { stage: { stage: { key: string } }; providerKeys: string[] }[];
        sharedProjects: number;
        tiedPairs: number;
      }[];
    }>(
      `{ complementarity(clusterId: "${a}", otherClusterId: "${b}") { other { key } score
          filledByOther { stage { stage { key } } providerKeys } fillsOther { stage { stage { key } } providerKeys }
          sharedProjects tiedPairs } }`,
    );
    expect(errors).toBeUndefined();
    // Every cluster's coverage is kept per dataset version: only the version is checked.
    expect(roundTrips).toBe(1);
    const [pair] = data?.complementarity ?? [];
    expect(pair?.other.key).toBe('fixture:finishers');
    expect(pair?.filledByOther.find((f) => f.stage.stage.key === FINISHING)?.providerKeys).toEqual([
      'fixture:near',
    ]);
    expect(pair?.fillsOther.map((f) => f.stage.stage.key)).toContain(
      'stage:textiles-leather:yarn-fabric-leather',
    );
    expect(pair?.sharedProjects).toBe(1);
    expect(pair?.tiedPairs).toBe(2);
    expect(pair?.score).toBeGreaterThan(0);
  });

  it('schedules the clusters’ meeting with its reason, as CSV and iCalendar too', async () => {
    const { data, errors } = await graph.graphql<{
      matchmakingAgenda: {
        meetings: { slot: number; table: number; a: { key: string }; b: { key: string }; reason: string }[];
        unmet: unknown[];
        csv: string;
        iCalendar: string;
      };
    }>(
      `{ matchmakingAgenda(clusterIds: ["${a}", "${b}"], slots: 2, tables: 1, start: "2014-03-20T09:00:00Z") {
          meetings { slot table a { key } b { key } reason } unmet { key } csv iCalendar } }`,
    );
    expect(errors).toBeUndefined();
    const agenda = data?.matchmakingAgenda;
    expect(agenda?.meetings).toHaveLength(1);
    expect(agenda?.meetings[0]).toMatchObject({ slot: 1, table: 1 });
    expect(agenda?.meetings[0]?.reason).toContain(
      'Fixture Finishers provides what Fixture Textiles lacks: Textile finishing',
    );
    expect(agenda?.unmet).toEqual([]);
    expect(agenda?.csv.split('\n')[0]).toBe('slot,start,end,table,participant_a,participant_b,score,reason');
    expect(agenda?.iCalendar).toContain('DTSTART:20140320T090000Z');
    const bad = await graph.graphql(
      `{ matchmakingAgenda(clusterIds: ["${a}", "${b}"], slots: 0, tables: 1) { totalScore } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'slots' });
  });
});
