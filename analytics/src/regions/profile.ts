import { regionMatcher, regionRollUp } from '../networks/filter.ts';
import { dateRange, overlaps } from '../networks/partial-dates.ts';
import type { CooperationData, Network, OrganisationRow } from '../networks/types.ts';
import { HELICES, type Helix, helixOf, isBusiness, isKnowledge } from './helix.ts';

export interface Count {
  key: string;
  count: number;
}

export interface HelixShare {
  helix: Helix;
  count: number;
  share: number;
}

export interface PartnerRegion {
  code: string;
  ties: number;
  weight: number;
}

export interface Gatekeeper {
  id: string;
  /** Distinct partners outside the region. */
  outsideTies: number;
  outsideWeight: number;
}

export interface YearFigures {
  year: number;
  projects: number;
  /** EU contribution received by the region's organisations for projects starting that year. */
  contribution: number;
}

export interface NeverMeet {
  dimension: 'REGION' | 'SECTOR' | 'CLUSTER';
  key: string;
  knowledgeOrganisations: number;
  businesses: number;
}

export interface RegionProfile {
  code: string;
  level: number;
  organisationCount: number;
  helixMix: HelixShare[];
  /** Ties with at least one end in the region. */
  tieCount: number;
  insideTies: number;
  outsideTies: number;
  /** Ties of the region’s organisations joining research or a university with a company. */
  researchBusinessTies: number;
  researchBusinessShare: number;
  /** Outside partners by region at the profiled region's level, heaviest first. */
  partnerRegions: PartnerRegion[];
  partnerCountries: PartnerRegion[];
  gatekeepers: Gatekeeper[];
  sectors: Count[];
  clusterIds: string[];
  perYear: YearFigures[];
  /** Sub-regions, sectors and clusters with both sides present and not one tie between them. */
  neverMeet: NeverMeet[];
}

function levelOf(code: string, data: CooperationData): number {
  return data.regions?.find((region) => region.code === code)?.level ?? Math.max(0, code.length - 2);
}

function top<T>(items: T[], by: (item: T) => number, count: number): T[] {
  return items.sort((a, b) => by(b) - by(a)).slice(0, count);
}

/**
 * The profile of a region (with its sub-regions) over a period: who is there, how they cooperate
 * inside and outside, with whom, and where research and business never meet. `network` is the
 * organisation co-participation network of the same period over all regions (the server caches it).
 */
