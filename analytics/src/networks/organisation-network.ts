import { UndirectedGraph } from 'graphology';
import { type NormalisedFilter, regionMatcher } from './filter.ts';
import { dateRange, overlaps } from './partial-dates.ts';
import type {
  CooperationData,
  CooperationGraph,
  NetworkNodeAttributes,
  OrganisationRow,
  ProjectRow,
  TieAttributes,
} from './types.ts';

/** Which relations tie organisations. */
export interface TieSources {
  projects: boolean;
  clusters: boolean;
  partnerships: boolean;
}

export function tieSources(tieKind: NormalisedFilter['tieKind']): TieSources {
  return {
    projects: tieKind === 'CO_PARTICIPATION' || tieKind === 'ALL',
    clusters: tieKind === 'CO_MEMBERSHIP' || tieKind === 'ALL',
    partnerships: tieKind === 'PARTNERSHIP' || tieKind === 'ALL',
  };
}

interface NodeFilterOptions {
  /** Aggregated networks apply region and sector to the clusters or regions, not to the members. */
  ignoreRegionAndSector?: boolean;
}

export function organisationSelector(
  filter: NormalisedFilter,
  data: CooperationData,
  options: NodeFilterOptions = {},
): (organisation: OrganisationRow) => boolean {
  const kinds = filter.organisationKinds ? new Set(filter.organisationKinds) : null;
  const origins = filter.origins ? new Set<string>(filter.origins) : null;
  const inRegion =
    filter.regionCode !== null && !options.ignoreRegionAndSector
      ? regionMatcher(filter.regionCode, data.regions)
      : null;
  const sector = options.ignoreRegionAndSector ? null : filter.sectorCode;
  const members =
    filter.clusterId === null
      ? null
      : new Set(
          (data.memberships ?? [])
            .filter((membership) => membership.clusterId === filter.clusterId)
            .map((membership) => membership.organisationId),
        );
  return (organisation) =>
    (members === null || members.has(organisation.id)) &&
    (kinds === null || kinds.has(organisation.kind)) &&
    (origins === null || origins.has(organisation.origin)) &&
    (sector === null || organisation.sectorCodes.includes(sector)) &&
    (inRegion === null || inRegion(organisation.regionCode));
}

export function projectSelector(filter: NormalisedFilter): (project: ProjectRow) => boolean {
  const range = dateRange(filter.period);
  const origins = filter.origins ? new Set<string>(filter.origins) : null;
  const programme = filter.programmeId;
  return (project) =>
    (programme === null || project.programmeIds.includes(programme)) &&
    (origins === null || origins.has(project.origin)) &&
    overlaps(range, project.startDate, project.endDate);
}

interface TieAccumulator {
  a: string;
  b: string;
  tie: TieAttributes;
}

export function emptyTie(): TieAttributes {
  return {
    weight: 0,
    projects: [],
    clusters: [],
    partnerships: [],
    sharedMembers: [],
    organisationTies: 0,
    from: null,
    to: null,
  };
}

export function widenPeriod(tie: TieAttributes, from: string | null, to: string | null): void {
  if (from !== null && (tie.from === null || from < tie.from)) tie.from = from;
  if (to !== null && (tie.to === null || to > tie.to)) tie.to = to;
}

/**
 * Accumulates ties between the members of groups (projects, clusters, partnerships). Members are
 * numbered as they come so a pair's key is one number (a * 2^26 + b), not a joined string: the
 * H2020 network has 800,000 ties.
 */
export class TieTable {
  readonly ties = new Map<number, TieAccumulator>();
  private readonly numbers = new Map<string, number>();

  private number(id: string): number {
    let value = this.numbers.get(id);
    if (value === undefined) {
      value = this.numbers.size;
      this.numbers.set(id, value);
    }
    return value;
  }

  tie(a: string, b: string): TieAttributes {
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = this.number(low) * 67_108_864 + this.number(high);
    let entry = this.ties.get(key);
    if (!entry) {
      entry = { a: low, b: high, tie: emptyTie() };
      this.ties.set(key, entry);
    }
    return entry.tie;
  }

