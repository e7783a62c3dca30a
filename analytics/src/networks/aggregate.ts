import { UndirectedGraph } from 'graphology';
import { type NormalisedFilter, regionMatcher, regionNames, regionRollUp } from './filter.ts';
import { buildOrganisationNetwork, TieTable, tieSources, widenPeriod } from './organisation-network.ts';
import type { CooperationData, CooperationGraph, NetworkNodeAttributes, TieAttributes } from './types.ts';

function groupNode(label: string, regionCode: string | null): NetworkNodeAttributes {
  return {
    kind: 'CLUSTER',
    label,
    organisationKind: null,
    regionCode,
    clusterIds: [],
    internalWeight: 0,
    memberCount: 0,
  };
}

function mergeInto(target: TieAttributes, tie: TieAttributes): void {
  target.weight += tie.weight;
  target.organisationTies++;
  for (const project of tie.projects) if (!target.projects.includes(project)) target.projects.push(project);
  for (const partnership of tie.partnerships) {
    if (!target.partnerships.includes(partnership)) target.partnerships.push(partnership);
  }
  widenPeriod(target, tie.from, tie.to);
}

/**
 * Rolls the organisation network up to groups: each organisation tie between members of two
 * different groups adds its weight to the groups' tie; a tie inside one group adds to the group's
 * internal weight.
 */
function aggregate(
  organisations: CooperationGraph,
  members: Iterable<string>,
  groupsOf: (organisation: string) => readonly string[],
  nodes: Map<string, NetworkNodeAttributes>,
  table: TieTable,
  minWeight: number,
): CooperationGraph {
  for (const organisation of members) {
    for (const group of groupsOf(organisation)) {
      const node = nodes.get(group);
      if (node) node.memberCount++;
    }
  }
  organisations.forEachEdge((_edge, tie, a, b) => {
    for (const groupA of groupsOf(a)) {
      for (const groupB of groupsOf(b)) {
        if (groupA === groupB) {
          const node = nodes.get(groupA);
          if (node) node.internalWeight += tie.weight;
        } else {
          mergeInto(table.tie(groupA, groupB), tie);
        }
      }
    }
  });
  const graph: CooperationGraph = new UndirectedGraph();
  for (const [id, attributes] of nodes) if (attributes.memberCount > 0) graph.addNode(id, attributes);
  for (const { a, b, tie } of table.ties.values()) {
    if (tie.weight >= minWeight && graph.hasNode(a) && graph.hasNode(b)) graph.addUndirectedEdge(a, b, tie);
  }
  return graph;
}

/**
 * Cluster-to-cluster: clusters (selected by region and sector) tied through their members' ties,
 * and, for CO_MEMBERSHIP and ALL, by each organisation that is a member of both.
 */
export function buildClusterNetwork(data: CooperationData, filter: NormalisedFilter): CooperationGraph {
  const withMembers = filter.tieKind === 'CO_MEMBERSHIP' || filter.tieKind === 'ALL';
  // Co-membership between organisations would only give ties inside a cluster: shared members say it instead.
  const sources = { ...tieSources(filter.tieKind), clusters: false };
  const { graph: organisations, clustersOf } = buildOrganisationNetwork(
    data,
    { ...filter, minWeight: 1 },
    { ignoreRegionAndSector: true, sources },
  );
  const inRegion = filter.regionCode !== null ? regionMatcher(filter.regionCode, data.regions) : () => true;
  const nodes = new Map<string, NetworkNodeAttributes>();
  for (const cluster of data.clusters ?? []) {
    if (filter.origins !== null && !filter.origins.includes(cluster.origin)) continue;
    if (filter.sectorCode !== null && !cluster.sectorCodes.includes(filter.sectorCode)) continue;
    if (!inRegion(cluster.regionCode)) continue;
    nodes.set(cluster.id, groupNode(cluster.name, cluster.regionCode));
  }
  const table = new TieTable();
  if (withMembers) {
    for (const [organisation, clusters] of clustersOf) {
      const selected = clusters.filter((cluster) => nodes.has(cluster));
      for (let i = 0; i < selected.length; i++) {
        for (let j = i + 1; j < selected.length; j++) {
          const tie = table.tie(selected[i] as string, selected[j] as string);
          tie.sharedMembers.push(organisation);
          tie.weight++;
        }
      }
    }
  }
  // Members count whether or not they have ties: a cluster of untied members still exists.
  return aggregate(
    organisations,
    clustersOf.keys(),
    (organisation) => clustersOf.get(organisation) ?? [],
    nodes,
    table,
    filter.minWeight,
  );
}

/** Region-to-region: organisations' regions rolled up to `regionLevel` (default: as located). */
export function buildRegionNetwork(data: CooperationData, filter: NormalisedFilter): CooperationGraph {
  const { graph: organisations } = buildOrganisationNetwork(
    data,
    { ...filter, minWeight: 1 },
    { ignoreRegionAndSector: false },
  );
  const rollUp = regionRollUp(data.regions);
  const names = regionNames(data);
  const nodes = new Map<string, NetworkNodeAttributes>();
  const regionOf = new Map<string, string[]>();
  organisations.forEachNode((organisation, attributes) => {
    if (attributes.regionCode === null) return;
    const code =
      filter.regionLevel === null ? attributes.regionCode : rollUp(attributes.regionCode, filter.regionLevel);
    regionOf.set(organisation, [code]);
    if (!nodes.has(code)) nodes.set(code, { ...groupNode(names.get(code) ?? code, code), kind: 'REGION' });
  });
  return aggregate(
    organisations,
    organisations.nodes(),
    (organisation) => regionOf.get(organisation) ?? [],
    nodes,
    new TieTable(),
    filter.minWeight,
  );
}