export function regionProfile(
  data: CooperationData,
  network: Network,
  code: string,
  period: { from?: string; to?: string } = {},
  options: { topCount?: number } = {},
): RegionProfile {
  const topCount = options.topCount ?? 10;
  const inRegion = regionMatcher(code, data.regions);
  const level = levelOf(code, data);
  const rollUp = regionRollUp(data.regions);
  const members = new Map<string, OrganisationRow>();
  for (const organisation of data.organisations)
    if (inRegion(organisation.regionCode)) members.set(organisation.id, organisation);

  const helixCounts = new Map<Helix, number>(HELICES.map((helix) => [helix, 0]));
  const sectorCounts = new Map<string, number>();
  for (const organisation of members.values()) {
    const helix = helixOf(organisation.kind);
    helixCounts.set(helix, (helixCounts.get(helix) ?? 0) + 1);
    for (const sector of organisation.sectorCodes)
      sectorCounts.set(sector, (sectorCounts.get(sector) ?? 0) + 1);
  }

  const graph = network.graph;
  let tieCount = 0;
  let insideTies = 0;
  let researchBusinessTies = 0;
  const partnerRegions = new Map<string, PartnerRegion>();
  const partnerCountries = new Map<string, PartnerRegion>();
  const gatekeepers = new Map<string, Gatekeeper>();
  const addPartner = (table: Map<string, PartnerRegion>, key: string, weight: number) => {
    const entry = table.get(key) ?? { code: key, ties: 0, weight: 0 };
    entry.ties++;
    entry.weight += weight;
    table.set(key, entry);
  };
  graph.forEachEdge((_edge, tie, a, b) => {
    const aInside = members.has(a);
    const bInside = members.has(b);
    if (!aInside && !bInside) return;
    tieCount++;
    const kindA = graph.getNodeAttribute(a, 'organisationKind');
    const kindB = graph.getNodeAttribute(b, 'organisationKind');
    if ((isKnowledge(kindA) && isBusiness(kindB)) || (isBusiness(kindA) && isKnowledge(kindB)))
      researchBusinessTies++;
    if (aInside && bInside) {
      insideTies++;
      return;
    }
    const [member, partner] = aInside ? [a, b] : [b, a];
    const gatekeeper = gatekeepers.get(member) ?? { id: member, outsideTies: 0, outsideWeight: 0 };
    gatekeeper.outsideTies++;
    gatekeeper.outsideWeight += tie.weight;
    gatekeepers.set(member, gatekeeper);
    const partnerRegion = graph.getNodeAttribute(partner, 'regionCode');
    if (partnerRegion !== null) {
      addPartner(partnerRegions, rollUp(partnerRegion, level), tie.weight);
      addPartner(partnerCountries, rollUp(partnerRegion, 0), tie.weight);
    }
  });

  const range = dateRange(period);
  const projects = new Map(data.projects.map((project) => [project.id, project]));
  const years = new Map<number, { projects: Set<string>; contribution: number }>();
  for (const participation of data.participations) {
    if (!members.has(participation.organisationId)) continue;
    const project = projects.get(participation.projectId);
    if (!project?.startDate || !overlaps(range, project.startDate, project.endDate)) continue;
    const year = Number(project.startDate.slice(0, 4));
    const figures = years.get(year) ?? { projects: new Set(), contribution: 0 };
    figures.projects.add(project.id);
    figures.contribution += participation.contribution ?? 0;
    years.set(year, figures);
  }

  const total = members.size;
  return {
    code,
    level,
    organisationCount: total,
    helixMix: HELICES.map((helix) => {
      const count = helixCounts.get(helix) ?? 0;
      return { helix, count, share: total === 0 ? 0 : count / total };
    }),
    tieCount,
    insideTies,
    outsideTies: tieCount - insideTies,
    researchBusinessTies,
    researchBusinessShare: tieCount === 0 ? 0 : researchBusinessTies / tieCount,
    partnerRegions: top([...partnerRegions.values()], (entry) => entry.weight, topCount),
    partnerCountries: top([...partnerCountries.values()], (entry) => entry.weight, topCount),
    gatekeepers: top([...gatekeepers.values()], (entry) => entry.outsideTies, topCount),
    sectors: [...sectorCounts]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1)),
    clusterIds: (data.clusters ?? [])
      .filter((cluster) => inRegion(cluster.regionCode))
      .map((cluster) => cluster.id)
      .sort(),
    perYear: [...years]
      .map(([year, figures]) => ({
        year,
        projects: figures.projects.size,
        contribution: figures.contribution,
      }))
      .sort((a, b) => a.year - b.year),
    neverMeet: neverMeet(data, network, members, code, level),
  };
}

/** Groups of the region's organisations where knowledge organisations and companies are both present but never tied. */
function neverMeet(
  data: CooperationData,
  network: Network,
  members: Map<string, OrganisationRow>,
  code: string,
  level: number,
): NeverMeet[] {
  const rollUp = regionRollUp(data.regions);
  const groups = new Map<string, { dimension: NeverMeet['dimension']; key: string; ids: string[] }>();
  const add = (dimension: NeverMeet['dimension'], key: string, id: string) => {
    const groupKey = `${dimension}\u0000${key}`;
    const group = groups.get(groupKey) ?? { dimension, key, ids: [] };
    group.ids.push(id);
    groups.set(groupKey, group);
  };
  const clustersOf = new Map<string, string[]>();
  for (const membership of data.memberships ?? []) {
    const clusters = clustersOf.get(membership.organisationId) ?? [];
    clusters.push(membership.clusterId);
    clustersOf.set(membership.organisationId, clusters);
  }
  for (const organisation of members.values()) {
    add('REGION', code, organisation.id);
    if (organisation.regionCode !== null && level < 3) {
      const sub = rollUp(organisation.regionCode, level + 1);
      if (sub !== code) add('REGION', sub, organisation.id);
    }
    for (const sector of organisation.sectorCodes) add('SECTOR', sector, organisation.id);
    for (const cluster of clustersOf.get(organisation.id) ?? []) add('CLUSTER', cluster, organisation.id);
  }
  const graph = network.graph;
  const result: NeverMeet[] = [];
  for (const { dimension, key, ids } of groups.values()) {
    const knowledge = ids.filter((id) => isKnowledge(members.get(id)?.kind ?? null));
    const businesses = new Set(ids.filter((id) => isBusiness(members.get(id)?.kind ?? null)));
    if (knowledge.length === 0 || businesses.size === 0) continue;
    const meet = knowledge.some(
      (id) => graph.hasNode(id) && graph.someNeighbor(id, (neighbour) => businesses.has(neighbour)),
    );
    if (!meet)
      result.push({ dimension, key, knowledgeOrganisations: knowledge.length, businesses: businesses.size });
  }
  return result.sort((a, b) => (a.dimension + a.key < b.dimension + b.key ? -1 : 1));
}