  /** Every pair of distinct members gets the group added under `part`. */
  addGroup(
    members: readonly string[],
    part: 'projects' | 'clusters' | 'partnerships',
    groupId: string,
    period: { from: string | null; to: string | null } = { from: null, to: null },
  ): void {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const tie = this.tie(members[i] as string, members[j] as string);
        tie[part].push(groupId);
        tie.weight++;
        widenPeriod(tie, period.from, period.to);
      }
    }
  }
}

function groupMembers(
  pairs: Iterable<readonly [string, string]>,
  selectedMember: (id: string) => boolean,
  selectedGroup: (id: string) => boolean,
): Map<string, string[]> {
  const groups = new Map<string, Set<string>>();
  for (const [member, group] of pairs) {
    if (!selectedMember(member) || !selectedGroup(group)) continue;
    let members = groups.get(group);
    if (!members) {
      members = new Set();
      groups.set(group, members);
    }
    members.add(member);
  }
  return new Map([...groups].map(([group, members]) => [group, [...members]]));
}

export function organisationNodeAttributes(
  organisation: OrganisationRow,
  clusterIds: readonly string[],
): NetworkNodeAttributes {
  return {
    kind: 'ORGANISATION',
    label: organisation.name,
    organisationKind: organisation.kind,
    regionCode: organisation.regionCode,
    clusterIds,
    internalWeight: 0,
    memberCount: 1,
  };
}

export interface OrganisationNetworkParts {
  graph: CooperationGraph;
  /** Cluster ids per selected organisation (memberships), for brokerage and aggregation. */
  clustersOf: Map<string, string[]>;
}

/**
 * The organisation network: nodes are the selected organisations with at least one selected
 * relation of the tie kind; two are tied by each project (cluster, partnership) they share.
 */
export function buildOrganisationNetwork(
  data: CooperationData,
  filter: NormalisedFilter,
  options: NodeFilterOptions & { sources?: TieSources } = {},
): OrganisationNetworkParts {
  const selectOrganisation = organisationSelector(filter, data, options);
  const organisations = new Map<string, OrganisationRow>();
  for (const organisation of data.organisations) {
    if (selectOrganisation(organisation)) organisations.set(organisation.id, organisation);
  }
  const isSelected = (id: string) => organisations.has(id);
  const selectProject = projectSelector(filter);
  const projects = new Map<string, ProjectRow>();
  for (const project of data.projects) if (selectProject(project)) projects.set(project.id, project);

  const clustersOf = new Map<string, string[]>();
  for (const membership of data.memberships ?? []) {
    if (!isSelected(membership.organisationId)) continue;
    const clusters = clustersOf.get(membership.organisationId) ?? [];
    if (!clusters.includes(membership.clusterId)) clusters.push(membership.clusterId);
    clustersOf.set(membership.organisationId, clusters);
  }

  const sources = options.sources ?? tieSources(filter.tieKind);
  const table = new TieTable();
  const tied = new Set<string>();
  const addGroups = (groups: Map<string, string[]>, part: 'projects' | 'clusters' | 'partnerships') => {
    for (const [groupId, members] of groups) {
      for (const member of members) tied.add(member);
      const project = part === 'projects' ? projects.get(groupId) : undefined;
      table.addGroup(members, part, groupId, {
        from: project?.startDate ?? null,
        to: project?.endDate ?? null,
      });
    }
  };
  if (sources.projects) {
    const pairs = data.participations.map((row) => [row.organisationId, row.projectId] as const);
    addGroups(
      groupMembers(pairs, isSelected, (id) => projects.has(id)),
      'projects',
    );
  }
  if (sources.clusters) {
    const pairs = (data.memberships ?? []).map((row) => [row.organisationId, row.clusterId] as const);
    addGroups(
      groupMembers(pairs, isSelected, () => true),
      'clusters',
    );
  }
  if (sources.partnerships) {
    const pairs = (data.partnerships ?? []).map((row) => [row.organisationId, row.partnershipId] as const);
    addGroups(
      groupMembers(pairs, isSelected, () => true),
      'partnerships',
    );
  }

  const graph: CooperationGraph = new UndirectedGraph();
  for (const id of tied) {
    const organisation = organisations.get(id) as OrganisationRow;
    graph.addNode(id, organisationNodeAttributes(organisation, clustersOf.get(id) ?? []));
  }
  for (const { a, b, tie } of table.ties.values()) {
    if (tie.weight >= filter.minWeight) graph.addUndirectedEdge(a, b, tie);
  }
  return { graph, clustersOf };
}
