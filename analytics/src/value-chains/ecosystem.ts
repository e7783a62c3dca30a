import type { ChainFacts, OrganisationFacts, StageFacts } from './facts.ts';

export type ClusterFacts = {
  id: string;
  name: string;
  /** Code of the region the cluster is located in, null when sources disagree or say nothing. */
  regionCode: string | null;
  synthetic: boolean;
  sectorIds: readonly string[];
  memberIds: readonly string[];
};

/**
 * The part of the graph the value-chain analyses read, indexed: organisations, clusters with
 * their members, sectors' chains, and who took part in which project. The server fills it from
 * one statement per subgraph; tests and benches fill it from a generated graph.
 */
export type Ecosystem = {
  organisations: ReadonlyMap<string, OrganisationFacts>;
  clusters: ReadonlyMap<string, ClusterFacts>;
  chains: ReadonlyMap<string, ChainFacts>;
  /** Project ids by organisation id. */
  projectsOf: ReadonlyMap<string, readonly string[]>;
  /** Organisation ids by project id. */
  participantsOf: ReadonlyMap<string, readonly string[]>;
  /** Cluster ids an organisation is a member of. */
  clustersOf: ReadonlyMap<string, readonly string[]>;
};

/** Nodes and relationships as the seed package's graphs hold them (structurally). */
export type PlainGraph = {
  nodes: readonly { label: string; id: string; props: Record<string, unknown> }[];
  relationships: readonly { type: string; from: string; to: string; props: Record<string, unknown> }[];
};

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Indexes plain graphs (a curated graph and a generated tier, say) as one ecosystem. A node
 * located in several regions gets none: as the API, nothing is picked where sources disagree.
 */
export function ecosystemOf(...graphs: readonly PlainGraph[]): Ecosystem {
  const nodes = new Map<string, PlainGraph['nodes'][number]>();
  for (const graph of graphs) for (const node of graph.nodes) nodes.set(node.id, node);
  const located = new Map<string, string[]>();
  const provides = new Map<string, string[]>();
  const sectorsOf = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  const clustersOf = new Map<string, string[]>();
  const stagesOf = new Map<string, { position: number; stageId: string }[]>();
  const projectsOf = new Map<string, string[]>();
  const participantsOf = new Map<string, string[]>();
  for (const graph of graphs) {
    for (const rel of graph.relationships) {
      const fromLabel = nodes.get(rel.from)?.label;
      switch (rel.type) {
        case 'LOCATED_IN':
          push(located, rel.from, rel.to);
          break;
        case 'PROVIDES':
          push(provides, rel.from, rel.to);
          break;
        case 'ACTIVE_IN':
          if (fromLabel === 'Cluster') push(sectorsOf, rel.from, rel.to);
          break;
        case 'MEMBER_OF':
          push(membersOf, rel.to, rel.from);
          push(clustersOf, rel.from, rel.to);
          break;
        case 'HAS_STAGE':
          push(stagesOf, rel.from, { position: Number(rel.props.position), stageId: rel.to });
          break;
        case 'PARTICIPATES_IN':
          if (fromLabel === 'Organisation') {
            push(projectsOf, rel.from, rel.to);
            push(participantsOf, rel.to, rel.from);
          }
          break;
      }
    }
  }
  const regionCodeOf = (id: string): string | null => {
    const regions = located.get(id) ?? [];
    return regions.length === 1 ? text(nodes.get(regions[0] as string)?.props.code) : null;
  };

  const organisations = new Map<string, OrganisationFacts>();
  const clusters = new Map<string, ClusterFacts>();
  const chains = new Map<string, ChainFacts>();
  for (const node of nodes.values()) {
    const { props } = node;
    if (node.label === 'Organisation') {
      organisations.set(node.id, {
        id: node.id,
        name: text(props.name) ?? node.id,
        kind: text(props.kind) ?? 'OTHER',
        size: text(props.size),
        regionCode: regionCodeOf(node.id),
        country: text(props.country),
        naceCodes: strings(props.naceCodes),
        providesStageIds: provides.get(node.id) ?? [],
        synthetic: props.synthetic === true || node.id.startsWith('syn:'),
        projectCount: projectsOf.get(node.id)?.length ?? 0,
        coParticipations: (projectsOf.get(node.id) ?? []).reduce(
          (sum, project) => sum + (participantsOf.get(project)?.length ?? 1) - 1,
          0,
        ),
      });
    } else if (node.label === 'Cluster') {
      clusters.set(node.id, {
        id: node.id,
        name: text(props.name) ?? node.id,
        regionCode: regionCodeOf(node.id),
        synthetic: props.synthetic === true || node.id.startsWith('syn:'),
        sectorIds: sectorsOf.get(node.id) ?? [],
        memberIds: membersOf.get(node.id) ?? [],
      });
    } else if (node.label === 'Sector') {
      const stages = (stagesOf.get(node.id) ?? [])
        .sort((a, b) => a.position - b.position)
        .flatMap(({ stageId }): StageFacts[] => {
          const stage = nodes.get(stageId);
          if (!stage) return [];
          return [
            {
              id: stage.id,
              name: text(stage.props.name) ?? stage.id,
              kind: stage.props.kind === 'SUPPORT' ? 'SUPPORT' : 'PRIMARY',
              naceCodes: strings(stage.props.naceCodes),
            },
          ];
        });
      chains.set(node.id, { sectorId: node.id, sectorName: text(props.name) ?? node.id, stages });
    }
  }
  return { organisations, clusters, chains, projectsOf, participantsOf, clustersOf };
}
