import type { Origin } from '@clustergraph/schema';
import type { UndirectedGraph } from 'graphology';

/** Where a fact came from (the model's origins): the curated files, an import, or the generator. */
export { ORIGINS, type Origin } from '@clustergraph/schema';

export const NETWORK_NODE_KINDS = ['ORGANISATION', 'CLUSTER', 'REGION'] as const;
export type NetworkNodeKind = (typeof NETWORK_NODE_KINDS)[number];

/** What makes two organisations tied: a shared project, a shared cluster, a shared partnership, or any. */
export const TIE_KINDS = ['CO_PARTICIPATION', 'CO_MEMBERSHIP', 'PARTNERSHIP', 'ALL'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

/** The plain rows a network is built from (the server reads them with one statement per subgraph). */
export interface OrganisationRow {
  id: string;
  name: string;
  kind: string;
  /** The most specific region the organisation is located in (a NUTS code or a country code). */
  regionCode: string | null;
  sectorCodes: readonly string[];
  origin: Origin;
}

export interface ClusterRow {
  id: string;
  name: string;
  regionCode: string | null;
  sectorCodes: readonly string[];
  origin: Origin;
}

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface ProjectRow {
  id: string;
  /** A short name for explanations (acronym, code or title). */
  label?: string;
  /** ISO dates (yyyy-mm-dd) or null when unknown. */
  startDate: string | null;
  endDate: string | null;
  programmeIds: readonly string[];
  origin: Origin;
}

export interface ParticipationRow {
  organisationId: string;
  projectId: string;
  /** The EU contribution the organisation received for the project, when known. */
  contribution?: number | null;
}

export interface MembershipRow {
  organisationId: string;
  clusterId: string;
}

export interface PartnershipRow {
  organisationId: string;
  partnershipId: string;
}

export interface CooperationData {
  organisations: readonly OrganisationRow[];
  projects: readonly ProjectRow[];
  participations: readonly ParticipationRow[];
  clusters?: readonly ClusterRow[];
  regions?: readonly RegionRow[];
  memberships?: readonly MembershipRow[];
  partnerships?: readonly PartnershipRow[];
}

/**
 * Which network to build. Node filters (region, sector, organisation kinds, origins) select the
 * organisations; tie filters (programme, period) select the projects that tie them. Every field is
 * optional; `nodeKind` defaults to ORGANISATION and `tieKind` to CO_PARTICIPATION.
 */
export interface NetworkFilter {
  nodeKind?: NetworkNodeKind;
  tieKind?: TieKind;
  /** A region code: organisations (or clusters) located in it or in any of its sub-regions. */
  regionCode?: string;
  sectorCode?: string;
  organisationKinds?: readonly string[];
  programmeId?: string;
  /** Only the members of this cluster (organisation networks): the ties among a cluster's members. */
  clusterId?: string;
  /** Projects whose period overlaps this range; partial dates ("2014", "2014-06") as in partial-dates.ts. */
  period?: { from?: string; to?: string };
  origins?: readonly Origin[];
  /** Ties lighter than this are left out (default 1). */
  minWeight?: number;
  /** For REGION networks: the NUTS level the organisations' regions are rolled up to (0 = country). */
  regionLevel?: number;
}

/** The filter with its defaults filled in: the description of a network that every result repeats. */
export interface NetworkDescription {
  nodeKind: NetworkNodeKind;
  tieKind: TieKind;
  regionCode: string | null;
  sectorCode: string | null;
  organisationKinds: readonly string[] | null;
  programmeId: string | null;
  clusterId: string | null;
  period: { from: string | null; to: string | null };
  origins: readonly Origin[] | null;
  minWeight: number;
  regionLevel: number | null;
  nodeCount: number;
  edgeCount: number;
  /** A stable text key of the filter (not the counts): equal keys, equal networks on the same data. */
  key: string;
}

export interface NetworkNodeAttributes {
  kind: NetworkNodeKind;
  label: string;
  /** The organisation's kind (SME, UNIVERSITY, ...); for clusters and regions null. */
  organisationKind: string | null;
  regionCode: string | null;
  clusterIds: readonly string[];
  /** Aggregated networks: the weight of ties between members of the same cluster or region. */
  internalWeight: number;
  /** Aggregated networks: how many organisations the node stands for. */
  memberCount: number;
}

/** A tie and what it is made of. */
export interface TieAttributes {
  weight: number;
  /** Shared projects (by id). */
  projects: string[];
  /** Shared clusters (organisation networks) or shared member organisations (cluster networks). */
  clusters: string[];
  partnerships: string[];
  sharedMembers: string[];
  /** Aggregated networks: how many organisation ties the tie sums. */
  organisationTies: number;
  /** The earliest start and latest end of the shared projects (ISO dates), null without dated projects. */
  from: string | null;
  to: string | null;
}

export type CooperationGraph = UndirectedGraph<NetworkNodeAttributes, TieAttributes>;

export interface Network {
  graph: CooperationGraph;
  description: NetworkDescription;
}
